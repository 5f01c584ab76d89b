#pragma once

#include "core/distribution/continuum.h"
#include "core/distribution/distribution.h"
#include "core/distribution/proxypooloptions.h"

#include <optional>

namespace ringscope::core {

// A pool of memcached's proxy: its key filter and key hash in front of one of
// its two selectors. `dist_jump_hash` (the default) takes all 64 bits of the
// key hash; `dist_ring_hash` looks the low 32 bits up on its continuum
// (proxy_ring_hash.c's ketama_get_server(): the first point at or above the
// hash, wrapping to the lowest; among equal points the first in its qsort
// order, which only MD5 collisions could make matter).
class MemcachedProxyDistribution final : public Distribution {
public:
    // Jump over the servers in list order.
    MemcachedProxyDistribution(ServerList servers, ProxyPoolOptions pool);
    // A ring over `points` (indices into `servers`).
    MemcachedProxyDistribution(ServerList servers, std::vector<RingPoint> points, ProxyPoolOptions pool);

    // The pool's 64-bit hash of `key`, after its filter.
    std::uint64_t keyHash(std::string_view key) const noexcept;

    std::size_t owner(std::string_view key) const override;
    std::vector<std::size_t> successors(std::string_view key, std::size_t count) const override;
    std::uint32_t position(std::string_view key) const override;
    std::optional<std::size_t> ownerAt(std::uint32_t position) const noexcept override;
    std::span<const RingPoint> points() const noexcept override;

private:
    ProxyPoolOptions m_pool;
    std::uint64_t m_seed = 0;
    std::optional<Continuum> m_ring; // none: jump
};

} // namespace ringscope::core
