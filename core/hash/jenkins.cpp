#include "core/hash/hashfunctions.h"

#include <cstring>

namespace ringscope::core::hashfn {
namespace {

constexpr std::uint32_t rot(std::uint32_t x, int k) noexcept
{
    return (x << k) | (x >> (32 - k));
}

void mix(std::uint32_t &a, std::uint32_t &b, std::uint32_t &c) noexcept
{
    a -= c; a ^= rot(c, 4);  c += b;
    b -= a; b ^= rot(a, 6);  a += c;
    c -= b; c ^= rot(b, 8);  b += a;
    a -= c; a ^= rot(c, 16); c += b;
    b -= a; b ^= rot(a, 19); a += c;
    c -= b; c ^= rot(b, 4);  b += a;
}

void finalMix(std::uint32_t &a, std::uint32_t &b, std::uint32_t &c) noexcept
{
    c ^= b; c -= rot(b, 14);
    a ^= c; a -= rot(c, 11);
    b ^= a; b -= rot(a, 25);
    c ^= b; c -= rot(b, 16);
    a ^= c; a -= rot(c, 4);
    b ^= a; b -= rot(a, 14);
    c ^= b; c -= rot(b, 24);
}

std::uint32_t le(const unsigned char *k, std::size_t n) noexcept
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= static_cast<std::uint32_t>(k[i]) << (8 * i);
    return v;
}

std::uint16_t load16(const char *p) noexcept
{
    std::uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
}

} // namespace

std::uint32_t jenkins(std::string_view key) noexcept
{
    // Bob Jenkins' lookup3 hashlittle() as libhashkit and twemproxy build it:
    // initval 13; a zero-length tail returns c without the final mix.
    constexpr std::uint32_t kInitval = 13;
    std::size_t length = key.size();
    std::uint32_t a = 0xdeadbeefu + static_cast<std::uint32_t>(length) + kInitval;
    std::uint32_t b = a;
    std::uint32_t c = a;
    const auto *k = reinterpret_cast<const unsigned char *>(key.data());
    while (length > 12) {
        a += le(k, 4);
        b += le(k + 4, 4);
        c += le(k + 8, 4);
        mix(a, b, c);
        length -= 12;
        k += 12;
    }
    if (length == 0)
        return c;
    a += le(k, length < 4 ? length : 4);
    if (length > 4)
        b += le(k + 4, length < 8 ? length - 4 : 4);
    if (length > 8)
        c += le(k + 8, length - 8);
    finalMix(a, b, c);
    return c;
}

std::uint32_t hsieh(std::string_view key) noexcept
{
    // Paul Hsieh's SuperFastHash as libhashkit and twemproxy have it: the
    // initial hash is 0 (not the length), and the odd tail byte of a
    // three-byte tail is read through a signed char.
    if (key.empty())
        return 0;
    const char *p = key.data();
    std::uint32_t hash = 0;
    const std::size_t rem = key.size() & 3;
    for (std::size_t n = key.size() >> 2; n > 0; --n) {
        hash += load16(p);
        const std::uint32_t tmp = (static_cast<std::uint32_t>(load16(p + 2)) << 11) ^ hash;
        hash = (hash << 16) ^ tmp;
        p += 4;
        hash += hash >> 11;
    }
    switch (rem) {
    case 3:
        hash += load16(p);
        hash ^= hash << 16;
        hash ^= static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<signed char>(p[2]))) << 18;
        hash += hash >> 11;
        break;
    case 2:
        hash += load16(p);
        hash ^= hash << 11;
        hash += hash >> 17;
        break;
    case 1:
        hash += static_cast<unsigned char>(*p);
        hash ^= hash << 10;
        hash += hash >> 1;
        break;
    default:
        break;
    }
    hash ^= hash << 3;
    hash += hash >> 5;
    hash ^= hash << 4;
    hash += hash >> 17;
    hash ^= hash << 25;
    hash += hash >> 6;
    return hash;
}

} // namespace ringscope::core::hashfn
