#include "core/distribution/multiprobedistribution.h"

namespace ringscope::core {
namespace {

constexpr std::uint32_t fmix32(std::uint32_t h) noexcept
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

} // namespace

MultiProbeDistribution::MultiProbeDistribution(ServerList servers, HashFunction keyHash, unsigned probes)
    : Distribution(servers)
    , m_keyHash(keyHash)
    , m_probes(probes == 0 ? 1 : probes)
{
    std::vector<RingPoint> points;
    for (std::size_t i = 0; i < servers.size(); ++i)
        for (std::uint32_t w = 0; w < servers[i].weight; ++w)
            points.push_back({keyHash(servers[i].label() + "-" + std::to_string(w)), static_cast<std::uint32_t>(i)});
    m_ring = std::make_unique<Continuum>(std::move(servers), std::move(points), keyHash, Continuum::Ties::FirstWins);
}

std::size_t MultiProbeDistribution::owner(std::string_view key) const
{
    const auto pts = m_ring->points();
    if (pts.empty())
        return 0;
    const std::uint32_t h = m_keyHash(key);
    std::uint32_t bestDistance = 0xffffffffu;
    std::size_t best = pts.front().server;
    for (unsigned j = 0; j < m_probes; ++j) {
        const std::uint32_t probe = j == 0 ? h : fmix32(h ^ (j * 0x9e3779b9u));
        const RingPoint &p = pts[m_ring->pointFor(probe)];
        const std::uint32_t distance = p.value - probe; // wraps around the circle
        if (distance < bestDistance) {
            bestDistance = distance;
            best = p.server;
        }
    }
    return best;
}

} // namespace ringscope::core
