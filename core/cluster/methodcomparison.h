#pragma once

#include "../distribution/preset.h"
#include "keyset.h"

#include <string>
#include <vector>

namespace ringscope::core {

// One placement method measured on the user's keys and topology change.
struct MethodMeasurement {
    std::string preset;
    std::string hash;
    double movedFraction = 0;      // keys whose owner changes
    double expectedMoved = 0;      // the ideal: the changed servers' weighted share
    double maxOverMean = 0;        // load imbalance before the change, weighted
    double relativeStddev = 0;     // standard deviation / mean of weighted loads
    double unavailableFraction = 0;// keys lost with the most loaded server down, no replication
    double lookupNanos = 0;        // per key, one thread
    std::vector<std::uint64_t> keysPerServer; // before the change
};

struct ComparisonRequest {
    ServerList before;
    ServerList after;
    std::vector<std::string> presets; // empty: defaultComparisonPresets()
    std::optional<HashAlgorithm> hash;  // applied where the preset allows it
    PresetOptions options;
};

std::vector<std::string> defaultComparisonPresets();

// Measures every preset; an unknown preset or a hash it refuses is reported
// in `error` and stops the comparison.
std::vector<MethodMeasurement> compareMethods(const ComparisonRequest &request, const KeySet &keys,
                                              std::string &error);

} // namespace ringscope::core
