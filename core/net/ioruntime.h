#pragma once

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>

#include "core/net/handoff.h"

#include <memory>
#include <thread>
#include <type_traits>

namespace ringscope::core {

// The one asio io_context of the program, run by one worker thread. A
// single-threaded context is its own strand: everything in core/net runs
// there, and other threads only post() into it. Sockets in particular are
// opened, used and closed only on the worker thread (the reactor does not
// lock their state: ASIO_CONCURRENCY_HINT_UNSAFE_IO); one may be destroyed
// elsewhere once it is closed. Creating I/O objects and posting stay safe
// from any thread (registration and the scheduler still lock).
class IoRuntime {
public:
    IoRuntime();
    ~IoRuntime();
    IoRuntime(const IoRuntime &) = delete;
    IoRuntime &operator=(const IoRuntime &) = delete;

    asio::io_context &context() noexcept { return m_io; }
    bool inWorkerThread() const noexcept { return std::this_thread::get_id() == m_thread.get_id(); }

    template <typename F>
    void post(F &&f)
    {
        asio::post(m_io, std::forward<F>(f));
    }

    // Runs `f` on the worker thread and waits for its result; runs it at
    // once when called there. Never call it from a handler that the worker
    // would have to finish first.
    template <typename F>
    auto call(F &&f) -> std::invoke_result_t<F>
    {
        using R = std::invoke_result_t<F>;
        if (inWorkerThread())
            return f();
        // The hand-off lives on the heap, shared with the handler: the
        // worker never touches memory of a stack frame the caller may have
        // left (ThreadSanitizer saw stack reuse there as a race).
        if constexpr (std::is_void_v<R>) {
            auto done = std::make_shared<Handoff<bool>>();
            post([&f, done] {
                f();
                done->set(true);
            });
            done->take();
        } else {
            auto result = std::make_shared<Handoff<R>>();
            post([&f, result] { result->set(f()); });
            return result->take();
        }
    }

    // Stops the loop and joins the thread; pending handlers are dropped.
    void stop();

private:
    asio::io_context m_io;
    asio::executor_work_guard<asio::io_context::executor_type> m_guard;
    std::thread m_thread;
};

} // namespace ringscope::core
