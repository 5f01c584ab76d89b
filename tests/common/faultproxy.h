#pragma once

#include "core/net/ioruntime.h"

#include <asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace ringscope::test {

// A TCP proxy on 127.0.0.1 in front of a real server that misbehaves on
// request: late replies, replies sliced into single bytes, a reset or a close
// after N bytes of reply, or refused connections. Requests pass untouched;
// faults apply to what the server sends back. Runs on its own I/O thread.
class FaultProxy {
public:
    struct Faults {
        std::chrono::milliseconds latency{0}; // before each chunk of reply
        bool slice = false;                   // one byte per write
        long long closeAfter = -1;            // reply bytes per connection, then FIN
        long long resetAfter = -1;            // reply bytes per connection, then RST
        bool refuse = false;                  // connections, open and new, are reset
    };

    explicit FaultProxy(std::uint16_t upstreamPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    std::uint16_t port() const noexcept { return m_port; }
    void setFaults(const Faults &faults);
    Faults faults() const;
    int connections() const noexcept { return m_connections.load(); }

private:
    struct Session;
    void accept();

    core::IoRuntime m_runtime;
    asio::ip::tcp::acceptor m_acceptor;
    std::uint16_t m_upstream;
    std::uint16_t m_port = 0;
    mutable std::mutex m_mutex;
    Faults m_faults;
    std::atomic<int> m_connections{0};
    std::vector<std::weak_ptr<Session>> m_sessions; // I/O thread
};

} // namespace ringscope::test
