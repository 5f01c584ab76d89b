#include "core/distribution/mcrouterdistribution.h"

#include "core/hash/hashfunctions.h"

#include <algorithm>
#include <bit>

namespace ringscope::core {
namespace {

constexpr std::uint32_t kFurcSeed = 4193360111u;
constexpr unsigned kFurcShift = 23;
constexpr unsigned kFurcTries = 32;
constexpr std::uint32_t kSpookySeed = 0xface2014u;
constexpr unsigned kWeightedTries = 32;

// The bits furc_hash consumes: word 0 is MurmurHash64A of the key, each next
// word MurmurHash64A of the previous one's 8 little-endian bytes.
class FurcBits {
public:
    explicit FurcBits(std::string_view key) : m_key(key) {}

    unsigned bit(std::uint32_t index)
    {
        const std::uint32_t word = index >> 6;
        while (m_words.size() <= word) {
            if (m_words.empty()) {
                m_words.push_back(hashfn::murmur64A(m_key.data(), m_key.size(), kFurcSeed));
            } else {
                const std::uint64_t prev = m_words.back();
                m_words.push_back(hashfn::murmur64A(&prev, sizeof prev, kFurcSeed));
            }
        }
        return static_cast<unsigned>((m_words[word] >> (index & 63)) & 1);
    }

private:
    std::string_view m_key;
    std::vector<std::uint64_t> m_words;
};

// mcrouter's reversed-decimal salt: 0 → "0", 10 → "01", 12 → "21".
void appendReversedDecimal(std::string &out, unsigned value)
{
    do {
        out.push_back(static_cast<char>('0' + value % 10));
        value /= 10;
    } while (value != 0);
}

} // namespace

std::uint32_t McrouterDistribution::furcHash(std::string_view key, std::uint32_t m) noexcept
{
    if (m <= 1)
        return 0;
    FurcBits bits(key);
    std::uint32_t d = 32 - static_cast<std::uint32_t>(std::countl_zero(m - 1));
    std::uint32_t a = d;
    for (unsigned attempt = 0; attempt < kFurcTries; ++attempt) {
        while (bits.bit(a) == 0) {
            if (--d == 0)
                return 0;
            a = d;
        }
        a += kFurcShift;
        std::uint32_t num = 1;
        for (std::uint32_t i = 0; i + 1 < d; ++i) {
            num = (num << 1) | bits.bit(a);
            a += kFurcShift;
        }
        if (num < m)
            return num;
    }
    return 0;
}

std::string_view McrouterDistribution::routingKey(std::string_view key) noexcept
{
    if (!key.empty() && key.front() == '/') {
        const auto second = key.find('/', 1);
        if (second != std::string_view::npos) {
            const auto third = key.find('/', second + 1);
            if (third != std::string_view::npos)
                key.remove_prefix(third + 1);
        }
    }
    if (const auto stop = key.find("|#|"); stop != std::string_view::npos)
        key = key.substr(0, stop);
    return key;
}

McrouterDistribution::McrouterDistribution(ServerList servers, Function function)
    : Distribution(std::move(servers))
    , m_function(function)
{
    std::uint32_t largest = 1;
    for (const Server &s : this->servers())
        largest = std::max(largest, s.weight);
    for (const Server &s : this->servers())
        m_weights.push_back(static_cast<double>(s.weight) / largest);
}

std::size_t McrouterDistribution::weightedCh3(std::string_view key) const
{
    const auto n = static_cast<std::uint32_t>(servers().size());
    std::string salted(key);
    std::uint32_t index = 0;
    for (unsigned attempt = 0; attempt < kWeightedTries; ++attempt) {
        index = furcHash(salted, n);
        const std::uint64_t p = hashfn::spookyV2_32(salted.data(), salted.size(), kSpookySeed);
        const auto w = static_cast<std::uint64_t>(m_weights[index] * 4294967295.0);
        if (p < w)
            return index;
        salted.assign(key);
        appendReversedDecimal(salted, attempt);
    }
    return index;
}

std::size_t McrouterDistribution::owner(std::string_view key) const
{
    const std::size_t n = servers().size();
    if (n <= 1)
        return 0;
    const std::string_view routed = routingKey(key);
    switch (m_function) {
    case Function::Ch3:
        return furcHash(routed, static_cast<std::uint32_t>(n));
    case Function::Crc32:
        return (hashfn::crc32(routed) & 0x7fffffffu) % n;
    case Function::WeightedCh3:
        return weightedCh3(routed);
    }
    return 0;
}

std::uint32_t McrouterDistribution::position(std::string_view key) const
{
    return static_cast<std::uint32_t>(hashfn::murmur64A(key.data(), key.size(), kFurcSeed) >> 32);
}

} // namespace ringscope::core
