#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ringscope::core {

// The options of `mcp.pool(backends, { … })` in memcached's proxy that change
// where a key goes (proxy_lua.c, mcplib_pool()); the memcached-proxy-* presets
// take them, every other preset ignores them.
struct ProxyPoolOptions {
    // `hash =`: XXH3-64 with the pool's seed (`mcp.hash_xxhash`, also what a
    // pool without `hash` uses), or `mcp.dist_ring_hash.hash`: the low word of
    // the key's MD5 digest, little-endian, which ignores the seed.
    enum class KeyHash { Xxhash, RingMd5 };
    // `filter =`: "stop" hashes the key up to the first `filter_conf` string
    // in it; "tags" hashes what lies between the first `filter_conf[0]` and
    // the next `filter_conf[1]` after it (possibly nothing). A key without
    // them is hashed whole.
    enum class Filter { None, Stop, Tags };

    KeyHash keyHash = KeyHash::Xxhash;
    // `seed = "…"`: the string's XXH3-64 becomes the key hash's seed (0 when
    // there is none; an empty string is a seed too).
    std::optional<std::string> seed;
    Filter filter = Filter::None;
    std::string filterConf; // 2 to 5 bytes, as the proxy demands

    bool isDefault() const noexcept { return keyHash == KeyHash::Xxhash && !seed && filter == Filter::None; }
    // What is wrong with these options, or empty.
    std::string validate() const;
    // The part of `key` the pool hashes under its filter.
    std::string_view filtered(std::string_view key) const noexcept;
};

} // namespace ringscope::core
