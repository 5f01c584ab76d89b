// ClusterSession: the picture (a scene from the placement and the keys), the
// topology changes that make a new one, and a recorded session's feed.
#include "ui/session/clustersession.h"
#include "ui/util/strings.h"

#include "ui/bridge/clusterwatch.h"
#include "ui/bridge/trafficrunner.h"
#include "ui/models/ringscene.h"

#include "core/placement/keyset.h"
#include "core/config/serverspec.h"
#include "core/distribution/distribution.h"
#include "core/distribution/preset.h"

#include <algorithm>

namespace ringscope::ui {

// --- the picture ----------------------------------------------------------------

QString ClusterSession::rebuild(const QString &why, bool animate)
{
    const core::Preset *p = core::findPreset(m_placement.choice.preset);
    if (!p)
        return tr("unknown preset '%1'").arg(preset());
    std::string error;
    std::shared_ptr<core::Distribution> d = core::buildPlacement(m_placement, error);
    if (!d)
        return qs(error);
    QString hashLabel = qs(core::presetHashLabel(*p, m_placement.choice.hash));
    if (!m_placement.spec.hashTag.empty())
        hashLabel += tr(", hash_tag %1").arg(hashTag());
    // The picked server stays picked by name, not by row, across the change.
    const QString picked = m_scene && m_selected >= 0 && static_cast<std::size_t>(m_selected) < m_scene->servers.size()
        ? m_scene->servers[static_cast<std::size_t>(m_selected)].label
        : QString();
    // Down servers: where their keys go is the real client's rule.
    std::vector<bool> down = ejected();
    std::unique_ptr<core::FailoverPlacement> failover;
    if (!down.empty()) {
        std::vector<std::size_t> indexes;
        for (std::size_t i = 0; i < down.size(); ++i)
            if (down[i])
                indexes.push_back(i);
        const core::FailoverPlacement::Builder build = [placement = m_placement](core::ServerList list) {
            std::string ignored;
            return core::buildPlacement(placement.over(std::move(list)), ignored);
        };
        failover = core::FailoverPlacement::make(servers(), indexes, failoverRule(), build, error, m_placement.choice.preset);
        if (!failover)
            return qs(error);
    }
    m_scene = RingScene::build(*d, m_keys, preset(), hashLabel, m_scene.get(), down, failover.get());
    m_sceneDown = std::move(down);
    m_distribution = std::move(d);
    int pickedNow = -1;
    for (std::size_t i = 0; i < m_scene->servers.size(); ++i)
        if (!picked.isEmpty() && m_scene->servers[i].label == picked)
            pickedNow = static_cast<int>(i);
    Q_EMIT sceneChanged(m_scene, animate, why);
    setSelectedServer(pickedNow);
    if (m_mode == Mode::Replay) {
        // The recording has the event line.
    } else if (animate) {
        note(EventKind::Topology,
             tr("%1: %2 of %3 keys moved (%4%)")
                 .arg(why)
                 .arg(m_scene->moved)
                 .arg(m_keys->size())
                 .arg(100.0 * static_cast<double>(m_scene->moved) / static_cast<double>(std::max<std::size_t>(1, m_keys->size())),
                      0, 'f', 1));
    } else {
        note(EventKind::Info, why);
    }
    return {};
}

void ClusterSession::setSelectedServer(int index)
{
    if (index < -1 || (m_scene && index >= static_cast<int>(m_scene->servers.size())))
        index = -1;
    if (index == m_selected)
        return;
    m_selected = index;
    Q_EMIT selectionChanged(index);
}

QString ClusterSession::setServers(const core::ServerList &next, const QString &why, bool animate)
{
    if (next.empty())
        return tr("a cluster needs at least one server");
    if (const std::string dup = core::findDuplicate(next); !dup.empty())
        return qs(dup);
    const core::ServerList old = servers();
    const bool sameServers = old.size() == next.size()
        && std::equal(old.begin(), old.end(), next.begin(),
                      [](const core::Server &a, const core::Server &b) { return a.address() == b.address(); });
    m_placement.spec.servers = next;
    remapLive(); // by address: the ejected servers and the table follow the new list
    if (QString error = rebuild(why, animate); !error.isEmpty()) {
        m_placement.spec.servers = old;
        remapLive();
        return error;
    }
    if (m_mode == Mode::Demo && m_demo->containsAll(next) && !sameServers) {
        watchServers(); // the demo's servers are real: watch the new list
    } else if (!sameServers) {
        // What-if (a watched cluster, or a list typed while the demo runs):
        // the servers being watched stay watched, and a server that is only
        // in the picture is never contacted — or written to.
        liveUpdated(false);
    }
    updateAuditPlacement();
    if (trafficShouldRun())
        applyTraffic(); // our client places keys over the new list
    return {};
}

QString ClusterSession::addServer()
{
    if (m_mode == Mode::Demo) {
        if (!m_demo->running())
            return tr("the local demo cluster is not running yet");
        m_demo->act(DemoCluster::Action::Add, {});
        return {};
    }
    // What-if: the next free port after the highest one on the first server's host.
    const core::Server s = core::nextFreeServer(servers());
    auto next = servers();
    next.push_back(s);
    return setServers(next, m_mode == Mode::Watching ? tr("what-if: added %1 (no server touched)").arg(qs(s.address()))
                                                     : tr("added %1").arg(qs(s.address())));
}

QString ClusterSession::removeServer(int index)
{
    if (index < 0 || index >= static_cast<int>(servers().size()))
        return tr("select a server first (click its arc or its row)");
    if (servers().size() == 1)
        return tr("the last server cannot be removed");
    const QString label = qs(servers()[static_cast<std::size_t>(index)].address());
    auto next = servers();
    next.erase(next.begin() + index);
    if (m_mode == Mode::Demo) {
        if (!m_demo->contains(label))
            return tr("%1 is not a server of the local demo cluster").arg(label);
        // Planned: out of the picture and the watch first, then the process
        // is stopped, so that its closing connections are nobody's failure.
        if (QString error = setServers(next, tr("removed %1").arg(label)); !error.isEmpty())
            return error;
        m_demo->act(DemoCluster::Action::Remove, label);
        return {};
    }
    return setServers(next, m_mode == Mode::Watching ? tr("what-if: removed %1 (no server touched)").arg(label)
                                                     : tr("removed %1").arg(label));
}

QString ClusterSession::setWeight(int index, int weight)
{
    if (index < 0 || index >= static_cast<int>(servers().size()))
        return tr("no server %1").arg(index);
    if (weight < 1)
        return tr("a weight is a whole number from 1 up");
    auto next = servers();
    auto &s = next[static_cast<std::size_t>(index)];
    const auto old = s.weight;
    s.weight = static_cast<std::uint32_t>(weight);
    return setServers(next, tr("weight of %1: %2 → %3").arg(qs(s.label())).arg(old).arg(weight));
}

QString ClusterSession::simulateFailure(int index, bool failed)
{
    if (index < 0 || index >= static_cast<int>(servers().size()))
        return tr("select a server first (click its arc or its row)");
    const QString label = qs(servers()[static_cast<std::size_t>(index)].label());
    if (failed == m_simulated.contains(label))
        return {};
    if (failed && static_cast<int>(m_simulated.size()) + 1 >= static_cast<int>(servers().size()))
        return tr("at least one server has to stay");
    if (failed)
        m_simulated.insert(label);
    else
        m_simulated.remove(label);
    return rebuild(failed ? tr("what-if: %1 fails and is ejected (no server touched)").arg(label)
                          : tr("what-if: %1 is back").arg(label),
                   true);
}

QString ClusterSession::setPointsPerServer(int points)
{
    if (points < 0 || points > 10000)
        return tr("points per server: a whole number from 1 to 10000 (0: the preset's default)");
    if (points == pointsPerServer())
        return {};
    const int old = m_points;
    choosePoints(points);
    const QString why = points == 0 ? tr("points per server: the preset's default") : tr("points per server: %1").arg(points);
    if (QString error = rebuild(why, true); !error.isEmpty()) {
        choosePoints(old);
        return error;
    }
    updateAuditPlacement();
    if (trafficShouldRun())
        applyTraffic();
    return {};
}

QString ClusterSession::setPreset(const QString &name, const QString &hashName)
{
    std::optional<core::HashAlgorithm> h;
    if (!hashName.isEmpty()) {
        h = core::parseHash(hashName.toStdString());
        if (!h)
            return tr("unknown hash '%1'").arg(hashName);
    }
    const core::PlacementChoice old = m_placement.choice;
    m_placement.choice.preset = name.toStdString();
    m_placement.choice.hash = h;
    if (QString error = rebuild(tr("preset %1 %2").arg(name, hashName), true); !error.isEmpty()) {
        m_placement.choice = old;
        return error;
    }
    updateAuditPlacement();
    m_watch->audit();
    if (trafficShouldRun())
        applyTraffic();
    return {};
}

QString ClusterSession::setKeyCount(int count)
{
    if (count < 1 || count > 10'000'000)
        return tr("sample keys: a whole number from 1 to 10,000,000");
    if (static_cast<std::size_t>(count) == m_keys->size())
        return {};
    m_keys = std::make_shared<const core::KeySet>(core::KeySet::synthetic(static_cast<std::size_t>(count)));
    m_scene.reset();
    return rebuild(tr("%1 sample keys").arg(count), false);
}

// --- replay ---------------------------------------------------------------------

void ClusterSession::beginReplay(const QString &title, int keyCount)
{
    // Nothing live while it plays: no demo, no polling, no traffic.
    m_trafficWanted = false;
    stopLive();
    Q_EMIT clusterReplaced();
    Q_EMIT clusterKeys(nullptr);
    m_simulated.clear();
    if (keyCount > 0 && static_cast<std::size_t>(keyCount) != m_keys->size())
        m_keys = std::make_shared<const core::KeySet>(core::KeySet::synthetic(static_cast<std::size_t>(keyCount)));
    m_scene.reset();
    m_title = tr("replay of %1").arg(title);
    setMode(Mode::Replay);
    Q_EMIT trafficChanged();
}

QString ClusterSession::replayTopology(const QString &spec, const QString &presetName, const QString &hashName,
                                       const QString &tag, int points, const QStringList &simulated, const QString &why)
{
    if (m_mode != Mode::Replay)
        return tr("no recorded session is playing");
    const auto parsed = core::parseServerList(spec.toStdString());
    if (!parsed)
        return tr("the session's servers do not parse: %1").arg(qs(parsed.error));
    const core::Placement old = m_placement;
    m_placement.spec.servers = *parsed.value;
    m_placement.spec.hashTag = tag.toStdString();
    m_placement.choice.preset = presetName.toStdString();
    m_placement.choice.hash = hashName.isEmpty() ? std::nullopt : core::parseHash(hashName.toStdString());
    const int oldPoints = m_points;
    choosePoints(points);
    m_simulated = QSet<QString>(simulated.begin(), simulated.end());
    remapLive();
    if (QString error = rebuild(why, m_scene != nullptr); !error.isEmpty()) {
        m_placement = old;
        m_points = oldPoints;
        return tr("cannot show the recorded topology: %1").arg(error);
    }
    return {};
}

void ClusterSession::replayLive(std::vector<LiveServer> watched, bool poll)
{
    if (m_mode != Mode::Replay)
        return;
    m_liveState.setWatched(std::move(watched));
    liveUpdated(poll);
}

void ClusterSession::replayTraffic(const TrafficSample &sample)
{
    if (m_mode != Mode::Replay)
        return;
    m_lastSample = sample;
    Q_EMIT trafficSampled(sample);
}

void ClusterSession::endReplay()
{
    if (m_mode != Mode::Replay)
        return;
    note(EventKind::Info, tr("the recorded session is over"));
    setMode(Mode::Offline);
}

} // namespace ringscope::ui
