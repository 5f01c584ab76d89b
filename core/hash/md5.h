#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace ringscope::core {

// MD5 (RFC 1321). Ketama rings hash every point and, in the weighted
// libmemcached and twemproxy modes, every key with it, so it must be fast
// for short inputs: one call, no allocation.
class Md5 {
public:
    using Digest = std::array<std::uint8_t, 16>;

    static Digest digest(std::string_view data) noexcept;

    // Four bytes of a digest, little-endian, starting at 4 * index: the word
    // libmemcached, libketama, twemproxy and spymemcached take as a point.
    static std::uint32_t word(const Digest &d, unsigned index) noexcept
    {
        const unsigned o = index * 4;
        return static_cast<std::uint32_t>(d[o]) | (static_cast<std::uint32_t>(d[o + 1]) << 8)
            | (static_cast<std::uint32_t>(d[o + 2]) << 16)
            | (static_cast<std::uint32_t>(d[o + 3]) << 24);
    }
};

} // namespace ringscope::core
