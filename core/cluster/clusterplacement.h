#pragma once

#include "../distribution/preset.h"
#include "serverspec.h"

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

} // namespace ringscope::core
