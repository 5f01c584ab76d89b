#include "core/placement/keyset.h"

#include <cstdio>

namespace ringscope::core {

KeySet KeySet::fromLines(std::string text)
{
    KeySet set;
    set.m_bytes = std::move(text);
    std::size_t start = 0;
    std::size_t write = 0;
    const std::size_t size = set.m_bytes.size();
    while (start < size) {
        std::size_t nl = set.m_bytes.find('\n', start);
        if (nl == std::string::npos)
            nl = size;
        std::size_t end = nl;
        if (end > start && set.m_bytes[end - 1] == '\r')
            --end;
        // Compact in place so the buffer holds the keys back to back.
        for (std::size_t i = start; i < end; ++i)
            set.m_bytes[write++] = set.m_bytes[i];
        set.m_ends.push_back(write);
        start = nl + 1;
    }
    set.m_bytes.resize(write);
    set.rebuildViews();
    return set;
}

KeySet KeySet::synthetic(std::size_t count, std::uint64_t seed)
{
    static constexpr std::string_view kPrefixes[] = {"user:", "session:", "product:", "cart:", "page:/", "feed:"};
    KeySet set;
    set.m_bytes.reserve(count * 20);
    set.m_ends.reserve(count);
    std::uint64_t state = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
    char digits[24];
    for (std::size_t i = 0; i < count; ++i) {
        state += 0x9e3779b97f4a7c15ull;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        set.m_bytes += kPrefixes[z % std::size(kPrefixes)];
        // The index makes every key distinct; the hex tail makes them look real.
        const int n = std::snprintf(digits, sizeof digits, "%zu:%04x", i, static_cast<unsigned>(z >> 48));
        set.m_bytes.append(digits, static_cast<std::size_t>(n));
        set.m_ends.push_back(set.m_bytes.size());
    }
    set.rebuildViews();
    return set;
}

void KeySet::add(std::string_view key)
{
    const char *before = m_bytes.data();
    const std::size_t start = m_bytes.size();
    m_bytes.append(key);
    m_ends.push_back(m_bytes.size());
    if (m_bytes.data() != before)
        rebuildViews(); // the buffer moved: every view must follow it
    else
        m_views.emplace_back(m_bytes.data() + start, key.size());
}

void KeySet::rebuildViews()
{
    m_views.clear();
    m_views.reserve(m_ends.size());
    std::size_t start = 0;
    for (const std::size_t end : m_ends) {
        m_views.emplace_back(m_bytes.data() + start, end - start);
        start = end;
    }
}

KeySet::KeySet(const KeySet &other)
    : m_bytes(other.m_bytes)
    , m_ends(other.m_ends)
{
    rebuildViews();
}

KeySet::KeySet(KeySet &&other)
    : m_bytes(std::move(other.m_bytes))
    , m_ends(std::move(other.m_ends))
{
    rebuildViews();
    other.m_bytes.clear();
    other.m_ends.clear();
    other.m_views.clear();
}

KeySet &KeySet::operator=(const KeySet &other)
{
    if (this != &other) {
        m_bytes = other.m_bytes;
        m_ends = other.m_ends;
        rebuildViews();
    }
    return *this;
}

KeySet &KeySet::operator=(KeySet &&other)
{
    if (this != &other) {
        m_bytes = std::move(other.m_bytes);
        m_ends = std::move(other.m_ends);
        rebuildViews();
        other.m_bytes.clear();
        other.m_ends.clear();
        other.m_views.clear();
    }
    return *this;
}

} // namespace ringscope::core
