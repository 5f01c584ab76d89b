#include "core/placement/clusterplacement.h"

#include "core/distribution/hashtagdistribution.h"

namespace ringscope::core {

std::unique_ptr<Distribution> buildPlacement(const ClusterSpec &spec, const PlacementChoice &choice,
                                             std::string &error)
{
    const std::string &name = choice.preset.empty() ? spec.preset : choice.preset;
    if (name.empty()) {
        error = "no preset: pass --preset (see `ringscope-cli presets`)";
        return nullptr;
    }
    const Preset *preset = findPreset(name);
    if (!preset) {
        error = "unknown preset '" + name + "' (see `ringscope-cli presets`)";
        return nullptr;
    }
    auto hash = choice.hash;
    if (!hash && name == spec.preset)
        hash = spec.hash;
    return withHashTag(makeDistribution(*preset, spec.servers, hash, choice.options, error), spec.hashTag);
}

} // namespace ringscope::core
