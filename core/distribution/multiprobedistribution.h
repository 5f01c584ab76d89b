#pragma once

#include "core/distribution/continuum.h"

#include <memory>

namespace ringscope::core {

// Multi-probe consistent hashing (Appleby & Eisenbud, 2015): one point per
// unit of weight, and the key is hashed `probes` times; the probe closest to
// the point that follows it decides. Even load without virtual nodes.
class MultiProbeDistribution final : public Distribution {
public:
    static constexpr unsigned kDefaultProbes = 21;

    MultiProbeDistribution(ServerList servers, HashFunction keyHash, unsigned probes = kDefaultProbes);

    std::size_t owner(std::string_view key) const override;
    std::uint32_t position(std::string_view key) const override { return m_keyHash(key); }
    std::span<const RingPoint> points() const noexcept override { return m_ring->points(); }

private:
    std::unique_ptr<Continuum> m_ring;
    HashFunction m_keyHash;
    unsigned m_probes;
};

} // namespace ringscope::core
