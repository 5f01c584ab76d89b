#pragma once

#include "core/distribution/distribution.h"

#include <cstdint>

namespace ringscope::core {

// Lamping & Veach's jump consistent hash over a 64-bit key hash. Servers are
// buckets in list order; weights do not apply (jump has none).
class JumpDistribution final : public Distribution {
public:
    using Hash64 = std::uint64_t (*)(std::string_view) noexcept;
    JumpDistribution(ServerList servers, Hash64 keyHash);

    static std::int32_t jump(std::uint64_t key, std::int32_t buckets) noexcept;

    std::size_t owner(std::string_view key) const override;
    std::uint32_t position(std::string_view key) const override;

private:
    Hash64 m_keyHash;
};

} // namespace ringscope::core
