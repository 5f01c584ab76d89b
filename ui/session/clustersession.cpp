#include "ui/session/clustersession.h"
#include "ui/util/names.h"
#include "ui/util/strings.h"

#include "ui/bridge/clusterwatch.h"
#include "ui/bridge/trafficrunner.h"
#include "ui/models/ringscene.h"

#include "core/placement/keyset.h"
#include "core/config/serverspec.h"
#include "core/distribution/distribution.h"
#include "core/distribution/preset.h"
#include "core/net/ioruntime.h"
#include "core/net/localaddress.h"

#include <QLocale>

#include <algorithm>

namespace ringscope::ui {

core::ReplicationOptions ReplicationChoice::options() const
{
    core::ReplicationOptions o;
    o.mode = mode;
    o.replicas = mode == core::ReplicationMode::None ? 1 : static_cast<std::size_t>(std::max(1, replicas));
    o.writeQuorum = quorum == -1 ? o.replicas / 2 + 1 : static_cast<std::size_t>(std::max(0, quorum));
    o.readPolicy = policy;
    o.onFailure = onFailure;
    return o;
}

ClusterSession::ClusterSession(QObject *parent)
    : QObject(parent)
    , m_keys(std::make_shared<const core::KeySet>())
    , m_io(std::make_unique<core::IoRuntime>())
    , m_demo(new DemoCluster(this))
    , m_watch(new ClusterWatch(*m_io, this))
    , m_traffic(new TrafficRunner(*m_io, this))
{
    qRegisterMetaType<std::vector<LiveServer>>();
    qRegisterMetaType<ReplicationChoice>();
    connect(m_demo, &DemoCluster::started, this, &ClusterSession::onDemoStarted);
    connect(m_demo, &DemoCluster::failed, this, [this](const QString &error) {
        note(EventKind::Demo, tr("the local demo cluster could not start: %1").arg(error));
        Q_EMIT problem(tr("Local demo cluster"), error);
    });
    connect(m_demo, &DemoCluster::event, this, &ClusterSession::note);
    // The demo's new server list, applied once: a new picture and one watch change.
    connect(m_demo, &DemoCluster::serverAdded, this, [this](const core::Server &server) {
        auto next = servers();
        next.push_back(server);
        setServers(next, tr("added %1").arg(qs(server.address())));
    });
    // A removal was applied when asked for (removeServer); this is the echo.
    connect(m_demo, &DemoCluster::serverRemoved, this, [this](const QString &address) {
        auto next = servers();
        std::erase_if(next, [&](const core::Server &s) { return qs(s.address()) == address; });
        if (!next.empty() && next.size() != servers().size())
            setServers(next, tr("removed %1").arg(address));
    });
    connect(m_demo, &DemoCluster::signalled, this, &ClusterSession::onDemoSignalled);
    connect(m_watch, &ClusterWatch::statsPolled, this, &ClusterSession::onStats);
    connect(m_watch, &ClusterWatch::healthChanged, this, &ClusterSession::onHealth);
    connect(m_watch, &ClusterWatch::audited, this, &ClusterSession::onAudit);
    connect(m_watch, &ClusterWatch::clusterKeys, this, &ClusterSession::clusterKeys);
    connect(m_watch, &ClusterWatch::keyHeld, this, &ClusterSession::keyHeld);
    connect(m_watch, &ClusterWatch::discovered, this,
            [this](const core::ServerList &found, const QString &preset, const QString &error) {
                if (!error.isEmpty()) {
                    note(EventKind::Health, tr("ElastiCache discovery: %1").arg(error));
                    Q_EMIT problem(tr("ElastiCache"), error);
                    return;
                }
                if (!preset.isEmpty() && core::findPreset(preset.toStdString()) && !m_placement.choice.hash)
                    m_placement.choice.preset = preset.toStdString();
                m_placement.spec.servers = found;
                m_scene.reset();
                rebuild(tr("%1: %2 nodes (read-only until writing is switched on)").arg(m_title).arg(found.size()), false);
                watchServers();
            });
    connect(m_traffic, &TrafficRunner::sampled, this, &ClusterSession::onTraffic);
    connect(m_traffic, &TrafficRunner::stopped, this, &ClusterSession::onTrafficStopped);
    connect(m_traffic, &TrafficRunner::event, this, &ClusterSession::note);
    connect(m_traffic, &TrafficRunner::seeded, this, [this](qulonglong keys, qulonglong failures) {
        note(EventKind::Info, tr("wrote the %1 sample keys to the cluster with %2%3")
                                  .arg(keys)
                                  .arg(preset(), failures ? tr(" (%1 failed)").arg(failures) : QString()));
        m_watch->audit();
    });
}

ClusterSession::~ClusterSession()
{
    // Nothing the bridge says now may reach a half-destroyed session; the
    // writer goes first, then the watch, then the processes, then the I/O thread.
    m_traffic->blockSignals(true);
    m_watch->blockSignals(true);
    m_demo->blockSignals(true);
    delete m_traffic;
    delete m_watch;
    delete m_demo;
    m_io->stop();
}

// --- state --------------------------------------------------------------------

QString ClusterSession::preset() const
{
    return qs(m_placement.choice.preset);
}

QString ClusterSession::hash() const
{
    return m_placement.choice.hash ? latin(core::hashName(*m_placement.choice.hash)) : QString();
}

QString ClusterSession::hashTag() const
{
    return qs(m_placement.spec.hashTag);
}

void ClusterSession::choosePoints(int points)
{
    m_points = points;
    m_placement.choice.options.pointsPerServer =
        points > 0 ? static_cast<std::uint32_t>(points) : core::PresetOptions{}.pointsPerServer;
}

bool ClusterSession::trafficRunning() const
{
    return m_traffic->running();
}

bool ClusterSession::trafficShouldRun() const
{
    return m_trafficWanted && !(m_mode == Mode::Demo && !m_demo->running());
}

bool ClusterSession::writable() const
{
    return m_mode != Mode::Replay && m_traffic->writable();
}

bool ClusterSession::writingNeedsConfirmation() const
{
    return m_mode != Mode::Demo && !std::all_of(servers().begin(), servers().end(), [](const core::Server &s) {
        return core::isLoopbackHost(s.host);
    });
}

bool ClusterSession::demoRunning() const
{
    return m_demo->running();
}

QString ClusterSession::proxyKind() const
{
    return m_demo->proxyKind();
}

bool ClusterSession::simulatedFailure(int index) const
{
    return index >= 0 && static_cast<std::size_t>(index) < servers().size()
        && m_simulated.contains(qs(servers()[static_cast<std::size_t>(index)].label()));
}

std::vector<bool> ClusterSession::ejected() const
{
    // What-if failures, and real ones (without replication: with it, the
    // replication layer serves the keys of a server that is down).
    const bool realFailures = m_replication.mode == core::ReplicationMode::None;
    std::vector<bool> out(servers().size(), false);
    bool any = false;
    for (std::size_t i = 0; i < servers().size(); ++i) {
        const bool down = realFailures && i < live().size() && live()[i].isDown();
        out[i] = m_simulated.contains(qs(servers()[i].label())) || down;
        any = any || out[i];
    }
    return any ? out : std::vector<bool>{};
}

core::Failover ClusterSession::failoverRule() const
{
    // The preset's real client, as it is set by default; a client that
    // fails a dead server's keys by default but can eject it (libmemcached
    // REMOVE_FAILED_SERVERS, twemproxy auto_eject_hosts) ejects for a what-if
    // ("fail and eject") and under "On failure: rehash".
    const auto b = core::failoverOf(m_placement.choice.preset, m_placement.spec.autoEjectHosts);
    const bool canEject = std::find(b.choices.begin(), b.choices.end(), core::Failover::Eject) != b.choices.end();
    if (b.rule == core::Failover::Fail && canEject && (!m_simulated.isEmpty() || m_replication.onFailure == core::OnFailure::Rehash))
        return core::Failover::Eject;
    return b.rule;
}

QString ClusterSession::failoverSummary() const
{
    const auto b = core::failoverOf(m_placement.choice.preset, m_placement.spec.autoEjectHosts);
    const core::Failover rule = failoverRule();
    QString what;
    switch (rule) {
    case core::Failover::Fail:
        what = tr("its keys fail");
        break;
    case core::Failover::Eject:
        what = tr("it leaves the ring, placement of the live servers");
        break;
    case core::Failover::Rehash:
        what = tr("its keys are rehashed, up to 10 tries");
        break;
    case core::Failover::Redistribute:
        what = tr("its keys go to the next active node of KetamaIterator");
        break;
    case core::Failover::NextUpstream:
        what = tr("nginx tries the next upstream");
        break;
    }
    const QString client = rule == b.rule ? latin(b.client) : tr("%1, set to eject").arg(latin(b.client));
    return tr("%1: %2").arg(client, what);
}

// --- opening a cluster ----------------------------------------------------------

void ClusterSession::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

void ClusterSession::stopLive()
{
    m_traffic->setTarget({});
    m_traffic->setWriteSwitch(false);
    m_demo->stop();
    m_watch->unwatch();
    m_watch->setAuditInterval(0);
    m_liveState.clear();
}

void ClusterSession::start(const Options &options)
{
    m_placement.spec.servers = options.servers;
    m_placement.spec.hashTag = options.hashTag.toStdString();
    m_placement.choice.preset = options.preset.toStdString();
    m_placement.choice.hash = options.hash.isEmpty() ? std::nullopt : core::parseHash(options.hash.toStdString());
    m_keys = std::make_shared<const core::KeySet>(core::KeySet::synthetic(static_cast<std::size_t>(std::max(0, options.keyCount))));
    m_title = options.title;
    m_rate = options.trafficRate > 0 ? options.trafficRate : 150;
    if (options.demoServers > 0) {
        ClusterRequest r;
        r.kind = ClusterRequest::Kind::Demo;
        r.demoServers = options.demoServers;
        r.proxy = options.proxy;
        openCluster(r);
        m_trafficWanted = options.trafficRate > 0; // it starts once the servers run
        Q_EMIT trafficChanged();
        return;
    }
    setMode(options.watch ? Mode::Watching : Mode::Offline);
    const QString spec = specOf(servers());
    if (const QString error = rebuild(options.watch ? tr("watching %1 (read-only)").arg(spec)
                                                    : tr("opened %1 (offline: placement only)").arg(spec),
                                      false);
        !error.isEmpty())
        note(EventKind::Info, error);
    if (options.watch) {
        watchServers();
        ClusterRequest r;
        r.kind = ClusterRequest::Kind::Servers;
        r.spec = spec;
        r.preset = preset();
        r.hash = hash();
        Q_EMIT clusterOpened(r);
    }
}

void ClusterSession::openCluster(const ClusterRequest &request)
{
    stopLive();
    Q_EMIT clusterReplaced();
    Q_EMIT clusterKeys(nullptr);
    m_placement.spec.hashTag = request.hashTag.toStdString();
    m_simulated.clear();
    m_title = request.title();
    if (!request.preset.isEmpty())
        m_placement.choice.preset = request.preset.toStdString();
    m_placement.choice.hash = request.hash.isEmpty() ? std::nullopt : core::parseHash(request.hash.toStdString());
    setMode(request.kind == ClusterRequest::Kind::Demo ? Mode::Demo : Mode::Watching);
    switch (request.kind) {
    case ClusterRequest::Kind::Demo: {
        if (request.proxy == QLatin1String("nginx-hash") && request.preset.isEmpty())
            m_placement.choice.preset = "nginx-consistent"; // what nginx itself does
        if (request.proxy == QLatin1String("twemproxy") && request.preset.isEmpty()) {
            m_placement.choice.preset = "twemproxy-ketama";
            m_placement.choice.hash = core::parseHash("fnv1a_64"); // the generated pool's hash
        }
        if (request.proxy == QLatin1String("nginx-rr") || request.proxy == QLatin1String("nginx-least-conn")) {
            // nginx may read from any server: every server holds every key.
            ReplicationChoice r = m_replication;
            r.mode = core::ReplicationMode::MultiMaster;
            r.replicas = request.demoServers;
            r.quorum = 1;
            m_replication = r;
            Q_EMIT replicationChanged(m_replication);
        }
        core::ServerList planned;
        for (int i = 0; i < request.demoServers; ++i)
            planned.push_back({"127.0.0.1", static_cast<std::uint16_t>(11211 + i), 1, {}});
        m_placement.spec.servers = planned;
        m_scene.reset();
        rebuild(tr("starting a local demo cluster of %1 memcached servers%2…")
                    .arg(request.demoServers)
                    .arg(request.proxy.isEmpty() ? QString() : tr(" behind %1").arg(request.proxy)),
                false);
        m_demo->start(request.demoServers, request.proxy);
        break;
    }
    case ClusterRequest::Kind::Servers:
    case ClusterRequest::Kind::ConfigFile: {
        m_trafficWanted = false; // writes need the switch, which is off
        m_placement.spec.servers = request.servers;
        m_scene.reset();
        rebuild(tr("watching %1 (read-only until writing is switched on)").arg(request.title()), false);
        watchServers();
        ClusterRequest remembered = request;
        remembered.preset = preset();
        remembered.hash = hash();
        Q_EMIT clusterOpened(remembered);
        break;
    }
    case ClusterRequest::Kind::ElastiCache: {
        m_trafficWanted = false;
        note(EventKind::Info, tr("asking %1 for its nodes…").arg(qs(request.endpoint.address())));
        m_watch->discover(request.endpoint);
        ClusterRequest remembered = request;
        remembered.preset = preset();
        remembered.hash = hash();
        Q_EMIT clusterOpened(remembered);
        break;
    }
    }
    Q_EMIT trafficChanged();
}

void ClusterSession::onDemoStarted(const core::ServerList &started, const QString &proxyAddress)
{
    m_scene.reset();
    m_placement.spec.servers = started;
    const QString proxy = m_demo->proxyKind();
    rebuild(tr("local demo cluster: %1 memcached processes started on 127.0.0.1%2")
                .arg(started.size())
                .arg(proxyAddress.isEmpty() ? QString()
                                            : tr(", %1 on %2 in front%3")
                                                  .arg(proxy, proxyAddress,
                                                       proxy.startsWith(QLatin1String("nginx"))
                                                           ? tr(" (nginx only reads: writes go to the servers)")
                                                           : QString())),
            false);
    watchServers();
    m_traffic->seed(std::vector<std::string>(m_keys->views().begin(), m_keys->views().end()), m_placement);
    if (m_trafficWanted)
        applyTraffic();
    ClusterRequest r;
    r.kind = ClusterRequest::Kind::Demo;
    r.demoServers = static_cast<int>(started.size());
    r.proxy = proxy;
    Q_EMIT clusterOpened(r);
    Q_EMIT modeChanged(m_mode); // the demo's actions are possible now
    Q_EMIT trafficChanged();
}

void ClusterSession::watchServers()
{
    m_watch->watch(servers());
    m_liveState.watch(servers());
    WriteTarget target;
    target.servers = servers();
    target.startedByUs = m_mode == Mode::Demo && m_demo->containsAll(servers());
    target.proxyKind = m_demo->proxyKind();
    target.proxy = m_demo->proxy();
    const bool writeSwitch = m_traffic->writeSwitch();
    m_traffic->setTarget(std::move(target));
    m_traffic->setWriteSwitch(writeSwitch);
    updateAuditPlacement();
    m_auditSummary.clear();
    // The ownership audit: on open, then every few seconds (the demo's first
    // one follows its sample keys).
    m_watch->setAuditInterval(5000);
    if (m_mode != Mode::Demo)
        m_watch->audit();
    liveUpdated(false);
}

void ClusterSession::updateAuditPlacement()
{
    m_watch->setAuditPlacement(m_placement, m_trafficWanted ? static_cast<std::size_t>(m_replication.copies()) : 1);
}

// --- live state -----------------------------------------------------------------

void ClusterSession::remapLive()
{
    m_liveState.mapTo(servers());
}

void ClusterSession::liveUpdated(bool poll)
{
    remapLive();
    // A server going down or coming back moves keys, as its client fails over.
    if (m_scene && ejected() != m_sceneDown)
        rebuild(tr("a server is down or back: the keys as %1").arg(failoverSummary()), true);
    if (poll)
        Q_EMIT statsPolled(live());
    else
        Q_EMIT liveChanged(live());
}

void ClusterSession::onStats(const std::vector<StatsPoll> &polls)
{
    m_liveState.applyStats(polls);
    liveUpdated(true);
}

void ClusterSession::onHealth(std::size_t server, core::ServerState state, const QString &reason)
{
    const QString address = m_liveState.applyHealth(server, state);
    if (address.isEmpty())
        return;
    liveUpdated(false);
    note(state == core::ServerState::Up ? EventKind::Recovery : EventKind::Health,
         tr("%1 is %2 (%3)").arg(address, healthText(state), reason));
}

void ClusterSession::onAudit(const AuditResult &result)
{
    m_liveState.applyAudit(result);
    liveUpdated(false);
    const QLocale locale;
    QString summary = tr("%1 of %2 keys misplaced under %3")
                          .arg(locale.toString(static_cast<qulonglong>(result.misplaced)),
                               locale.toString(static_cast<qulonglong>(result.keys)), preset());
    for (const auto &s : result.servers)
        if (!s.error.isEmpty()) {
            summary += tr(" (a server could not be read: %1)").arg(s.error);
            break;
        }
    // The log says it when the misplaced count changes (our traffic adds keys
    // all the time), or when asked for, not every few seconds.
    if (m_auditAsked || m_auditSummary.isEmpty() || result.misplaced != m_auditLoggedMisplaced)
        note(EventKind::Info, tr("audit: %1").arg(summary));
    m_auditAsked = false;
    m_auditLoggedMisplaced = result.misplaced;
    m_auditSummary = summary;
    Q_EMIT audited(result.keys, result.misplaced);
}

void ClusterSession::onTraffic(const TrafficSample &sample, const std::vector<ReplicaLoad> &perServer)
{
    m_liveState.applyLoads(perServer);
    m_lastSample = sample;
    if (!perServer.empty())
        liveUpdated(false);
    Q_EMIT trafficSampled(sample);
}

void ClusterSession::onTrafficStopped()
{
    m_liveState.clearLoads();
    liveUpdated(false);
    Q_EMIT trafficChanged();
}

void ClusterSession::onDemoSignalled(const QString &address, DemoCluster::Action action)
{
    // RingScope brought it back itself: probe it now, not after a backoff
    // that grew while it was down.
    if (action == DemoCluster::Action::Restart || action == DemoCluster::Action::Resume) {
        m_watch->probeSoon(address);
        m_traffic->probeSoon(address);
    }
    if (m_liveState.applyDemoAction(address, action))
        liveUpdated(false);
}

// --- writing, traffic and replication --------------------------------------------

bool ClusterSession::setWritable(bool on)
{
    if (on && m_mode == Mode::Replay) // a replay contacts no server, let alone writes
        return false;
    m_traffic->setWriteSwitch(on);
    if (m_mode != Mode::Demo)
        note(EventKind::Info, on ? tr("writing switched on for %1").arg(specOf(servers())) : tr("writing switched off: read-only"));
    if (!writable())
        m_trafficWanted = false;
    Q_EMIT trafficChanged();
    return writable() == on;
}

QString ClusterSession::applyTraffic()
{
    TrafficSettings t;
    t.enabled = m_trafficWanted;
    t.rate = m_rate;
    t.replication = m_replication.options();
    const QString error = m_traffic->configure(t, m_placement);
    if (!error.isEmpty()) {
        m_trafficWanted = false;
        note(EventKind::Traffic, tr("traffic: %1").arg(error));
    } else if (t.enabled) {
        note(EventKind::Traffic, tr("traffic %1 ops/s (%2), replication %3, R=%4, reads %5, on failure %6")
                                     .arg(t.rate)
                                     .arg(preset(), modeText(t.replication.mode))
                                     .arg(t.replication.replicas)
                                     .arg(policyText(t.replication.readPolicy), onFailureText(t.replication.onFailure)));
    }
    updateAuditPlacement();
    Q_EMIT trafficChanged();
    return error;
}

QString ClusterSession::setTraffic(bool on, double rate)
{
    if (on && m_mode == Mode::Replay)
        return tr("a recorded session is playing: no traffic, no server is contacted");
    if (rate > 0)
        m_rate = rate;
    m_trafficWanted = on;
    if (!on) {
        m_traffic->stop();
        updateAuditPlacement();
        Q_EMIT trafficChanged();
        return {};
    }
    if (m_mode == Mode::Demo && !m_demo->running()) {
        Q_EMIT trafficChanged(); // the demo cluster is starting: the traffic follows when it runs
        return {};
    }
    return applyTraffic();
}

QString ClusterSession::setReplication(const ReplicationChoice &choice)
{
    const bool changed = !(choice == m_replication);
    m_replication = choice;
    if (changed)
        Q_EMIT replicationChanged(m_replication);
    updateAuditPlacement();
    liveUpdated(false); // the ejected servers follow the failure mode
    return trafficShouldRun() ? applyTraffic() : QString();
}

void ClusterSession::demoAction(DemoCluster::Action action, int index)
{
    if (index < 0 || index >= static_cast<int>(servers().size()))
        return;
    m_demo->act(action, qs(servers()[static_cast<std::size_t>(index)].address()));
}

void ClusterSession::audit()
{
    m_auditAsked = true; // its result goes to the log whatever it says
    m_watch->audit();
}

void ClusterSession::inspectKey(const QString &key)
{
    m_watch->inspectKey(key);
}

void ClusterSession::note(EventKind kind, const QString &text)
{
    Q_EMIT event(kind, text);
}

} // namespace ringscope::ui
