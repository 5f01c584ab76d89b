#include "server.h"

#include <algorithm>
#include <set>

namespace ringscope::core {

std::string Server::address() const
{
    const bool ipv6 = host.find(':') != std::string::npos;
    std::string out;
    out.reserve(host.size() + 8);
    if (ipv6)
        out.append("[").append(host).append("]");
    else
        out.append(host);
    out.append(":").append(std::to_string(port));
    return out;
}

std::string Server::label() const
{
    return name.empty() ? address() : name;
}

Server nextFreeServer(const ServerList &servers)
{
    Server next{servers.empty() ? std::string("127.0.0.1") : servers.front().host, kDefaultMemcachedPort, 1, {}};
    for (const auto &s : servers)
        if (s.host == next.host)
            next.port = std::max(next.port, s.port);
    std::set<std::string> taken;
    for (const auto &s : servers)
        taken.insert(s.address());
    while (taken.contains(next.address()) && next.port < 65535)
        ++next.port;
    return next;
}

bool isLoopbackHost(std::string_view host) noexcept
{
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

} // namespace ringscope::core
