#pragma once

#include "core/distribution/server.h"

#include <QString>

#include <optional>

namespace ringscope::ui {

// What to open: a local demo cluster, a server list, a proxy's config file
// or an ElastiCache configuration endpoint.
struct ClusterRequest {
    enum class Kind { Demo, Servers, ConfigFile, ElastiCache };
    Kind kind = Kind::Demo;
    int demoServers = 4;
    QString proxy;          // demo: "", "twemproxy", "nginx-rr", "nginx-least-conn", "nginx-hash"
    QString spec;           // Servers: the SPEC; ConfigFile: the path (#pool allowed); ElastiCache: host:port
    QString preset, hash;   // empty: the config's own, else the default
    QString hashTag;        // twemproxy's hash_tag of the pool, if any
    core::Server endpoint;  // ElastiCache
    core::ServerList servers; // Servers / ConfigFile, once checked
    QString title() const;  // for the window and the recent list

    // One line for the recent-clusters list ("demo|4|twemproxy",
    // "servers|SPEC|preset|hash", "file|PATH|…", "elasticache|HOST:PORT|…"),
    // and back; nothing from a line that is not one. A line read back names
    // what to open, not the servers it held: open it through the Connect
    // dialog's check, which reads the file and parses the spec again.
    QString toSettings() const;
    static std::optional<ClusterRequest> fromSettings(const QString &line);
};

} // namespace ringscope::ui
