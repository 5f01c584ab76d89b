#pragma once

// A wait for a plain TCP socket to become readable, for a caller that has
// just read it dry (read_some returned would_block), at no system call.
//
// asio arms every wait on a socket with a system call: async_read_some first
// tries a recv (the "speculative" read), which the caller's own read has just
// shown to be empty, and async_wait re-registers the socket with epoll_ctl.
// In a request/reply ping-pong that is one wasted syscall per reply that is
// not there yet. The socket is registered edge-triggered, so after a read
// that found nothing the next bytes to arrive raise an edge, and the wait
// only has to be queued: that is what this does, with asio 1.22's epoll
// reactor (Debian 12). Other asio versions or reactors fall back to
// async_wait, which is correct and costs the syscall.
//
// One wait per connection, reused: no allocation. The owner must be used
// from one thread (the I/O thread), and start() only right after a read that
// returned would_block.

#include <asio/ip/tcp.hpp>
#include <asio/version.hpp>

#include <memory>

// RINGSCOPE_PORTABLE_READABLE_WAIT forces the fallback (to test it).
#if ASIO_VERSION / 100 == 1022 && defined(ASIO_HAS_EPOLL) && !defined(ASIO_HAS_IO_URING_AS_DEFAULT) \
    && !defined(RINGSCOPE_PORTABLE_READABLE_WAIT)
#define RINGSCOPE_QUEUED_READABLE_WAIT 1
#include <asio/detail/reactor.hpp>
#include <asio/detail/reactor_op.hpp>
#endif

namespace ringscope::core {

// A tcp::socket whose implementation the wait below can reach.
class PlainSocket : public asio::ip::tcp::socket {
public:
    using asio::ip::tcp::socket::socket;
#ifdef RINGSCOPE_QUEUED_READABLE_WAIT
    auto &implementation() { return impl_.get_implementation(); }
#endif
};

#ifdef RINGSCOPE_QUEUED_READABLE_WAIT

class ReadableWait final : private asio::detail::reactor_op {
public:
    using Handler = void (*)(void *owner, const asio::error_code &ec);

    // `handler(owner.get(), ec)` runs on the I/O thread when the socket is
    // readable (ec empty; a read then tells data from end of stream or an
    // error) or when the wait is cancelled by closing the socket
    // (operation_aborted).
    explicit ReadableWait(Handler handler)
        : reactor_op(asio::error_code(), &ReadableWait::perform, &ReadableWait::complete)
        , m_handler(handler)
    {
    }

    // `owner` is held until the handler has run.
    void start(PlainSocket &socket, std::shared_ptr<void> owner)
    {
        m_owner = std::move(owner);
        ec_ = {};
        auto &impl = socket.implementation();
        if (!m_reactor) // looked up once: use_service locks the registry and walks its list
            m_reactor = &asio::use_service<asio::detail::reactor>(
                asio::query(socket.get_executor(), asio::execution::context));
        // The reactor calls perform() at once when speculative reads are
        // allowed; during start it answers "not yet", so the wait is queued
        // with no recv and no epoll_ctl.
        m_starting = true;
        m_reactor->start_op(asio::detail::reactor::read_op, impl.socket_, impl.reactor_data_, this,
                            /*is_continuation=*/true, /*allow_speculative=*/true);
        m_starting = false;
    }

private:
    static status perform(reactor_op *base)
    {
        // From the reactor's wake-up: readable (or an error or hang-up,
        // which the owner's read will report).
        return static_cast<ReadableWait *>(base)->m_starting ? not_done : done;
    }

    static void complete(void *scheduler, asio::detail::scheduler_operation *base, const asio::error_code &,
                         std::size_t)
    {
        auto *self = static_cast<ReadableWait *>(base);
        // The owner (and this wait, its member) may go with the last reference.
        const std::shared_ptr<void> owner = std::move(self->m_owner);
        const asio::error_code ec = self->ec_; // the handler may start the wait again
        // No scheduler: the io_context is being destroyed with the wait
        // still queued; nothing runs.
        if (scheduler)
            self->m_handler(owner.get(), ec);
    }

    Handler m_handler;
    asio::detail::reactor *m_reactor = nullptr; // the socket's, which never changes context
    std::shared_ptr<void> m_owner;
    bool m_starting = false;
};

#else

class ReadableWait {
public:
    using Handler = void (*)(void *owner, const asio::error_code &ec);
    explicit ReadableWait(Handler handler) : m_handler(handler) {}
    void start(PlainSocket &socket, std::shared_ptr<void> owner)
    {
        socket.async_wait(asio::socket_base::wait_read,
                          [handler = m_handler, owner = std::move(owner)](const asio::error_code &ec) {
                              handler(owner.get(), ec);
                          });
    }

private:
    Handler m_handler;
};

#endif

} // namespace ringscope::core
