#pragma once

#include <cstddef>
#include <deque>
#include <future>
#include <memory>
#include <utility>

namespace ringscope::cli {

// A batch command's operations in flight: at most `operations` started and
// not yet handed out, and at most about `bytes` of their payload. Results
// come out in the order the operations were started, as soon as the oldest
// is done; the caller's thread waits for room. So the servers' queues and
// this process's memory stay bounded whatever the input's size, and a
// request's deadline never covers a wait behind a million others.
template <typename Result>
class OrderedWindow {
public:
    OrderedWindow(std::size_t operations, std::size_t bytes) : m_operations(operations), m_bytes(bytes) {}

    // `start(done)` begins one operation; `done(Result)` must be called once,
    // from any thread. `print(Result&&)` runs on this thread.
    template <typename Start, typename Print>
    void run(Start &&start, std::size_t bytes, Print &&print)
    {
        while (!m_pending.empty() && (m_pending.size() >= m_operations || m_inFlightBytes + bytes > m_bytes))
            handOut(print);
        auto promise = std::make_shared<std::promise<Result>>();
        m_pending.push_back({promise->get_future(), bytes});
        m_inFlightBytes += bytes;
        start([promise](Result r) { promise->set_value(std::move(r)); });
    }

    template <typename Print>
    void drain(Print &&print)
    {
        while (!m_pending.empty())
            handOut(print);
    }

private:
    template <typename Print>
    void handOut(Print &print)
    {
        auto [future, bytes] = std::move(m_pending.front());
        m_pending.pop_front();
        m_inFlightBytes -= bytes;
        print(future.get());
    }

    struct Pending {
        std::future<Result> result;
        std::size_t bytes = 0;
    };
    std::size_t m_operations;
    std::size_t m_bytes;
    std::size_t m_inFlightBytes = 0;
    std::deque<Pending> m_pending;
};

} // namespace ringscope::cli
