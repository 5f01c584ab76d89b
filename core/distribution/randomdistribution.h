#pragma once

#include "core/hash/hashfunctions.h"
#include "core/distribution/distribution.h"

namespace ringscope::core {

// twemproxy's `distribution: random`: every request goes to a server drawn at
// random, weighted. A key has no owner; owner() returns a weighted draw seeded
// by the key only so that a drawing spreads keys in the right proportions,
// and deterministic() says that no placement can be checked against it.
class RandomDistribution final : public Distribution {
public:
    explicit RandomDistribution(ServerList servers)
        : Distribution(std::move(servers))
    {
        for (std::size_t i = 0; i < this->servers().size(); ++i)
            m_buckets.insert(m_buckets.end(), this->servers()[i].weight, static_cast<std::uint32_t>(i));
    }

    std::size_t owner(std::string_view key) const override
    {
        return m_buckets.empty() ? 0 : m_buckets[hashfn::xxh3_64(key) % m_buckets.size()];
    }
    std::uint32_t position(std::string_view key) const override
    {
        return static_cast<std::uint32_t>(hashfn::xxh3_64(key));
    }
    bool deterministic() const noexcept override { return false; }

private:
    std::vector<std::uint32_t> m_buckets;
};

} // namespace ringscope::core
