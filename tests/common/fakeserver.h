#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace ringscope::test {

// A tiny TCP server on 127.0.0.1 for replies a real memcached never sends
// (garbage, truncation, unsolicited bytes) and for counting the bytes a
// client puts on the wire. One connection at a time, on its own thread.
class FakeServer {
public:
    // Given everything received so far on this connection, returns the bytes
    // to send now (may be empty) and whether to close afterwards.
    struct Action {
        std::string send;
        bool close = false;
    };
    using Script = std::function<Action(const std::string &received)>;

    // `address`: the IPv4 address to listen on, host byte order (loopback by default).
    explicit FakeServer(Script script, std::string greeting = {}, std::uint32_t address = 0x7f000001);
    ~FakeServer();
    FakeServer(const FakeServer &) = delete;
    FakeServer &operator=(const FakeServer &) = delete;

    unsigned short port() const noexcept { return m_port; }
    std::string received() const; // all bytes ever received, all connections
    int connections() const noexcept { return m_connections.load(); }

private:
    void run();

    Script m_script;
    std::string m_greeting;
    int m_listen = -1;
    unsigned short m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    std::string m_received;
    std::thread m_thread;
};

} // namespace ringscope::test
