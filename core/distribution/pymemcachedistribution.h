#pragma once

#include "core/distribution/distribution.h"

#include <string>
#include <vector>

namespace ringscope::core {

// pymemcache's HashClient: RendezvousHash over nodes "host:port" (IPv6 without
// brackets), each scoring murmur3_32("node-key", seed 0) where the hash runs
// over Python characters: every code point contributes one byte, ord(c) & 0xff,
// and the length is the character count. The highest score wins; a tie goes to
// the node whose name sorts last. Weights do not exist there.
class PymemcacheDistribution final : public Distribution {
public:
    explicit PymemcacheDistribution(ServerList servers);

    std::size_t owner(std::string_view key) const override;
    std::vector<std::size_t> successors(std::string_view key, std::size_t count) const override;
    std::uint32_t position(std::string_view key) const override;

    // pymemcache's murmur3_32 of a UTF-8 string (bytes that are not UTF-8
    // count one character each).
    static std::uint32_t pythonMurmur3(std::string_view utf8);

private:
    std::vector<std::uint32_t> scores(std::string_view key) const;

    std::vector<std::string> m_nodes;
};

} // namespace ringscope::core
