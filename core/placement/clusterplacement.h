#pragma once

#include "core/distribution/preset.h"
#include "core/config/serverspec.h"

#include <memory>
#include <string>

namespace ringscope::core {

// What the user chose on top of a cluster spec; empty fields fall back to
// what the spec itself says (a twemproxy pool names its hash and distribution).
struct PlacementChoice {
    std::string preset;
    std::optional<HashAlgorithm> hash;
    PresetOptions options;
};

// The distribution for `spec` under `choice`, with twemproxy's hash_tag
// applied when the pool has one; nullptr and a message in `error` otherwise.
std::unique_ptr<Distribution> buildPlacement(const ClusterSpec &spec, const PlacementChoice &choice,
                                             std::string &error);

// A cluster and how its keys are placed: one value for whoever places keys
// (the picture, the audits, the traffic), so that none of them holds a copy
// of one part only.
struct Placement {
    ClusterSpec spec;
    PlacementChoice choice;

    // The same choice over other servers (the live ones of a failover, the
    // ones really there rather than what-if ones).
    Placement over(ServerList servers) const
    {
        Placement p = *this;
        p.spec.servers = std::move(servers);
        return p;
    }
};

inline std::unique_ptr<Distribution> buildPlacement(const Placement &p, std::string &error)
{
    return buildPlacement(p.spec, p.choice, error);
}

} // namespace ringscope::core
