#include "core/distribution/distribution.h"

namespace ringscope::core {

std::vector<std::size_t> Distribution::successors(std::string_view key, std::size_t count) const
{
    const std::size_t n = m_servers.size();
    std::vector<std::size_t> out;
    if (n == 0)
        return out;
    const std::size_t first = owner(key);
    for (std::size_t i = 0; i < count && i < n; ++i)
        out.push_back((first + i) % n);
    return out;
}

void Distribution::assign(std::span<const std::string_view> keys, std::span<std::uint32_t> owners) const
{
    for (std::size_t i = 0; i < keys.size(); ++i)
        owners[i] = static_cast<std::uint32_t>(owner(keys[i]));
}

} // namespace ringscope::core
