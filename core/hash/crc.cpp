#include "core/hash/hashfunctions.h"

#include <array>

namespace ringscope::core::hashfn {
namespace {

constexpr std::array<std::uint32_t, 256> makeCrc32Table()
{
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}

// CRC-16/XMODEM (polynomial 0x1021, MSB first), the table twemproxy uses.
constexpr std::array<std::uint32_t, 256> makeCrc16Table()
{
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i << 8;
        for (int k = 0; k < 8; ++k)
            c = (c & 0x8000) ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
        t[i] = c;
    }
    return t;
}

constexpr auto kCrc32 = makeCrc32Table();
constexpr auto kCrc16 = makeCrc16Table();

} // namespace

std::uint32_t crc32Update(std::uint32_t crc, std::string_view bytes) noexcept
{
    for (const char ch : bytes)
        crc = kCrc32[(crc ^ static_cast<std::uint8_t>(ch)) & 0xff] ^ (crc >> 8);
    return crc;
}

std::uint32_t crc32(std::string_view key) noexcept
{
    return crc32Final(crc32Update(kCrc32Init, key));
}

std::uint32_t crc32Memcached(std::string_view key) noexcept
{
    return (crc32(key) >> 16) & 0x7fff;
}

std::uint32_t crc32PythonMemcached(std::string_view key) noexcept
{
    const std::uint32_t h = crc32Memcached(key);
    return h != 0 ? h : 1;
}

std::uint32_t crc16Twemproxy(std::string_view key) noexcept
{
    // twemproxy keeps the accumulator in 32 bits and never masks it to 16;
    // only bits 8..15 feed the table index, the rest shift up and stay.
    std::uint32_t crc = 0;
    for (const char ch : key) {
        const auto byte = static_cast<std::uint32_t>(static_cast<std::int32_t>(ch));
        crc = (crc << 8) ^ kCrc16[((crc >> 8) ^ byte) & 0xff];
    }
    return crc;
}

} // namespace ringscope::core::hashfn
