#pragma once

#include "core/distribution/preset.h"
#include "core/placement/keyset.h"
#include "core/live/replication.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace ringscope::core {

// A way of keeping copies, measured on top of one placement preset.
struct ReplicationScheme {
    ReplicationMode mode = ReplicationMode::None;
    std::size_t replicas = 1;
    std::size_t writeQuorum = 0; // multi-master: 0 means all R
};

// One placement method (and replication scheme) measured on the user's keys.
struct MethodMeasurement {
    std::string label;  // "ketama", "ketama + ring R=2"
    std::string preset;
    std::string hash;
    ReplicationScheme replication;
    // Keys (copies, with replication) that have to move to another server
    // when the request's servers are added / removed; empty when that change
    // was not asked for. The ideal is the changed weight's share.
    std::optional<double> movedOnAdd;
    std::optional<double> movedOnRemove;
    double idealOnAdd = 0;
    double idealOnRemove = 0;
    double maxOverMean = 0;    // load imbalance (copies per server), weighted
    double relativeStddev = 0; // standard deviation / mean of the weighted loads
    // With the busiest server down: reads that find no copy, and writes the
    // scheme refuses (master-slave writes only to the primary; multi-master
    // needs W live replicas).
    std::string downServer;
    double readsUnavailable = 0;
    double writesRefused = 0;
    double lookupNanos = 0; // per key (every replica of it), one thread
    std::vector<std::uint64_t> keysPerServer; // copies per server, in `servers` order
};

struct ComparisonRequest {
    ServerList servers;
    ServerList added;                 // an "add" brings these (may be empty)
    std::vector<std::string> removed; // a "remove" takes these addresses away (may be empty)
    std::vector<std::string> presets; // empty: defaultComparisonPresets()
    std::optional<HashAlgorithm> hash; // applied where the preset allows it
    PresetOptions options;
    std::vector<ReplicationScheme> replication; // measured on replicationPreset
    std::string replicationPreset = "ketama";
    // twemproxy's hash_tag ("{}"), applied to every method as the window and
    // a twemproxy .yml apply it: only the tagged part of a key is hashed.
    std::string hashTag{};
};

std::vector<std::string> defaultComparisonPresets();
// Ring R=2, master-slave R=2, multi-master R=3 W=2 (when the cluster has enough servers).
std::vector<ReplicationScheme> defaultReplicationSchemes(std::size_t servers);
std::string schemeLabel(const std::string &preset, const ReplicationScheme &scheme);

// An empty string, or what is wrong with the request (unknown address to
// remove, a server added twice, nothing left, …).
std::string checkRequest(const ComparisonRequest &request);

// Measures every preset, then every replication scheme; an unknown preset,
// a hash it refuses or a bad request is reported in `error` and stops the
// comparison. Everything but lookupNanos is a function of the request and
// the keys: the GUI and `ringscope-cli compare` print the same numbers.
// `stop`, when given and set (from another thread), ends the work early,
// between two steps of one method: the result is then empty and `error` says so.
std::vector<MethodMeasurement> compareMethods(const ComparisonRequest &request, const KeySet &keys,
                                              std::string &error, const std::atomic<bool> *stop = nullptr);

} // namespace ringscope::core
