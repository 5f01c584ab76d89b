#include "app/cli/replicationargs.h"

#include <algorithm>

namespace ringscope::cli {

using namespace ringscope::core;

const std::vector<std::string> kReplicationOptions{"replicas", "replication", "write-quorum", "read-policy", "on-failure"};

bool wantsReplication(const Arguments &a)
{
    return std::any_of(kReplicationOptions.begin(), kReplicationOptions.end(), [&](const auto &o) { return a.has(o); });
}

std::optional<ReplicationOptions> replicationOptions(const Arguments &a, std::size_t servers, std::string &error)
{
    ReplicationOptions o;
    if (a.has("replication")) {
        const auto mode = parseMode(a.value("replication"));
        if (!mode) {
            error = "--replication '" + a.value("replication") + "': expected none, master-slave, ring or multi-master";
            return std::nullopt;
        }
        o.mode = *mode;
    }
    const auto replicas = a.integer("replicas", o.mode == ReplicationMode::None ? 1 : 2, 1, 64, error);
    if (!replicas)
        return std::nullopt;
    o.replicas = static_cast<std::size_t>(*replicas);
    if (a.has("write-quorum")) {
        const auto w = parseQuorum(a.value("write-quorum"), o.replicas);
        if (!w) {
            error = "--write-quorum '" + a.value("write-quorum") + "': expected 1 to " + std::to_string(o.replicas)
                + ", majority or all";
            return std::nullopt;
        }
        o.writeQuorum = *w;
    }
    if (a.has("read-policy")) {
        const auto p = parsePolicy(a.value("read-policy"));
        if (!p) {
            error = "--read-policy '" + a.value("read-policy") + "': expected primary, round-robin, least-outstanding or hash";
            return std::nullopt;
        }
        o.readPolicy = *p;
    }
    if (a.has("on-failure")) {
        const auto f = parseOnFailure(a.value("on-failure"));
        if (!f) {
            error = "--on-failure '" + a.value("on-failure") + "': expected miss or rehash";
            return std::nullopt;
        }
        if (o.mode != ReplicationMode::None) {
            error = "--on-failure applies without replication (with it, reads go to the other replicas)";
            return std::nullopt;
        }
        o.onFailure = *f;
    }
    if (error = checkOptions(o, servers); !error.empty())
        return std::nullopt;
    return o;
}

} // namespace ringscope::cli
