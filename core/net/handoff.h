#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>

namespace ringscope::core {

// One value passed from the I/O thread to a thread that waits for it: the
// *Sync helpers and IoRuntime::call. A mutex and a condition variable rather
// than std::promise, whose wait in libstdc++ happens inside the shared
// library where ThreadSanitizer cannot see it (false reports on every
// stack-allocated promise). set() notifies under the lock, so the waiter may
// destroy the Handoff as soon as take() returns.
template <typename T>
class Handoff {
public:
    void set(T value)
    {
        std::lock_guard lock(m_mutex);
        m_value.emplace(std::move(value));
        m_ready.notify_one();
    }

    T take()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_value.has_value(); });
        return std::move(*m_value);
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::optional<T> m_value;
};

} // namespace ringscope::core
