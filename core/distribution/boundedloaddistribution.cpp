#include "core/distribution/boundedloaddistribution.h"

#include <algorithm>
#include <cmath>

namespace ringscope::core {

BoundedLoadDistribution::BoundedLoadDistribution(ServerList servers, std::unique_ptr<Continuum> ring, double loadFactor)
    : Distribution(std::move(servers))
    , m_ring(std::move(ring))
    , m_loadFactor(loadFactor < 1.0 ? 1.0 : loadFactor)
{
}

void BoundedLoadDistribution::assign(std::span<const std::string_view> keys, std::span<std::uint32_t> owners) const
{
    const auto pts = m_ring->points();
    const std::size_t n = servers().size();
    if (pts.empty() || n == 0) {
        std::fill(owners.begin(), owners.end(), 0u);
        return;
    }
    double totalWeight = 0;
    for (const Server &s : servers())
        totalWeight += s.weight;
    std::vector<std::size_t> capacity(n), load(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        capacity[i] = static_cast<std::size_t>(
            std::ceil(m_loadFactor * static_cast<double>(keys.size()) * servers()[i].weight / totalWeight));
    for (std::size_t k = 0; k < keys.size(); ++k) {
        std::size_t at = m_ring->pointFor(m_ring->position(keys[k]));
        owners[k] = pts[at].server;
        // The capacities sum to at least the key count, so a server with room exists.
        for (std::size_t step = 0; step < pts.size(); ++step) {
            const std::uint32_t s = pts[at].server;
            if (load[s] < capacity[s]) {
                ++load[s];
                owners[k] = s;
                break;
            }
            at = at + 1 == pts.size() ? 0 : at + 1;
        }
    }
}

} // namespace ringscope::core
