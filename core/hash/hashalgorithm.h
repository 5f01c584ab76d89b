#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ringscope::core {

// A key hash as the memcached world names it. The names are twemproxy's
// (`hash:` in nutcracker.yml), with libmemcached's spellings accepted too.
enum class HashAlgorithm : std::uint8_t {
    OneAtATime,
    Md5,
    Crc16,
    Crc32,   // libmemcached "crc" / twemproxy "crc32": 15 bits of CRC-32
    Crc32a,  // the full standard CRC-32
    Fnv1_64,
    Fnv1a_64,
    Fnv1_32,
    Fnv1a_32,
    Hsieh,
    Murmur,  // MurmurHash2, seed 0xdeadbeef * length
    Jenkins,
    Murmur3, // MurmurHash3 x86_32, seed 0xdeadbeef * length (libhashkit)
    Xxh3,    // XXH3-64, low 32 bits
};

struct HashInfo {
    HashAlgorithm algorithm;
    std::string_view name;
    std::string_view description;
};

std::span<const HashInfo> allHashes() noexcept;
std::string_view hashName(HashAlgorithm algorithm) noexcept;
std::optional<HashAlgorithm> parseHash(std::string_view name) noexcept;

// 32-bit value of `key` under `algorithm`, as the C libraries compute it.
std::uint32_t hashKey(HashAlgorithm algorithm, std::string_view key) noexcept;

// A plain function pointer: distributions call it per key without a switch.
using HashFunction = std::uint32_t (*)(std::string_view) noexcept;
HashFunction hashFunction(HashAlgorithm algorithm) noexcept;

} // namespace ringscope::core
