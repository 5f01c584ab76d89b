#include "ui/session/livestate.h"
#include "ui/util/strings.h"

namespace ringscope::ui {

void LiveState::watch(const core::ServerList &servers)
{
    m_watched.assign(servers.size(), {});
    for (std::size_t i = 0; i < servers.size(); ++i)
        m_watched[i].address = qs(servers[i].address());
}

void LiveState::clear()
{
    m_watched.clear();
    m_picture.clear();
}

int LiveState::indexOf(const QString &address) const
{
    for (std::size_t i = 0; i < m_watched.size(); ++i)
        if (m_watched[i].address == address)
            return static_cast<int>(i);
    return -1;
}

void LiveState::applyStats(const std::vector<StatsPoll> &polls)
{
    for (const auto &p : polls) {
        if (p.server >= m_watched.size())
            continue;
        auto &l = m_watched[p.server];
        l.error = p.error;
        l.polled = p.ok;
        if (!p.ok) {
            // What it held and how busy it was are no longer known.
            l.roundTripMs = l.getsPerSecond = l.setsPerSecond = l.hitRatio = l.evictionsPerSecond = -1;
            continue;
        }
        l.items = p.items;
        l.bytes = p.bytes;
        l.limitBytes = p.limitBytes;
        l.getsPerSecond = p.getsPerSecond;
        l.setsPerSecond = p.setsPerSecond;
        l.hitRatio = p.hitRatio;
        l.evictionsPerSecond = p.evictionsPerSecond;
        l.roundTripMs = p.roundTripMs;
    }
}

QString LiveState::applyHealth(std::size_t server, core::ServerState state)
{
    if (server >= m_watched.size())
        return {};
    auto &l = m_watched[server];
    l.health = state;
    if (state == core::ServerState::Up) // it answers again: whatever we did to it is over
        l.paused = l.stopped = false;
    if (state == core::ServerState::Down)
        l.held = l.misplaced = -1; // the last audit no longer says what it holds
    return l.address;
}

void LiveState::applyAudit(const AuditResult &result)
{
    for (std::size_t i = 0; i < result.servers.size() && i < m_watched.size(); ++i) {
        m_watched[i].held = result.servers[i].held;
        m_watched[i].misplaced = result.servers[i].misplaced;
    }
}

void LiveState::applyLoads(const std::vector<ReplicaLoad> &perServer)
{
    for (std::size_t i = 0; i < perServer.size() && i < m_watched.size(); ++i) {
        auto &l = m_watched[i];
        l.requestsPerSecond = perServer[i].requestsPerSecond;
        l.outstanding = perServer[i].outstanding;
        l.warming = perServer[i].warming;
        l.resyncing = perServer[i].resyncing;
        l.untrusted = perServer[i].untrusted;
    }
}

void LiveState::clearLoads()
{
    for (auto &l : m_watched) {
        l.requestsPerSecond = -1;
        l.outstanding = 0;
        l.warming = l.resyncing = l.untrusted = false;
    }
}

bool LiveState::applyDemoAction(const QString &address, DemoAction action)
{
    const int w = indexOf(address);
    if (w < 0)
        return false;
    auto &l = m_watched[static_cast<std::size_t>(w)];
    l.paused = action == DemoAction::Pause;
    l.stopped = action == DemoAction::Kill;
    return true;
}

void LiveState::mapTo(const core::ServerList &picture)
{
    std::vector<LiveServer> live;
    if (!m_watched.empty())
        for (const auto &s : picture) {
            const QString address = qs(s.address());
            if (const int w = indexOf(address); w >= 0) {
                live.push_back(m_watched[static_cast<std::size_t>(w)]);
            } else {
                LiveServer unknown;
                unknown.address = address;
                unknown.watched = false;
                live.push_back(unknown);
            }
        }
    m_picture = std::move(live);
}

} // namespace ringscope::ui
