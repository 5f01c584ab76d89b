#include "core/net/serverpool.h"

#include "core/protocol/requestencoder.h"

#include <utility>

namespace ringscope::core {

const char *stateName(ServerState state) noexcept
{
    static constexpr const char *kNames[] = {"up", "suspect", "down"};
    return kNames[static_cast<std::size_t>(state)];
}

ServerPool::ServerPool(asio::io_context &io, std::size_t index, Server server, Options options, EventHandler onEvent)
    : m_io(io)
    , m_index(index)
    , m_server(std::move(server))
    , m_options(options)
    , m_onEvent(std::move(onEvent))
    , m_backoff(options.probeFirst)
    , m_probeTimer(io)
{
    m_connections.resize(std::max(1u, options.connections));
}

std::size_t ServerPool::outstanding() const noexcept
{
    std::size_t n = 0;
    for (const auto &c : m_connections)
        if (c && !c->closed())
            n += c->outstanding();
    return n;
}

void ServerPool::adopt(Connection &connection)
{
    std::weak_ptr<ServerPool> weak = weak_from_this();
    connection.setCloseHandler([weak](ClientErrc code, const std::string &why) {
        if (auto self = weak.lock())
            self->onFailure(code, why);
    });
    // Any reply at all (even NOT_FOUND or SERVER_ERROR) shows the server is
    // alive. shutdown() clears this before the pool can go away.
    connection.setReplyHandler([this] { onSuccess(); });
}

Connection &ServerPool::connection()
{
    auto &slot = m_connections.size() == 1 ? m_connections.front() : m_connections[m_next++ % m_connections.size()];
    if (!slot || slot->closed()) {
        slot = std::make_shared<Connection>(m_io, m_server.host, m_server.port, m_options.connection);
        adopt(*slot);
        slot->start();
    }
    return *slot; // held by the slot (and its own handlers) while the caller uses it
}

void ServerPool::submit(RequestPtr request, std::string_view bytes)
{
    if (m_shutdown)
        return failFromLoop(m_io, std::move(request), ClientErrc::Cancelled, "the client is shutting down");
    if (m_state == ServerState::Down)
        return failFromLoop(m_io, std::move(request), ClientErrc::ServerDown, m_server.address() + " is marked down");
    connection().submit(std::move(request), bytes);
}

void ServerPool::submitNoReply(std::string_view bytes, Connection::WrittenCallback written)
{
    if (m_shutdown || m_state == ServerState::Down) {
        if (written)
            failFromLoop(m_io, std::move(written), m_shutdown ? ClientErrc::Cancelled : ClientErrc::ServerDown,
                         m_shutdown ? std::string("the client is shutting down") : m_server.address() + " is marked down");
        return;
    }
    connection().submitNoReply(bytes, std::move(written), m_options.requestTimeout);
}

void ServerPool::onSuccess()
{
    m_failures = 0;
    if (m_state == ServerState::Suspect)
        setState(ServerState::Up, "answered again");
}

void ServerPool::onFailure(ClientErrc code, const std::string &why)
{
    if (m_shutdown || m_state == ServerState::Down)
        return;
    ++m_failures;
    const std::string reason = why.empty() ? std::string(errcName(code)) : why;
    if (m_failures >= m_options.failureThreshold) {
        setState(ServerState::Down, reason);
        for (auto &c : m_connections)
            if (c)
                c->close(ClientErrc::ServerDown, "marked down");
        // A server that fails again soon after it came back (flapping) waits
        // twice as long each time, so it changes the ring a bounded number of
        // times a minute; one that stayed up a while starts again at probeFirst.
        const bool flapping = m_cameUp && Clock::now() - *m_cameUp < 2 * m_backoff;
        m_backoff = flapping ? std::min(m_backoff * 2, m_options.probeMax) : m_options.probeFirst;
        scheduleProbe();
    } else {
        setState(ServerState::Suspect, reason);
    }
}

void ServerPool::setState(ServerState next, const std::string &reason)
{
    if (next == m_state)
        return;
    HealthEvent e{std::chrono::system_clock::now(), m_index, m_server.address(), m_state, next, reason};
    m_state = next;
    if (m_onEvent)
        m_onEvent(e);
}

void ServerPool::scheduleProbe()
{
    m_probeTimer.expires_after(m_backoff);
    std::weak_ptr<ServerPool> weak = weak_from_this();
    m_probeTimer.async_wait([weak](const asio::error_code &ec) {
        if (auto self = weak.lock(); self && !ec && !self->m_shutdown)
            self->probe();
    });
}

void ServerPool::probe()
{
    auto conn = std::make_shared<Connection>(m_io, m_server.host, m_server.port, m_options.connection);
    auto request = std::make_shared<CallbackRequest>();
    encode::version(request->bytes);
    request->expect = Expect::Version;
    request->deadline = Clock::now() + m_options.requestTimeout;
    std::weak_ptr<ServerPool> weak = weak_from_this();
    // The probe's connection holds its request, whose callback holds the
    // connection: the pool keeps it too (m_probe), so that shutdown() can
    // close it, which completes the request and breaks that cycle.
    m_probe = conn;
    request->done = [weak, conn](Outcome outcome) {
        auto self = weak.lock();
        if (!self || self->m_shutdown)
            return;
        self->m_probe.reset();
        if (!outcome.error && outcome.response.reply == Reply::Version) {
            self->m_failures = 0;
            self->m_connections.front() = conn; // keep the connection that answered
            self->adopt(*conn);
            self->m_cameUp = Clock::now();
            self->setState(ServerState::Up, "answered a probe (version " + outcome.response.text + ")");
            return;
        }
        conn->close(ClientErrc::Cancelled, "probe failed");
        self->m_backoff = std::min(self->m_backoff * 2, self->m_options.probeMax);
        self->scheduleProbe();
    };
    conn->start();
    conn->submit(std::move(request));
}

void ServerPool::probeSoon()
{
    if (m_shutdown || m_state != ServerState::Down || m_probe)
        return;
    m_probeTimer.cancel(); // its wait ends with operation_aborted: no second probe
    m_backoff = m_options.probeFirst;
    probe();
}

void ServerPool::shutdown()
{
    m_shutdown = true;
    m_probeTimer.cancel();
    if (auto probe = std::exchange(m_probe, nullptr))
        probe->close(ClientErrc::Cancelled, "client shut down");
    for (auto &c : m_connections)
        if (c) {
            c->setReplyHandler({}); // the pool may go before the connection's last handlers run
            c->close(ClientErrc::Cancelled, "client shut down");
        }
}

} // namespace ringscope::core
