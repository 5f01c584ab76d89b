#pragma once

#include "core/distribution/distribution.h"
#include "core/live/keyenumerator.h"

#include <string>
#include <vector>

namespace ringscope::core {

// Every key a server holds against the server the preset says should own
// it. Misplaced keys are what two clients that disagree leave behind, or what
// stays on a server after a topology change.
struct OwnershipAudit {
    struct ServerCounts {
        std::string address;
        std::uint64_t keys = 0;      // keys enumerated on it (a sample when sampled)
        std::uint64_t owned = 0;     // of those, keys it owns under the preset
        std::uint64_t misplaced = 0; // keys that belong elsewhere
        std::uint64_t seen = 0;      // every key the metadump listed
        bool sampled = false;
        std::string error;           // why it could not be enumerated
    };
    struct Misplaced {
        std::string key;
        std::size_t heldBy;
        std::size_t belongsTo;
    };

    std::vector<ServerCounts> servers;
    std::vector<Misplaced> misplaced; // up to `maxListed`
    std::uint64_t totalKeys = 0;
    std::uint64_t totalMisplaced = 0;

    // With `replicas` > 1 a key held by one of its R servers (owner and the
    // next R-1, as replication places them) is not misplaced.
    static OwnershipAudit compute(const Distribution &d, const std::vector<ServerKeys> &held,
                                  std::size_t maxListed = 1000, std::size_t replicas = 1);
};

} // namespace ringscope::core
