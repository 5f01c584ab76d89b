#pragma once

#include "core/distribution/continuum.h"

#include <memory>

namespace ringscope::core {

// Consistent hashing with bounded loads (Mirrokni, Thorup & Zadimoghaddam,
// 2018): a ring, but no server takes more than ceil(c × its weighted share)
// of the keys; a key whose owner is full walks clockwise to the next server
// with room. The answer depends on the whole key set, so assign() is the real
// placement; owner() of a lone key is its unbounded ring owner.
class BoundedLoadDistribution final : public Distribution {
public:
    static constexpr double kDefaultLoadFactor = 1.25;

    BoundedLoadDistribution(ServerList servers, std::unique_ptr<Continuum> ring, double loadFactor);

    std::size_t owner(std::string_view key) const override { return m_ring->owner(key); }
    std::vector<std::size_t> successors(std::string_view key, std::size_t count) const override
    {
        return m_ring->successors(key, count);
    }
    void assign(std::span<const std::string_view> keys, std::span<std::uint32_t> owners) const override;
    std::uint32_t position(std::string_view key) const override { return m_ring->position(key); }
    std::span<const RingPoint> points() const noexcept override { return m_ring->points(); }
    bool independentKeys() const noexcept override { return false; }
    double loadFactor() const noexcept { return m_loadFactor; }

private:
    std::unique_ptr<Continuum> m_ring;
    double m_loadFactor;
};

} // namespace ringscope::core
