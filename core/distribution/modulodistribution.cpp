#include "core/distribution/modulodistribution.h"

namespace ringscope::core {

ModuloDistribution::ModuloDistribution(ServerList servers, HashFunction keyHash, bool useWeights,
                                       const std::vector<std::size_t> &order)
    : Distribution(std::move(servers))
    , m_keyHash(keyHash)
{
    for (std::size_t k = 0; k < this->servers().size(); ++k) {
        const std::size_t i = order.empty() ? k : order[k];
        const std::uint32_t copies = useWeights ? this->servers()[i].weight : 1;
        m_buckets.insert(m_buckets.end(), copies, static_cast<std::uint32_t>(i));
    }
}

std::size_t ModuloDistribution::owner(std::string_view key) const
{
    // libmemcached and twemproxy skip hashing when there is one server.
    if (m_buckets.size() <= 1)
        return m_buckets.empty() ? 0 : m_buckets.front();
    return m_buckets[m_keyHash(key) % m_buckets.size()];
}

} // namespace ringscope::core
