#pragma once

#include <cstdint>
#include <string_view>

// The hash functions of the memcached world, each reproducing the quirks of
// the C code that clients and proxies really run: bytes read through plain
// `char` are sign-extended on x86-64 (one_at_a_time, fnv, hsieh), libmemcached's
// and twemproxy's "crc32" keep only 15 bits, their "fnv1a_64" is a 32-bit
// computation with the 64-bit constants truncated, and twemproxy's crc16 never
// masks its accumulator.
namespace ringscope::core::hashfn {

std::uint32_t oneAtATime(std::string_view key) noexcept;
std::uint32_t md5(std::string_view key) noexcept;       // first digest word, little-endian
std::uint32_t crc32(std::string_view key) noexcept;     // standard CRC-32 (zlib, nginx)
std::uint32_t crc32Memcached(std::string_view key) noexcept; // (~crc >> 16) & 0x7fff
std::uint32_t crc32PythonMemcached(std::string_view key) noexcept; // the same, `or 1`
std::uint32_t crc16Twemproxy(std::string_view key) noexcept;
std::uint32_t fnv1_32(std::string_view key) noexcept;
std::uint32_t fnv1a_32(std::string_view key) noexcept;
std::uint32_t fnv1_64(std::string_view key) noexcept;   // 64-bit FNV-1, low 32 bits
std::uint32_t fnv1a_64Memcached(std::string_view key) noexcept; // libmemcached/twemproxy "fnv1a_64"
std::uint64_t fnv1a_64Full(std::string_view key) noexcept;      // the real 64-bit FNV-1a
std::uint32_t hsieh(std::string_view key) noexcept;
std::uint32_t murmur2Memcached(std::string_view key) noexcept; // seed 0xdeadbeef * length
std::uint32_t murmur3_32(std::string_view key, std::uint32_t seed) noexcept;
std::uint64_t murmur64A(const void *data, std::size_t length, std::uint64_t seed) noexcept;
std::uint32_t jenkins(std::string_view key) noexcept;  // lookup3 hashlittle, initval 13
std::uint32_t spookyV2_32(const void *data, std::size_t length, std::uint32_t seed) noexcept;
std::uint64_t xxh3_64(std::string_view key, std::uint64_t seed = 0) noexcept;

// CRC-32 with the running state exposed, for nginx's chash point strings.
std::uint32_t crc32Update(std::uint32_t crc, std::string_view bytes) noexcept;
inline constexpr std::uint32_t kCrc32Init = 0xffffffffu;
inline constexpr std::uint32_t crc32Final(std::uint32_t crc) noexcept { return crc ^ 0xffffffffu; }

} // namespace ringscope::core::hashfn
