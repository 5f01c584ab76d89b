#pragma once

#include "../distribution/distribution.h"
#include "keyset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ringscope::core {

// What a topology change does to a set of keys.
struct RedistributionPlan {
    struct Move {
        std::uint32_t key;  // index into the key set
        std::uint32_t from; // index into servers
        std::uint32_t to;
    };
    struct ServerFlow {
        std::string address;
        std::uint64_t before = 0; // keys owned before the change
        std::uint64_t after = 0;
        std::uint64_t in = 0;     // keys that arrive
        std::uint64_t out = 0;    // keys that leave
    };

    std::size_t totalKeys = 0;
    std::vector<ServerFlow> servers; // the union of both lists, old order first
    std::vector<Move> moves;
    double fractionMoved() const noexcept
    {
        return totalKeys == 0 ? 0.0 : static_cast<double>(moves.size()) / static_cast<double>(totalKeys);
    }
};

// Owners of every key under `d`, computed on up to `threads` threads
// (0: one per core). Off the GUI thread for large sets.
std::vector<std::uint32_t> assignOwners(const Distribution &d, const KeySet &keys, unsigned threads = 0);

// Servers are the same server in both lists when their addresses match.
RedistributionPlan planRedistribution(const Distribution &before, const Distribution &after, const KeySet &keys,
                                      unsigned threads = 0);

} // namespace ringscope::core
