#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ringscope::core {

// One memcached server as a client or proxy is configured with it. `host` is
// kept exactly as written: the ring point strings of every client are built
// from the text, not from a resolved address.
struct Server {
    std::string host;
    std::uint16_t port = 11211;
    std::uint32_t weight = 1;
    std::string name; // twemproxy's optional server name; empty when none

    // "host:port", with an IPv6 host in brackets.
    std::string address() const;
    // The label a person reads: the name when there is one, else address().
    std::string label() const;

    friend bool operator==(const Server &, const Server &) = default;
};

using ServerList = std::vector<Server>;

inline constexpr std::uint16_t kDefaultMemcachedPort = 11211;

// The server to add to `servers` for a what-if: on the first server's host
// (127.0.0.1 when there is none), the first free port from the highest one
// used on that host, and never below 11211.
Server nextFreeServer(const ServerList &servers);

// An IP literal in 127.0.0.0/8, ::1 or ::ffff:127.x.y.z, or the name
// "localhost" (loopback by definition, RFC 6761). No lookup: any other name,
// "127.example.com" included, is not known to be local (see
// resolvesToLoopbackOnly in core/net/localaddress.h for the lookup).
bool isLoopbackHost(std::string_view host) noexcept;
// An IP literal of either family (no brackets), as inet_pton takes it.
bool isIpLiteral(std::string_view host) noexcept;

} // namespace ringscope::core
