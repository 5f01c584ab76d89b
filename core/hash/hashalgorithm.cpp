#include "core/hash/hashalgorithm.h"

#include "core/hash/hashfunctions.h"

#include <array>

namespace ringscope::core {
namespace {

// libhashkit seeds MurmurHash3 with 0xdeadbeef × length, like its murmur2.
std::uint32_t murmur3Memcached(std::string_view key) noexcept
{
    return hashfn::murmur3_32(key, 0xdeadbeefu * static_cast<std::uint32_t>(key.size()));
}

std::uint32_t xxh3Low32(std::string_view key) noexcept
{
    return static_cast<std::uint32_t>(hashfn::xxh3_64(key));
}

constexpr std::array<HashInfo, 14> kHashes{{
    {HashAlgorithm::OneAtATime, "one_at_a_time", "Bob Jenkins' one-at-a-time (libmemcached's default)"},
    {HashAlgorithm::Md5, "md5", "MD5, first four digest bytes little-endian"},
    {HashAlgorithm::Crc16, "crc16", "CRC-16/XMODEM as twemproxy accumulates it"},
    {HashAlgorithm::Crc32, "crc32", "CRC-32, bits 16..30 (libmemcached 'crc')"},
    {HashAlgorithm::Crc32a, "crc32a", "CRC-32, all 32 bits"},
    {HashAlgorithm::Fnv1_64, "fnv1_64", "FNV-1 64-bit, low 32 bits"},
    {HashAlgorithm::Fnv1a_64, "fnv1a_64", "FNV-1a with 64-bit constants truncated to 32 (twemproxy default)"},
    {HashAlgorithm::Fnv1_32, "fnv1_32", "FNV-1 32-bit"},
    {HashAlgorithm::Fnv1a_32, "fnv1a_32", "FNV-1a 32-bit"},
    {HashAlgorithm::Hsieh, "hsieh", "Paul Hsieh's SuperFastHash"},
    {HashAlgorithm::Murmur, "murmur", "MurmurHash2, seed 0xdeadbeef * length"},
    {HashAlgorithm::Jenkins, "jenkins", "Bob Jenkins' lookup3, initval 13"},
    {HashAlgorithm::Murmur3, "murmur3", "MurmurHash3 x86_32, seed 0xdeadbeef * length (libmemcached)"},
    {HashAlgorithm::Xxh3, "xxh3", "XXH3-64 (libxxhash), low 32 bits"},
}};

constexpr std::array<HashFunction, 14> kFunctions{
    hashfn::oneAtATime, hashfn::md5,        hashfn::crc16Twemproxy,    hashfn::crc32Memcached,
    hashfn::crc32,      hashfn::fnv1_64,    hashfn::fnv1a_64Memcached, hashfn::fnv1_32,
    hashfn::fnv1a_32,   hashfn::hsieh,      hashfn::murmur2Memcached,  hashfn::jenkins,
    murmur3Memcached,       xxh3Low32,
};

} // namespace

std::span<const HashInfo> allHashes() noexcept
{
    return kHashes;
}

std::string_view hashName(HashAlgorithm algorithm) noexcept
{
    return kHashes[static_cast<std::size_t>(algorithm)].name;
}

std::optional<HashAlgorithm> parseHash(std::string_view name) noexcept
{
    for (const auto &h : kHashes)
        if (h.name == name)
            return h.algorithm;
    if (name == "default")
        return HashAlgorithm::OneAtATime;
    if (name == "crc")
        return HashAlgorithm::Crc32;
    if (name == "murmur2")
        return HashAlgorithm::Murmur;
    return std::nullopt;
}

HashFunction hashFunction(HashAlgorithm algorithm) noexcept
{
    return kFunctions[static_cast<std::size_t>(algorithm)];
}

std::uint32_t hashKey(HashAlgorithm algorithm, std::string_view key) noexcept
{
    return hashFunction(algorithm)(key);
}

} // namespace ringscope::core
