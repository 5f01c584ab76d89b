#include "core/distribution/maglevdistribution.h"

#include "core/hash/hashfunctions.h"

namespace ringscope::core {

MaglevDistribution::MaglevDistribution(ServerList servers, HashFunction keyHash, std::uint32_t tableSize)
    : Distribution(std::move(servers))
    , m_keyHash(keyHash)
{
    const std::size_t n = this->servers().size();
    if (n == 0)
        return;
    constexpr std::uint32_t kFree = 0xffffffffu;
    m_table.assign(tableSize, kFree);
    std::vector<std::uint64_t> offset(n), skip(n), next(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string label = this->servers()[i].label();
        offset[i] = hashfn::xxh3_64(label, 0) % tableSize;
        skip[i] = hashfn::xxh3_64(label, 1) % (tableSize - 1) + 1;
    }
    std::uint32_t filled = 0;
    while (filled < tableSize) {
        for (std::size_t i = 0; i < n && filled < tableSize; ++i) {
            for (std::uint32_t turn = 0; turn < this->servers()[i].weight && filled < tableSize; ++turn) {
                std::uint64_t slot;
                do {
                    slot = (offset[i] + next[i] * skip[i]) % tableSize;
                    ++next[i];
                } while (m_table[slot] != kFree);
                m_table[slot] = static_cast<std::uint32_t>(i);
                ++filled;
            }
        }
    }
}

std::size_t MaglevDistribution::owner(std::string_view key) const
{
    return m_table.empty() ? 0 : m_table[m_keyHash(key) % m_table.size()];
}

} // namespace ringscope::core
