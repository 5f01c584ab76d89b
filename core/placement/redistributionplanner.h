#pragma once

#include "core/distribution/distribution.h"
#include "core/distribution/failover.h"
#include "core/placement/keyset.h"

#include <cstdint>
#include <limits>
#include <span>
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
    std::vector<Move> moves;         // in key order
    // Where each server of the list before and of the list after is in `servers`.
    std::vector<std::uint32_t> indexOfBefore, indexOfAfter;
    // The owner of every key after the change: an index into the list after
    // (not into `servers`), ejected servers already skipped.
    std::vector<std::uint32_t> ownersAfter;
    double fractionMoved() const noexcept
    {
        return totalKeys == 0 ? 0.0 : static_cast<double>(moves.size()) / static_cast<double>(totalKeys);
    }
};

// Owners of every key under `d`, computed on up to `threads` threads
// (0: one per core). Off the GUI thread for large sets.
std::vector<std::uint32_t> assignOwners(const Distribution &d, const KeySet &keys, unsigned threads = 0);

// How the keys are placed on one side of a change, besides the distribution.
struct PlaceOptions {
    // By server index: servers that are down and taken off the ring
    // (auto-eject). Such a server stays in the list but owns nothing: each of
    // its keys goes to the key's next owner (Distribution::successors) that
    // is not ejected, as libmemcached and twemproxy clients do. With every
    // server ejected nothing moves: there is nowhere to go.
    std::vector<bool> ejected;
    // Each key's Distribution::position under `d`, when the caller has it
    // already (the same keys under the same hash as before): a plain ring
    // then finds the owners from it (ownerAt) without hashing a key. Empty:
    // the keys are hashed. Not owned: it must outlive the call.
    std::span<const std::uint32_t> positions;
    unsigned threads = 0; // as in assignOwners
    // The real client's own rule for the servers marked in `ejected` (which
    // then means "down, and noticed"): each key goes where `failover` sends
    // it — every key under Eject (the placement of the live servers alone),
    // a down server's keys under the other rules — and a key whose request
    // the client fails stays with its server. Not owned; null: the
    // next-owner walk above.
    const FailoverPlacement *failover = nullptr;
};

// Owners of every key under `d` placed as `how` says.
std::vector<std::uint32_t> placeKeys(const Distribution &d, const KeySet &keys, const PlaceOptions &how);

// The side before a change when its owners are known already (a picture
// keeps them from the last change): nothing is placed again.
struct KnownOwners {
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::string> addresses;   // the servers, as Server::address(), in the order owners index
    std::span<const std::uint32_t> owners; // one per key of the key set: an index into addresses, or
                                           // kNone for a key that was not placed before. Not owned.
};

// `owners` of the keys of `from`, carried over by name to the keys of `to`;
// KnownOwners::kNone for a key of `to` that `from` does not have.
std::vector<std::uint32_t> carryOwners(const KeySet &from, std::span<const std::uint32_t> owners, const KeySet &to);

// Servers are the same server in both lists when their addresses match.
RedistributionPlan planRedistribution(const Distribution &before, const Distribution &after, const KeySet &keys,
                                      unsigned threads = 0);
// The same with ejected servers (and known positions) on either side.
RedistributionPlan planRedistribution(const Distribution &before, const PlaceOptions &howBefore, const Distribution &after,
                                      const PlaceOptions &howAfter, const KeySet &keys);
// From the owners known before the change: only the side after is placed.
RedistributionPlan planRedistribution(const KnownOwners &before, const Distribution &after, const PlaceOptions &howAfter,
                                      const KeySet &keys);

} // namespace ringscope::core
