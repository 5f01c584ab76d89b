#include "core/hash/md5.h"
#include "core/hash/hashfunctions.h"

#include <cstring>
#include <utility>

namespace ringscope::core {
namespace {

constexpr std::uint32_t kSine[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

constexpr unsigned kShift[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};


// One MD5 step; the round, message word and constants are compile-time, so
// the 64 steps unroll into straight-line code (about twice the speed of a
// loop that picks the round function at run time).
// Four messages in the lanes of one SSE2 register (GCC vector extension):
// the same steps, four keys per pass.
using Lanes = std::uint32_t __attribute__((vector_size(16)));

template <typename W>
inline W rotlw(W x, unsigned c) noexcept
{
    return (x << c) | (x >> (32 - c));
}

template <unsigned I, typename W>
inline void step(W &a, W b, W c, W d, const W *m) noexcept
{
    W f;
    unsigned g;
    if constexpr (I < 16) {
        f = d ^ (b & (c ^ d));
        g = I;
    } else if constexpr (I < 32) {
        f = c ^ (d & (b ^ c));
        g = (5 * I + 1) % 16;
    } else if constexpr (I < 48) {
        f = b ^ c ^ d;
        g = (3 * I + 5) % 16;
    } else {
        f = c ^ (b | ~d);
        g = (7 * I) % 16;
    }
    a = b + rotlw<W>(a + f + kSine[I] + m[g], kShift[I]);
}

template <unsigned I, typename W>
inline void fourSteps(W &a, W &b, W &c, W &d, const W *m) noexcept
{
    step<I>(a, b, c, d, m);
    step<I + 1>(d, a, b, c, m);
    step<I + 2>(c, d, a, b, m);
    step<I + 3>(b, c, d, a, m);
}

template <typename W, unsigned... R>
inline void allSteps(W &a, W &b, W &c, W &d, const W *m, std::integer_sequence<unsigned, R...>) noexcept
{
    (fourSteps<R * 4>(a, b, c, d, m), ...);
}

void compress(std::uint32_t state[4], const std::uint8_t block[64]) noexcept
{
    std::uint32_t m[16];
    std::memcpy(m, block, 64); // little-endian words, as MD5 defines them on x86-64
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    allSteps(a, b, c, d, m, std::make_integer_sequence<unsigned, 16>{});
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

} // namespace

Md5::Digest Md5::digest(std::string_view data) noexcept
{
    std::uint32_t state[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(data.data());
    std::size_t left = data.size();
    while (left >= 64) {
        compress(state, bytes);
        bytes += 64;
        left -= 64;
    }
    std::uint8_t tail[128] = {};
    std::memcpy(tail, bytes, left);
    tail[left] = 0x80;
    const std::size_t tailBlocks = left + 9 <= 64 ? 1 : 2;
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    for (unsigned i = 0; i < 8; ++i)
        tail[tailBlocks * 64 - 8 + i] = static_cast<std::uint8_t>(bits >> (8 * i));
    compress(state, tail);
    if (tailBlocks == 2)
        compress(state, tail + 64);

    Digest out{};
    for (unsigned i = 0; i < 4; ++i)
        for (unsigned j = 0; j < 4; ++j)
            out[i * 4 + j] = static_cast<std::uint8_t>(state[i] >> (8 * j));
    return out;
}

std::array<std::uint32_t, 4> Md5::firstWords4(const std::string_view keys[4]) noexcept
{
    for (unsigned k = 0; k < 4; ++k)
        if (keys[k].size() > 55) // more than one block: no lanes
            return {word(digest(keys[0]), 0), word(digest(keys[1]), 0), word(digest(keys[2]), 0),
                    word(digest(keys[3]), 0)};
    std::uint32_t blocks[4][16];
    for (unsigned k = 0; k < 4; ++k) {
        auto *bytes = reinterpret_cast<std::uint8_t *>(blocks[k]);
        std::memset(bytes, 0, 64);
        std::memcpy(bytes, keys[k].data(), keys[k].size());
        bytes[keys[k].size()] = 0x80;
        const std::uint64_t bits = static_cast<std::uint64_t>(keys[k].size()) * 8;
        std::memcpy(bytes + 56, &bits, 8);
    }
    Lanes m[16];
    for (unsigned g = 0; g < 16; ++g)
        m[g] = Lanes{blocks[0][g], blocks[1][g], blocks[2][g], blocks[3][g]};
    Lanes a = Lanes{} + 0x67452301u, b = Lanes{} + 0xefcdab89u, c = Lanes{} + 0x98badcfeu, d = Lanes{} + 0x10325476u;
    allSteps(a, b, c, d, m, std::make_integer_sequence<unsigned, 16>{});
    a += 0x67452301u;
    return {a[0], a[1], a[2], a[3]};
}

std::uint32_t hashfn::md5(std::string_view key) noexcept
{
    return Md5::word(Md5::digest(key), 0);
}

} // namespace ringscope::core
