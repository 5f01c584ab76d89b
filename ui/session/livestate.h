#pragma once

#include "ui/bridge/livetypes.h"

#include "core/distribution/server.h"

#include <vector>

namespace ringscope::ui {

// The live state of the watched servers, and the same mapped by address onto
// the servers of the picture: a server that is only in the picture (what-if)
// is there as "not watched", never contacted. A value: the session feeds it
// what the bridge said and reads the picture's vector back.
class LiveState {
public:
    // A new watched list: nothing known of it yet.
    void watch(const core::ServerList &servers);
    void clear();
    // The watched servers as a recording had them.
    void setWatched(std::vector<LiveServer> watched) { m_watched = std::move(watched); }
    const std::vector<LiveServer> &watched() const noexcept { return m_watched; }

    void applyStats(const std::vector<StatsPoll> &polls);
    // The address of the server whose health it was, or empty.
    QString applyHealth(std::size_t server, core::ServerState state);
    void applyAudit(const AuditResult &result);
    void applyLoads(const std::vector<ReplicaLoad> &perServer);
    void clearLoads();
    // Kill, hang, resume or restart done by the demo cluster; false: not watched.
    bool applyDemoAction(const QString &address, DemoAction action);

    // Maps the watched servers onto `picture`; picture() returns the result.
    void mapTo(const core::ServerList &picture);
    const std::vector<LiveServer> &picture() const noexcept { return m_picture; }

private:
    int indexOf(const QString &address) const;

    std::vector<LiveServer> m_watched; // per watched server
    std::vector<LiveServer> m_picture; // per server of the picture
};

} // namespace ringscope::ui
