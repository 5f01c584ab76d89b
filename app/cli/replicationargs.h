#pragma once

#include "app/cli/arguments.h"

#include "core/live/replication.h"

#include <optional>
#include <string>
#include <vector>

namespace ringscope::cli {

// --replication, --replicas, --write-quorum, --read-policy, --on-failure.
extern const std::vector<std::string> kReplicationOptions;
bool wantsReplication(const Arguments &a);
// The options, checked against a cluster of `servers`; or nothing and `error`.
std::optional<core::ReplicationOptions> replicationOptions(const Arguments &a, std::size_t servers, std::string &error);

} // namespace ringscope::cli
