#include "core/distribution/pymemcachedistribution.h"

#include "core/hash/hashfunctions.h"

#include <algorithm>
#include <numeric>

namespace ringscope::core {
namespace {

// Appends the low byte of each code point of `utf8` (a byte that does not
// start a valid sequence stands for itself).
void appendLowBytes(std::string &out, std::string_view utf8)
{
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto b0 = static_cast<unsigned char>(utf8[i]);
        std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xe ? 3 : (b0 >> 3) == 0x1e ? 4 : 0;
        bool valid = len > 0 && i + len <= utf8.size();
        for (std::size_t k = 1; valid && k < len; ++k)
            valid = (static_cast<unsigned char>(utf8[i + k]) & 0xc0) == 0x80;
        if (!valid) {
            out.push_back(static_cast<char>(b0));
            ++i;
            continue;
        }
        std::uint32_t cp = len == 1 ? b0 : b0 & (0x7fu >> len);
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3fu);
        out.push_back(static_cast<char>(cp & 0xff));
        i += len;
    }
}

} // namespace

PymemcacheDistribution::PymemcacheDistribution(ServerList servers)
    : Distribution(std::move(servers))
{
    for (const Server &s : this->servers())
        m_nodes.push_back(s.host + ":" + std::to_string(s.port));
}

std::uint32_t PymemcacheDistribution::pythonMurmur3(std::string_view utf8)
{
    std::string bytes;
    bytes.reserve(utf8.size());
    appendLowBytes(bytes, utf8);
    return hashfn::murmur3_32(bytes, 0);
}

std::vector<std::uint32_t> PymemcacheDistribution::scores(std::string_view key) const
{
    std::string low;
    appendLowBytes(low, key);
    std::vector<std::uint32_t> out;
    out.reserve(m_nodes.size());
    std::string text;
    for (const std::string &node : m_nodes) {
        text.assign(node).append("-").append(low); // node names are ASCII
        out.push_back(hashfn::murmur3_32(text, 0));
    }
    return out;
}

std::size_t PymemcacheDistribution::owner(std::string_view key) const
{
    const auto s = scores(key);
    std::size_t best = 0;
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] > s[best] || (s[i] == s[best] && m_nodes[i] > m_nodes[best]))
            best = i;
    return best;
}

std::vector<std::size_t> PymemcacheDistribution::successors(std::string_view key, std::size_t count) const
{
    const auto s = scores(key);
    std::vector<std::size_t> order(s.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return s[a] != s[b] ? s[a] > s[b] : m_nodes[a] > m_nodes[b];
    });
    order.resize(std::min(count, order.size()));
    return order;
}

std::uint32_t PymemcacheDistribution::position(std::string_view key) const
{
    return pythonMurmur3(key);
}

} // namespace ringscope::core
