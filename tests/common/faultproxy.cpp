#include "tests/common/faultproxy.h"

#include <asio/read.hpp>
#include <asio/steady_timer.hpp>
#include <asio/write.hpp>

#include <array>
#include <future>

namespace ringscope::test {

using asio::ip::tcp;

struct FaultProxy::Session : std::enable_shared_from_this<Session> {
    Session(FaultProxy &p, tcp::socket s) : proxy(p), client(std::move(s)), server(client.get_executor()), timer(client.get_executor()) {}
    FaultProxy &proxy;
    tcp::socket client, server;
    asio::steady_timer timer;
    std::array<char, 16384> up{}, down{};
    long long sent = 0; // reply bytes given to the client

    void close(bool reset)
    {
        std::error_code ignored;
        if (reset)
            client.set_option(asio::socket_base::linger(true, 0), ignored);
        client.close(ignored);
        server.close(ignored);
    }

    void start()
    {
        auto self = shared_from_this();
        server.async_connect({asio::ip::address_v4::loopback(), proxy.m_upstream}, [self](std::error_code ec) {
            if (ec)
                return self->close(true);
            std::error_code ignored;
            self->client.set_option(tcp::no_delay(true), ignored);
            self->server.set_option(tcp::no_delay(true), ignored);
            self->pumpUp();
            self->pumpDown();
        });
    }

    // Client → server, untouched.
    void pumpUp()
    {
        auto self = shared_from_this();
        client.async_read_some(asio::buffer(up), [self](std::error_code ec, std::size_t n) {
            if (ec)
                return self->close(false);
            asio::async_write(self->server, asio::buffer(self->up.data(), n), [self](std::error_code e, std::size_t) {
                if (e)
                    return self->close(false);
                self->pumpUp();
            });
        });
    }

    // Server → client, with the faults of the moment.
    void pumpDown()
    {
        auto self = shared_from_this();
        server.async_read_some(asio::buffer(down), [self](std::error_code ec, std::size_t n) {
            if (ec)
                return self->close(false);
            const Faults f = self->proxy.faults();
            if (f.latency.count() > 0) {
                self->timer.expires_after(f.latency);
                self->timer.async_wait([self, n, f](std::error_code) { self->deliver(0, n, f); });
            } else {
                self->deliver(0, n, f);
            }
        });
    }

    void deliver(std::size_t from, std::size_t to, const Faults &f)
    {
        if (from == to)
            return pumpDown();
        std::size_t count = f.slice ? 1 : to - from;
        const long long limit = f.resetAfter >= 0 ? f.resetAfter : f.closeAfter;
        if (limit >= 0 && sent + static_cast<long long>(count) >= limit)
            count = static_cast<std::size_t>(std::max(0LL, limit - sent));
        auto self = shared_from_this();
        asio::async_write(client, asio::buffer(down.data() + from, count), [self, from, to, count, f, limit](std::error_code ec, std::size_t) {
            if (ec)
                return self->close(false);
            self->sent += static_cast<long long>(count);
            if (limit >= 0 && self->sent >= limit)
                return self->close(f.resetAfter >= 0);
            self->deliver(from + count, to, f);
        });
    }
};

FaultProxy::FaultProxy(std::uint16_t upstreamPort)
    : m_acceptor(m_runtime.context(), tcp::endpoint(asio::ip::address_v4::loopback(), 0))
    , m_upstream(upstreamPort)
{
    m_port = m_acceptor.local_endpoint().port();
    m_runtime.post([this] { accept(); });
}

FaultProxy::~FaultProxy()
{
    m_runtime.call([this] {
        std::error_code ignored;
        m_acceptor.close(ignored);
    });
    m_runtime.stop();
}

void FaultProxy::setFaults(const Faults &faults)
{
    {
        std::lock_guard lock(m_mutex);
        m_faults = faults;
    }
    if (faults.refuse) // the server "goes away": open connections are reset too
        m_runtime.call([this] {
            for (auto &weak : m_sessions)
                if (auto session = weak.lock())
                    session->close(true);
            m_sessions.clear();
        });
}

FaultProxy::Faults FaultProxy::faults() const
{
    std::lock_guard lock(m_mutex);
    return m_faults;
}

void FaultProxy::accept()
{
    m_acceptor.async_accept([this](std::error_code ec, tcp::socket socket) {
        if (ec)
            return;
        ++m_connections;
        if (faults().refuse) {
            std::error_code ignored;
            socket.set_option(asio::socket_base::linger(true, 0), ignored);
            socket.close(ignored);
        } else {
            auto session = std::make_shared<Session>(*this, std::move(socket));
            std::erase_if(m_sessions, [](const auto &w) { return w.expired(); });
            m_sessions.push_back(session);
            session->start();
        }
        accept();
    });
}

} // namespace ringscope::test
