#pragma once

#include "core/placement/keyset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ringscope::test {

// `count` random keys, reproducible from `seed`: printable ASCII mostly,
// lengths 1..250, and every `nonAsciiEvery`-th key with bytes >= 0x80 so the
// sign-extension quirks of the C hashes are exercised. No '\n' or '\r', so
// the keys can travel one per line; no spaces or control characters either,
// so every key is also a valid memcached text-protocol key.
std::vector<std::string> randomKeys(std::size_t count, std::uint64_t seed, std::size_t nonAsciiEvery = 7);

// The same keys as UTF-8 text (for Python and Java references that take str).
std::vector<std::string> randomUtf8Keys(std::size_t count, std::uint64_t seed);

std::string joinLines(const std::vector<std::string> &keys);

} // namespace ringscope::test
