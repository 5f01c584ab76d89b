#pragma once

#include "core/distribution/server.h"
#include "core/net/connection.h"
#include "core/net/health.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ringscope::core {

// The connections to one server and its health. A refused or reset
// connection counts as a failure at once; a server that stops answering
// counts when a request on the wire passes its deadline. `failureThreshold`
// failures in a row mark it Down: requests then fail fast with ServerDown and
// a probe (`version`) is sent after 1 s, then 2, 4 … up to 60 s, until one is
// answered and the server is Up again; a server that goes down again soon
// after (flapping) keeps its longer backoff. Lives on the I/O thread.
class ServerPool : public std::enable_shared_from_this<ServerPool> {
public:
    struct Options {
        Connection::Options connection{};
        std::chrono::milliseconds requestTimeout{300}; // a request on the wire, from when it is sent
        // How long a request may wait to be sent (for a connection, or behind
        // a write the server is slow to read); zero: the connect timeout plus
        // the request's own timeout. Past it the request fails as Timeout,
        // never sent (so a write did not happen).
        std::chrono::milliseconds queueTimeout{0};
        unsigned failureThreshold = 2;
        std::chrono::milliseconds probeFirst{1000};
        std::chrono::milliseconds probeMax{60000};
        unsigned connections = 1; // pipelining makes one enough for most loads
    };
    using EventHandler = std::function<void(const HealthEvent &)>;

    ServerPool(asio::io_context &io, std::size_t index, Server server, Options options, EventHandler onEvent);

    void submit(RequestPtr request)
    {
        const std::string_view bytes = request->bytes;
        submit(std::move(request), bytes);
    }
    // `bytes` instead of the request's own (copied at once).
    void submit(RequestPtr request, std::string_view bytes);
    // A noreply write (see Connection::submitNoReply), bounded by requestTimeout.
    void submitNoReply(std::string_view bytes, Connection::WrittenCallback written);
    void shutdown();
    // A server marked down is probed now, not after its backoff (whoever
    // restarted it knows it is back); the backoff starts again from
    // probeFirst. Nothing for a server that is up, or with a probe in flight.
    void probeSoon();
    ServerState state() const noexcept { return m_state; }
    const Server &server() const noexcept { return m_server; }
    const Options &options() const noexcept { return m_options; }
    std::size_t outstanding() const noexcept;

private:
    Connection &connection();
    void adopt(Connection &connection); // report its failures and replies to this pool
    void onFailure(ClientErrc code, const std::string &why);
    void onSuccess();
    void setState(ServerState next, const std::string &reason);
    void scheduleProbe();
    void probe();

    asio::io_context &m_io;
    std::size_t m_index;
    Server m_server;
    Options m_options;
    EventHandler m_onEvent;
    std::vector<std::shared_ptr<Connection>> m_connections;
    std::shared_ptr<Connection> m_probe; // the probe in flight, if any
    std::size_t m_next = 0;
    ServerState m_state = ServerState::Up;
    unsigned m_failures = 0;
    std::chrono::milliseconds m_backoff;
    std::optional<Clock::time_point> m_cameUp; // when a probe last brought it back
    asio::steady_timer m_probeTimer;
    bool m_shutdown = false;
};

} // namespace ringscope::core
