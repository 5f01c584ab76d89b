#pragma once

#include "core/distribution/distribution.h"

#include <memory>
#include <string>

namespace ringscope::core {

// twemproxy's hash_tag: when a key holds the two tag characters in order with
// something between them ("user:{42}:name" with "{}"), only that part is
// hashed, so related keys land together. Wraps any distribution.
class HashTagDistribution final : public Distribution {
public:
    HashTagDistribution(std::unique_ptr<Distribution> inner, std::string tag);

    static std::string_view hashedPart(std::string_view key, std::string_view tag) noexcept;

    std::size_t owner(std::string_view key) const override { return m_inner->owner(hashedPart(key, m_tag)); }
    std::vector<std::size_t> successors(std::string_view key, std::size_t count) const override
    {
        return m_inner->successors(hashedPart(key, m_tag), count);
    }
    std::uint32_t position(std::string_view key) const override { return m_inner->position(hashedPart(key, m_tag)); }
    std::span<const RingPoint> points() const noexcept override { return m_inner->points(); }
    bool deterministic() const noexcept override { return m_inner->deterministic(); }
    bool independentKeys() const noexcept override { return m_inner->independentKeys(); }

private:
    std::unique_ptr<Distribution> m_inner;
    std::string m_tag;
};

// `d` with twemproxy's hash_tag applied: wrapped when `tag` is not empty,
// returned as it is otherwise (and when it is null).
std::unique_ptr<Distribution> withHashTag(std::unique_ptr<Distribution> d, std::string tag);

} // namespace ringscope::core
