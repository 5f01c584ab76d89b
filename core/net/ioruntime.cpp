#include "core/net/ioruntime.h"

#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

namespace ringscope::core {

IoRuntime::IoRuntime()
    // One thread runs the loop and owns every socket (other threads only
    // post): the reactor need not lock each socket's state for each
    // operation. Posting from other threads stays safe (the scheduler locks).
    : m_io(ASIO_CONCURRENCY_HINT_UNSAFE_IO)
    , m_guard(asio::make_work_guard(m_io))
{
    // Create the reactor and the timer service before the loop runs, so that
    // they are never created lazily by another thread while it runs.
    {
        asio::steady_timer timer(m_io);
        asio::ip::tcp::socket socket(m_io);
    }
    m_thread = std::thread([this] { m_io.run(); });
}

IoRuntime::~IoRuntime()
{
    stop();
}

void IoRuntime::stop()
{
    if (!m_thread.joinable())
        return;
    m_guard.reset();
    m_io.stop();
    m_thread.join();
}

} // namespace ringscope::core
