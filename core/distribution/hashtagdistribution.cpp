#include "core/distribution/hashtagdistribution.h"

namespace ringscope::core {

HashTagDistribution::HashTagDistribution(std::unique_ptr<Distribution> inner, std::string tag)
    : Distribution(inner->servers())
    , m_inner(std::move(inner))
    , m_tag(std::move(tag))
{
}

std::string_view HashTagDistribution::hashedPart(std::string_view key, std::string_view tag) noexcept
{
    if (tag.size() != 2)
        return key;
    const auto start = key.find(tag[0]);
    if (start == std::string_view::npos)
        return key;
    const auto end = key.find(tag[1], start + 1);
    if (end == std::string_view::npos || end - start <= 1)
        return key;
    return key.substr(start + 1, end - start - 1);
}

std::unique_ptr<Distribution> withHashTag(std::unique_ptr<Distribution> d, std::string tag)
{
    if (!d || tag.empty())
        return d;
    return std::make_unique<HashTagDistribution>(std::move(d), std::move(tag));
}

} // namespace ringscope::core
