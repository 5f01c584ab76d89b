#include "core/hash/hashfunctions.h"

#include <cstring>

// Bob Jenkins' SpookyHash V2 (as folly ships it), 32-bit result: mcrouter's
// WeightedCh3 uses it for the weight check.
namespace ringscope::core::hashfn {
namespace {

constexpr std::uint64_t kConst = 0xdeadbeefdeadbeefull;

constexpr std::uint64_t rot(std::uint64_t x, int k) noexcept
{
    return (x << k) | (x >> (64 - k));
}

std::uint64_t load64(const unsigned char *p) noexcept
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

void shortMix(std::uint64_t h[4]) noexcept
{
    static constexpr int kSteps[12][4] = {{2, 50, 3, 0}, {3, 52, 0, 1}, {0, 30, 1, 2}, {1, 41, 2, 3},
                                          {2, 54, 3, 0}, {3, 48, 0, 1}, {0, 38, 1, 2}, {1, 37, 2, 3},
                                          {2, 62, 3, 0}, {3, 34, 0, 1}, {0, 5, 1, 2},  {1, 36, 2, 3}};
    for (const auto &s : kSteps) {
        h[s[0]] = rot(h[s[0]], s[1]);
        h[s[0]] += h[s[2]];
        h[s[3]] ^= h[s[0]];
    }
}

void shortEnd(std::uint64_t h[4]) noexcept
{
    static constexpr int kSteps[11][3] = {{3, 2, 15}, {0, 3, 52}, {1, 0, 26}, {2, 1, 51}, {3, 2, 28}, {0, 3, 9},
                                          {1, 0, 47}, {2, 1, 54}, {3, 2, 32}, {0, 3, 25}, {1, 0, 63}};
    for (const auto &s : kSteps) {
        h[s[0]] ^= h[s[1]];
        h[s[1]] = rot(h[s[1]], s[2]);
        h[s[0]] += h[s[1]];
    }
}

std::uint64_t shortHash(const unsigned char *p, std::size_t length, std::uint64_t seed) noexcept
{
    std::uint64_t h[4] = {seed, seed, kConst, kConst};
    std::size_t remainder = length % 32;
    if (length > 15) {
        for (std::size_t block = 0; block < length / 32; ++block, p += 32) {
            h[2] += load64(p);
            h[3] += load64(p + 8);
            shortMix(h);
            h[0] += load64(p + 16);
            h[1] += load64(p + 24);
        }
        if (remainder >= 16) {
            h[2] += load64(p);
            h[3] += load64(p + 8);
            shortMix(h);
            p += 16;
            remainder -= 16;
        }
    }
    h[3] += static_cast<std::uint64_t>(length) << 56;
    if (remainder == 0) {
        h[2] += kConst;
        h[3] += kConst;
    } else {
        unsigned char tail[16] = {};
        std::memcpy(tail, p, remainder);
        h[2] += load64(tail);
        h[3] += load64(tail + 8);
    }
    shortEnd(h);
    return h[0];
}

std::uint64_t longHash(const unsigned char *p, std::size_t length, std::uint64_t seed) noexcept
{
    static constexpr int kMix[12] = {11, 32, 43, 31, 17, 28, 39, 57, 55, 54, 22, 46};
    static constexpr int kEnd[12] = {44, 15, 34, 21, 38, 33, 10, 13, 38, 53, 42, 54};
    std::uint64_t s[12];
    for (int i = 0; i < 12; ++i)
        s[i] = i % 3 == 2 ? kConst : seed;
    auto mix = [&](const std::uint64_t d[12]) {
        for (int i = 0; i < 12; ++i) {
            s[i] += d[i];
            s[(i + 2) % 12] ^= s[(i + 10) % 12];
            s[(i + 11) % 12] ^= s[i];
            s[i] = rot(s[i], kMix[i]);
            s[(i + 11) % 12] += s[(i + 1) % 12];
        }
    };
    const std::size_t blocks = length / 96;
    std::uint64_t d[12];
    for (std::size_t b = 0; b < blocks; ++b, p += 96) {
        for (int i = 0; i < 12; ++i)
            d[i] = load64(p + 8 * i);
        mix(d);
    }
    const std::size_t remainder = length % 96;
    unsigned char buffer[96] = {};
    std::memcpy(buffer, p, remainder);
    buffer[95] = static_cast<unsigned char>(remainder);
    for (int i = 0; i < 12; ++i)
        s[i] += load64(buffer + 8 * i);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 12; ++i) {
            s[(i + 11) % 12] += s[(i + 1) % 12];
            s[(i + 2) % 12] ^= s[(i + 11) % 12];
            s[(i + 1) % 12] = rot(s[(i + 1) % 12], kEnd[i]);
        }
    }
    return s[0];
}

} // namespace

std::uint32_t spookyV2_32(const void *data, std::size_t length, std::uint32_t seed) noexcept
{
    const auto *p = static_cast<const unsigned char *>(data);
    const std::uint64_t h = length < 192 ? shortHash(p, length, seed) : longHash(p, length, seed);
    return static_cast<std::uint32_t>(h);
}

} // namespace ringscope::core::hashfn
