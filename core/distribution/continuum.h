#pragma once

#include "core/hash/hashalgorithm.h"
#include "core/distribution/distribution.h"

#include <vector>

namespace ringscope::core {

// A consistent-hash ring: sorted points, a key hash, and a clockwise lookup
// (the first point at or after the key's hash, wrapping to the first point).
// Every ketama flavour differs only in how it makes the points, so they all
// share this lookup; a 64K-entry index over the top 16 bits of the hash
// narrows each search to a handful of points.
class Continuum final : public Distribution {
public:
    // Which server keeps a position that several points share. libmemcached,
    // twemproxy and nginx sort stably and take the first; spymemcached puts
    // points into a TreeMap, so the last one written wins.
    enum class Ties { FirstWins, LastWins };

    Continuum(ServerList servers, std::vector<RingPoint> points, HashFunction keyHash, Ties ties);

    std::size_t owner(std::string_view key) const override;
    std::vector<std::size_t> successors(std::string_view key, std::size_t count) const override;
    // The same for a key at `position`: the owner, then the next distinct
    // servers clockwise (fewer when the ring holds fewer servers).
    std::vector<std::size_t> successorsAt(std::uint32_t position, std::size_t count) const;
    void assign(std::span<const std::string_view> keys, std::span<std::uint32_t> owners) const override;
    std::uint32_t position(std::string_view key) const override { return m_keyHash(key); }
    std::optional<std::size_t> ownerAt(std::uint32_t position) const noexcept override
    {
        return m_points.empty() ? 0 : m_points[pointFor(position)].server;
    }
    std::span<const RingPoint> points() const noexcept override { return m_points; }

    // Index of the point that owns hash value `h`.
    std::size_t pointFor(std::uint32_t h) const noexcept;

private:
    static constexpr unsigned kIndexBits = 16;
    std::vector<RingPoint> m_points;
    std::vector<std::uint32_t> m_values;   // m_points[i].value, packed for the search
    std::vector<std::uint32_t> m_index;    // first point with value >= prefix << 16
    HashFunction m_keyHash;
};

} // namespace ringscope::core
