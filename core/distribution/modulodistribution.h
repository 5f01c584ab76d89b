#pragma once

#include "core/hash/hashalgorithm.h"
#include "core/distribution/distribution.h"

namespace ringscope::core {

// hash(key) % buckets. With weights, each server fills `weight` consecutive
// buckets, as python-memcached, twemproxy's `modula` and nginx's `hash $key`
// do; libmemcached's modula ignores weights. `order` lays the buckets out in
// another order than the list's (twemproxy sorts its servers by name).
class ModuloDistribution final : public Distribution {
public:
    ModuloDistribution(ServerList servers, HashFunction keyHash, bool useWeights,
                       const std::vector<std::size_t> &order = {});

    std::size_t owner(std::string_view key) const override;
    std::uint32_t position(std::string_view key) const override { return m_keyHash(key); }
    std::size_t bucketCount() const noexcept { return m_buckets.size(); }

private:
    std::vector<std::uint32_t> m_buckets;
    HashFunction m_keyHash;
};

} // namespace ringscope::core
