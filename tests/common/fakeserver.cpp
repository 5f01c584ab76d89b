#include "tests/common/fakeserver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ringscope::test {

FakeServer::FakeServer(Script script, std::string greeting, std::uint32_t address)
    : m_script(std::move(script))
    , m_greeting(std::move(greeting))
{
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(address);
    addr.sin_port = 0;
    ::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    ::listen(m_listen, 16);
    socklen_t len = sizeof addr;
    ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { run(); });
}

FakeServer::~FakeServer()
{
    m_stop = true;
    m_thread.join();
    ::close(m_listen);
}

std::string FakeServer::received() const
{
    std::lock_guard lock(m_mutex);
    return m_received;
}

void FakeServer::run()
{
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const int fd = ::accept(m_listen, nullptr, nullptr);
        if (fd < 0)
            continue;
        ++m_connections;
        if (!m_greeting.empty())
            (void)::send(fd, m_greeting.data(), m_greeting.size(), MSG_NOSIGNAL);
        std::string connectionBytes;
        bool open = true;
        while (open && !m_stop) {
            pollfd c{fd, POLLIN, 0};
            if (::poll(&c, 1, 50) <= 0)
                continue;
            char buf[4096];
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            connectionBytes.append(buf, static_cast<std::size_t>(n));
            {
                std::lock_guard lock(m_mutex);
                m_received.append(buf, static_cast<std::size_t>(n));
            }
            const Action a = m_script(connectionBytes);
            if (!a.send.empty())
                (void)::send(fd, a.send.data(), a.send.size(), MSG_NOSIGNAL);
            if (a.close)
                open = false;
        }
        ::close(fd);
    }
}

} // namespace ringscope::test
