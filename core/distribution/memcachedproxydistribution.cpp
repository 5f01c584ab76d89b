#include "core/distribution/memcachedproxydistribution.h"

#include "core/hash/hashfunctions.h"
#include "core/distribution/jumpdistribution.h"

#include <algorithm>

namespace ringscope::core {

MemcachedProxyDistribution::MemcachedProxyDistribution(ServerList servers, ProxyPoolOptions pool)
    : Distribution(std::move(servers))
    , m_pool(std::move(pool))
    , m_seed(m_pool.seed ? hashfn::xxh3_64(*m_pool.seed, 0) : 0)
{
}

MemcachedProxyDistribution::MemcachedProxyDistribution(ServerList servers, std::vector<RingPoint> points,
                                                       ProxyPoolOptions pool)
    : MemcachedProxyDistribution(servers, std::move(pool))
{
    // The continuum's own key hash is never called: keys are hashed here.
    m_ring.emplace(std::move(servers), std::move(points), hashFunction(HashAlgorithm::Xxh3),
                   Continuum::Ties::FirstWins);
}

std::uint64_t MemcachedProxyDistribution::keyHash(std::string_view key) const noexcept
{
    const std::string_view hashed = m_pool.filtered(key);
    if (m_pool.keyHash == ProxyPoolOptions::KeyHash::RingMd5)
        return hashfn::md5(hashed);
    return hashfn::xxh3_64(hashed, m_seed);
}

std::size_t MemcachedProxyDistribution::owner(std::string_view key) const
{
    const std::uint64_t h = keyHash(key);
    if (m_ring)
        return m_ring->ownerAt(static_cast<std::uint32_t>(h)).value_or(0);
    const auto n = static_cast<std::int32_t>(servers().size());
    return n <= 1 ? 0 : static_cast<std::size_t>(JumpDistribution::jump(h, n));
}

std::vector<std::size_t> MemcachedProxyDistribution::successors(std::string_view key, std::size_t count) const
{
    if (!m_ring)
        return Distribution::successors(key, count);
    auto out = m_ring->successorsAt(position(key), count);
    if (out.empty())
        return Distribution::successors(key, count);
    // A ring that holds fewer servers than asked for (1.6.18's default mode
    // holds one) lends the rest in list order after the owner.
    const std::size_t n = servers().size();
    for (std::size_t i = 1; out.size() < std::min(count, n) && i < n; ++i) {
        const std::size_t s = (out.front() + i) % n;
        if (std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(s);
    }
    return out;
}

std::uint32_t MemcachedProxyDistribution::position(std::string_view key) const
{
    const std::uint64_t h = keyHash(key);
    // The ring compares the low word; jump is drawn by the high word of a
    // 64-bit hash, as JumpDistribution does (the MD5 hash has only 32 bits).
    if (m_ring || m_pool.keyHash == ProxyPoolOptions::KeyHash::RingMd5)
        return static_cast<std::uint32_t>(h);
    return static_cast<std::uint32_t>(h >> 32);
}

std::optional<std::size_t> MemcachedProxyDistribution::ownerAt(std::uint32_t position) const noexcept
{
    if (!m_ring)
        return std::nullopt;
    return m_ring->ownerAt(position);
}

std::span<const RingPoint> MemcachedProxyDistribution::points() const noexcept
{
    return m_ring ? m_ring->points() : std::span<const RingPoint>{};
}

} // namespace ringscope::core
