#include "core/hash/hashfunctions.h"

namespace ringscope::core::hashfn {
namespace {

constexpr std::uint64_t kFnv64Init = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFnv64Prime = 0x100000001b3ull;
constexpr std::uint32_t kFnv32Init = 2166136261u;
constexpr std::uint32_t kFnv32Prime = 16777619u;

// The C libraries read the key through `const char *`: on x86-64 a byte
// >= 0x80 is sign-extended before it is XORed in.
constexpr std::uint32_t signedByte32(char ch) noexcept
{
    return static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<signed char>(ch)));
}
constexpr std::uint64_t signedByte64(char ch) noexcept
{
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<signed char>(ch)));
}

} // namespace

std::uint32_t fnv1_32(std::string_view key) noexcept
{
    std::uint32_t h = kFnv32Init;
    for (const char ch : key) {
        h *= kFnv32Prime;
        h ^= signedByte32(ch);
    }
    return h;
}

std::uint32_t fnv1a_32(std::string_view key) noexcept
{
    std::uint32_t h = kFnv32Init;
    for (const char ch : key) {
        h ^= signedByte32(ch);
        h *= kFnv32Prime;
    }
    return h;
}

std::uint32_t fnv1_64(std::string_view key) noexcept
{
    std::uint64_t h = kFnv64Init;
    for (const char ch : key) {
        h *= kFnv64Prime;
        h ^= signedByte64(ch);
    }
    return static_cast<std::uint32_t>(h);
}

std::uint32_t fnv1a_64Memcached(std::string_view key) noexcept
{
    // libmemcached and twemproxy truncate both constants to 32 bits, so the
    // multiplier is 0x1b3: the high bits barely mix, which is why twemproxy's
    // default ketama + fnv1a_64 piles keys onto few servers.
    auto h = static_cast<std::uint32_t>(kFnv64Init);
    for (const char ch : key) {
        h ^= signedByte32(ch);
        h *= static_cast<std::uint32_t>(kFnv64Prime);
    }
    return h;
}

std::uint64_t fnv1a_64Full(std::string_view key) noexcept
{
    std::uint64_t h = kFnv64Init;
    for (const char ch : key) {
        h ^= static_cast<std::uint8_t>(ch);
        h *= kFnv64Prime;
    }
    return h;
}

std::uint32_t oneAtATime(std::string_view key) noexcept
{
    std::uint32_t v = 0;
    for (const char ch : key) {
        v += signedByte32(ch);
        v += v << 10;
        v ^= v >> 6;
    }
    v += v << 3;
    v ^= v >> 11;
    v += v << 15;
    return v;
}

} // namespace ringscope::core::hashfn
