#pragma once

#include "core/hash/hashalgorithm.h"
#include "core/distribution/distribution.h"

namespace ringscope::core {

// Google's Maglev lookup table (Eisenbud et al., NSDI 2016): each server walks
// its own permutation of a prime-sized table and claims free slots in turn
// (`weight` turns per round), so load is near-perfectly even and a topology
// change disturbs few slots. The key picks a slot by hash % table size.
class MaglevDistribution final : public Distribution {
public:
    static constexpr std::uint32_t kDefaultTableSize = 65537;

    MaglevDistribution(ServerList servers, HashFunction keyHash, std::uint32_t tableSize = kDefaultTableSize);

    std::size_t owner(std::string_view key) const override;
    std::uint32_t position(std::string_view key) const override { return m_keyHash(key); }
    const std::vector<std::uint32_t> &table() const noexcept { return m_table; }

private:
    std::vector<std::uint32_t> m_table;
    HashFunction m_keyHash;
};

} // namespace ringscope::core
