#pragma once

#include "core/distribution/server.h"
#include "core/hash/hashalgorithm.h"

#include <optional>
#include <string>
#include <string_view>

namespace ringscope::core {

// A server list and, when it came from a proxy's configuration, how that
// proxy places keys (so a twemproxy pool can be reproduced without flags).
struct ClusterSpec {
    ServerList servers;
    std::string preset;                    // e.g. "twemproxy-ketama"; empty when unknown
    std::optional<HashAlgorithm> hash;     // the pool's key hash, when it names one
    std::string hashTag;                   // twemproxy hash_tag, e.g. "{}"
    std::string source;                    // where it came from, for messages
    // twemproxy's failover settings, when the pool names them.
    std::optional<bool> autoEjectHosts;
    std::optional<unsigned> serverFailureLimit;
    std::optional<long> serverRetryTimeoutMs;
};

// A parse result: the value, or one line that says what is wrong and where.
template <typename T>
struct Parsed {
    std::optional<T> value;
    std::string error;
    explicit operator bool() const noexcept { return value.has_value(); }
};

// `host:port[:weight][ name]` separated by commas; IPv6 as `[addr]:port`.
Parsed<ServerList> parseServerList(std::string_view spec);

// "duplicate server host:port" (or name) when two entries clash, else empty.
// With `second`, the index of the entry that repeats an earlier one.
std::string findDuplicate(const ServerList &servers, std::size_t *second = nullptr);

// One server entry of the above.
Parsed<Server> parseServer(std::string_view entry);

// A SPEC, or `@file`: a twemproxy .yml (`@file.yml#pool` picks the pool),
// an mcrouter .json (`@file.json#pool`), or a text file with one server per
// line (# comments).
Parsed<ClusterSpec> loadClusterSpec(std::string_view spec);

// The same from text already read, `name` naming it in messages.
Parsed<ClusterSpec> parseTwemproxyConfig(const std::string &yaml, std::string_view pool, std::string_view name);
Parsed<ServerList> parseServerLines(std::string_view text, std::string_view name);
Parsed<ClusterSpec> parseMcrouterConfig(const std::string &json, std::string_view pool, std::string_view name);

} // namespace ringscope::core
