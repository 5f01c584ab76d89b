#include "core/distribution/continuum.h"

#include "core/hash/hashfunctions.h"
#include "core/hash/md5.h"

#include <algorithm>
#include <array>

namespace ringscope::core {

namespace {

// LSD radix sort on the 32-bit value, a byte per pass: stable, like the
// merge sort glibc's qsort does for libmemcached, twemproxy and nginx, so
// points at the same position keep the order they were made in.
void radixSortByValue(std::vector<RingPoint> &points)
{
    std::vector<RingPoint> scratch(points.size());
    for (unsigned shift = 0; shift < 32; shift += 8) {
        std::array<std::size_t, 257> offsets{};
        for (const RingPoint &p : points)
            ++offsets[((p.value >> shift) & 0xff) + 1];
        for (std::size_t b = 1; b < offsets.size(); ++b)
            offsets[b] += offsets[b - 1];
        for (const RingPoint &p : points)
            scratch[offsets[(p.value >> shift) & 0xff]++] = p;
        points.swap(scratch);
    }
}

} // namespace

Continuum::Continuum(ServerList servers, std::vector<RingPoint> points, HashFunction keyHash, Ties ties)
    : Distribution(std::move(servers))
    , m_keyHash(keyHash)
{
    radixSortByValue(points);
    // Keep one point per position: the one the real lookup would return.
    m_points.reserve(points.size());
    for (const RingPoint &p : points) {
        if (!m_points.empty() && m_points.back().value == p.value) {
            if (ties == Ties::LastWins)
                m_points.back() = p;
            continue;
        }
        m_points.push_back(p);
    }
    m_values.reserve(m_points.size());
    for (const RingPoint &p : m_points)
        m_values.push_back(p.value);

    m_index.resize((std::size_t{1} << kIndexBits) + 1);
    std::size_t i = 0;
    for (std::size_t prefix = 0; prefix < (std::size_t{1} << kIndexBits); ++prefix) {
        const std::uint64_t start = static_cast<std::uint64_t>(prefix) << (32 - kIndexBits);
        while (i < m_values.size() && m_values[i] < start)
            ++i;
        m_index[prefix] = static_cast<std::uint32_t>(i);
    }
    m_index.back() = static_cast<std::uint32_t>(m_values.size());
}

std::size_t Continuum::pointFor(std::uint32_t h) const noexcept
{
    const std::uint32_t prefix = h >> (32 - kIndexBits);
    const auto first = m_values.begin() + m_index[prefix];
    const auto last = m_values.begin() + m_index[prefix + 1];
    // Past every point of this prefix, `last` is the next prefix's first point.
    const auto it = std::lower_bound(first, last, h);
    const auto pos = static_cast<std::size_t>(it - m_values.begin());
    return pos == m_values.size() ? 0 : pos;
}

std::size_t Continuum::owner(std::string_view key) const
{
    if (m_points.empty())
        return 0;
    return m_points[pointFor(m_keyHash(key))].server;
}

void Continuum::assign(std::span<const std::string_view> keys, std::span<std::uint32_t> owners) const
{
    if (m_points.empty()) {
        std::fill(owners.begin(), owners.end(), 0u);
        return;
    }
    std::size_t i = 0;
    if (m_keyHash == &hashfn::md5) { // the ketama default: hash keys four at a time
        for (; i + 3 < keys.size(); i += 4) {
            const auto h = Md5::firstWords4(&keys[i]);
            for (unsigned k = 0; k < 4; ++k)
                owners[i + k] = m_points[pointFor(h[k])].server;
        }
    }
    for (; i < keys.size(); ++i)
        owners[i] = m_points[pointFor(m_keyHash(keys[i]))].server;
}

std::vector<std::size_t> Continuum::successors(std::string_view key, std::size_t count) const
{
    return successorsAt(m_keyHash(key), count);
}

std::vector<std::size_t> Continuum::successorsAt(std::uint32_t position, std::size_t count) const
{
    std::vector<std::size_t> out;
    if (m_points.empty())
        return out;
    const std::size_t want = std::min(count, servers().size());
    std::vector<bool> seen(servers().size(), false);
    std::size_t at = pointFor(position);
    for (std::size_t step = 0; step < m_points.size() && out.size() < want; ++step) {
        const std::size_t s = m_points[at].server;
        if (!seen[s]) {
            seen[s] = true;
            out.push_back(s);
        }
        at = at + 1 == m_points.size() ? 0 : at + 1;
    }
    return out;
}

} // namespace ringscope::core
