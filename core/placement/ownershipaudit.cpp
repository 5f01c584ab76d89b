#include "core/placement/ownershipaudit.h"

#include <algorithm>

namespace ringscope::core {

OwnershipAudit OwnershipAudit::compute(const Distribution &d, const std::vector<ServerKeys> &held,
                                       std::size_t maxListed, std::size_t replicas)
{
    OwnershipAudit audit;
    for (const auto &s : d.servers()) {
        ServerCounts counts;
        counts.address = s.address();
        audit.servers.push_back(std::move(counts));
    }
    for (const ServerKeys &sk : held) {
        auto &counts = audit.servers[sk.server];
        counts.seen = sk.seen;
        counts.sampled = sk.sampled;
        if (sk.error)
            counts.error = sk.error.message;
        for (const auto &key : sk.keys) {
            ++counts.keys;
            ++audit.totalKeys;
            const std::size_t owner = d.owner(key);
            if (owner == sk.server) {
                ++counts.owned;
                continue;
            }
            if (replicas > 1) { // a replica is where it belongs too
                const auto copies = d.successors(key, replicas);
                if (std::find(copies.begin(), copies.end(), sk.server) != copies.end()) {
                    ++counts.owned;
                    continue;
                }
            }
            ++counts.misplaced;
            ++audit.totalMisplaced;
            if (audit.misplaced.size() < maxListed)
                audit.misplaced.push_back({key, sk.server, owner});
        }
    }
    return audit;
}

} // namespace ringscope::core
