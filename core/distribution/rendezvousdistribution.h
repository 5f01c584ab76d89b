#pragma once

#include "core/hash/hashalgorithm.h"
#include "core/distribution/distribution.h"

namespace ringscope::core {

// Highest random weight (rendezvous) hashing: every server scores the key,
// the highest score wins, and the ranking gives the replicas. Weighted as in
// Schindelhauer & Schomaker: score = -weight / ln(u), u uniform in (0, 1).
class RendezvousDistribution final : public Distribution {
public:
    RendezvousDistribution(ServerList servers, HashFunction keyHash);

    std::size_t owner(std::string_view key) const override;
    std::vector<std::size_t> successors(std::string_view key, std::size_t count) const override;
    std::uint32_t position(std::string_view key) const override { return m_keyHash(key); }

private:
    double score(std::uint32_t keyHash, std::size_t server) const noexcept;

    HashFunction m_keyHash;
    std::vector<std::uint64_t> m_seeds;  // hash of each server's label
    bool m_weighted = false;
};

} // namespace ringscope::core
