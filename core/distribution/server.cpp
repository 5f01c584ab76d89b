#include "core/distribution/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
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

namespace {

// The address `host` spells, when it is an IP literal: 4 or 16 bytes.
std::optional<std::array<unsigned char, 16>> parseLiteral(std::string_view host, int &family) noexcept
{
    if (host.empty() || host.size() >= INET6_ADDRSTRLEN)
        return std::nullopt;
    char text[INET6_ADDRSTRLEN] = {};
    std::copy(host.begin(), host.end(), text);
    std::array<unsigned char, 16> bytes{};
    for (const int f : {AF_INET, AF_INET6})
        if (::inet_pton(f, text, bytes.data()) == 1) {
            family = f;
            return bytes;
        }
    return std::nullopt;
}

} // namespace

bool isIpLiteral(std::string_view host) noexcept
{
    int family = 0;
    return parseLiteral(host, family).has_value();
}

bool isLoopbackHost(std::string_view host) noexcept
{
    if (host == "localhost")
        return true;
    int family = 0;
    const auto bytes = parseLiteral(host, family);
    if (!bytes)
        return false;
    if (family == AF_INET)
        return (*bytes)[0] == 127;
    static constexpr unsigned char kLoopback6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(bytes->begin(), bytes->end(), std::begin(kLoopback6)))
        return true;
    return std::equal(bytes->begin(), bytes->begin() + 12, std::begin(kMapped)) && (*bytes)[12] == 127;
}

} // namespace ringscope::core
