#pragma once

#include "core/distribution/distribution.h"

#include <string>
#include <vector>

namespace ringscope::core {

// mcrouter's hash routes over a pool, with its routing key: a leading
// "/region/cluster/" is stripped and the key is cut at the first "|#|".
//  - Ch3: furc_hash (MurmurHash64A bit stream, seed 0xf9f198ef), pools up to 2^23;
//  - Crc32: (CRC-32 & 0x7fffffff) % n;
//  - WeightedCh3: Ch3, retried with salted keys until SpookyHashV2 of the key
//    falls under the server's weight. mcrouter's weights are fractions in
//    [0, 1]; a SPEC's whole-number weights map to weight / largest weight.
class McrouterDistribution final : public Distribution {
public:
    enum class Function { Ch3, Crc32, WeightedCh3 };

    McrouterDistribution(ServerList servers, Function function);

    static std::uint32_t furcHash(std::string_view key, std::uint32_t m) noexcept;
    static std::string_view routingKey(std::string_view key) noexcept;

    std::size_t owner(std::string_view key) const override;
    std::uint32_t position(std::string_view key) const override;

private:
    std::size_t weightedCh3(std::string_view key) const;

    Function m_function;
    std::vector<double> m_weights;
};

} // namespace ringscope::core
