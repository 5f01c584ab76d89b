#include "core/distribution/jumpdistribution.h"

namespace ringscope::core {

JumpDistribution::JumpDistribution(ServerList servers, Hash64 keyHash)
    : Distribution(std::move(servers))
    , m_keyHash(keyHash)
{
}

std::int32_t JumpDistribution::jump(std::uint64_t key, std::int32_t buckets) noexcept
{
    std::int64_t b = -1;
    std::int64_t j = 0;
    while (j < buckets) {
        b = j;
        key = key * 2862933555777941757ull + 1;
        j = static_cast<std::int64_t>(static_cast<double>(b + 1)
                                      * (static_cast<double>(1ll << 31)
                                         / static_cast<double>((key >> 33) + 1)));
    }
    return static_cast<std::int32_t>(b);
}

std::size_t JumpDistribution::owner(std::string_view key) const
{
    const auto n = static_cast<std::int32_t>(servers().size());
    return n <= 1 ? 0 : static_cast<std::size_t>(jump(m_keyHash(key), n));
}

std::uint32_t JumpDistribution::position(std::string_view key) const
{
    return static_cast<std::uint32_t>(m_keyHash(key) >> 32);
}

} // namespace ringscope::core
