#include "core/hash/hashfunctions.h"

#include <xxhash.h>

namespace ringscope::core::hashfn {

std::uint64_t xxh3_64(std::string_view key, std::uint64_t seed) noexcept
{
    return XXH3_64bits_withSeed(key.data(), key.size(), seed);
}

} // namespace ringscope::core::hashfn
