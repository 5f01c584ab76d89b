#include "core/hash/hashfunctions.h"

#include <cstring>

namespace ringscope::core::hashfn {
namespace {

std::uint32_t load32(const unsigned char *p) noexcept
{
    std::uint32_t v;
    std::memcpy(&v, p, 4); // x86-64 is little-endian, as the references assume
    return v;
}

std::uint64_t load64(const unsigned char *p) noexcept
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

constexpr std::uint32_t rotl32(std::uint32_t x, int r) noexcept
{
    return (x << r) | (x >> (32 - r));
}

} // namespace

std::uint32_t murmur2Memcached(std::string_view key) noexcept
{
    constexpr std::uint32_t m = 0x5bd1e995;
    constexpr int r = 24;
    auto length = key.size();
    const auto len32 = static_cast<std::uint32_t>(length);
    const std::uint32_t seed = 0xdeadbeefu * len32;
    std::uint32_t h = seed ^ len32;
    const auto *data = reinterpret_cast<const unsigned char *>(key.data());
    while (length >= 4) {
        std::uint32_t k = load32(data);
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
        data += 4;
        length -= 4;
    }
    switch (length) {
    case 3:
        h ^= static_cast<std::uint32_t>(data[2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= static_cast<std::uint32_t>(data[1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= data[0];
        h *= m;
        break;
    default:
        break;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return h;
}

std::uint32_t murmur3_32(std::string_view key, std::uint32_t seed) noexcept
{
    constexpr std::uint32_t c1 = 0xcc9e2d51;
    constexpr std::uint32_t c2 = 0x1b873593;
    const auto *data = reinterpret_cast<const unsigned char *>(key.data());
    const std::size_t nblocks = key.size() / 4;
    std::uint32_t h1 = seed;
    for (std::size_t i = 0; i < nblocks; ++i) {
        std::uint32_t k1 = load32(data + i * 4);
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        h1 = rotl32(h1, 13);
        h1 = h1 * 5 + 0xe6546b64;
    }
    const unsigned char *tail = data + nblocks * 4;
    std::uint32_t k1 = 0;
    switch (key.size() & 3) {
    case 3:
        k1 ^= static_cast<std::uint32_t>(tail[2]) << 16;
        [[fallthrough]];
    case 2:
        k1 ^= static_cast<std::uint32_t>(tail[1]) << 8;
        [[fallthrough]];
    case 1:
        k1 ^= tail[0];
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        break;
    default:
        break;
    }
    h1 ^= static_cast<std::uint32_t>(key.size());
    h1 ^= h1 >> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >> 16;
    return h1;
}

std::uint64_t murmur64A(const void *key, std::size_t length, std::uint64_t seed) noexcept
{
    constexpr std::uint64_t m = 0xc6a4a7935bd1e995ull;
    constexpr int r = 47;
    std::uint64_t h = seed ^ (static_cast<std::uint64_t>(length) * m);
    const auto *data = static_cast<const unsigned char *>(key);
    const std::size_t nblocks = length / 8;
    for (std::size_t i = 0; i < nblocks; ++i) {
        std::uint64_t k = load64(data + i * 8);
        k *= m;
        k ^= k >> r;
        k *= m;
        h ^= k;
        h *= m;
    }
    const unsigned char *tail = data + nblocks * 8;
    switch (length & 7) {
    case 7: h ^= static_cast<std::uint64_t>(tail[6]) << 48; [[fallthrough]];
    case 6: h ^= static_cast<std::uint64_t>(tail[5]) << 40; [[fallthrough]];
    case 5: h ^= static_cast<std::uint64_t>(tail[4]) << 32; [[fallthrough]];
    case 4: h ^= static_cast<std::uint64_t>(tail[3]) << 24; [[fallthrough]];
    case 3: h ^= static_cast<std::uint64_t>(tail[2]) << 16; [[fallthrough]];
    case 2: h ^= static_cast<std::uint64_t>(tail[1]) << 8; [[fallthrough]];
    case 1:
        h ^= static_cast<std::uint64_t>(tail[0]);
        h *= m;
        break;
    default:
        break;
    }
    h ^= h >> r;
    h *= m;
    h ^= h >> r;
    return h;
}

} // namespace ringscope::core::hashfn
