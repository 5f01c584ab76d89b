#include "clusterbridge.h"
#include "../util/names.h"
#include "../util/strings.h"

#include "core/cluster/clusterplacement.h"
#include "core/cluster/discovery.h"
#include "core/cluster/keyenumerator.h"
#include "core/cluster/ownershipaudit.h"
#include "core/cluster/replicatedclient.h"
#include "core/cluster/trafficgenerator.h"
#include "core/distribution/preset.h"
#include "core/local/localcluster.h"
#include "core/net/client.h"
#include "core/net/handoff.h"
#include "core/net/ioruntime.h"

#include <algorithm>
#include <QMetaObject>

#include <atomic>

namespace ringscope::ui {
namespace {


} // namespace

std::unique_ptr<core::Distribution> placementFor(const QString &preset, const QString &hash, const QString &hashTag,
                                                 const core::ServerList &servers, std::string &error, int points)
{
    core::ClusterSpec spec;
    spec.servers = servers;
    spec.hashTag = hashTag.toStdString();
    core::PlacementChoice choice;
    choice.preset = preset.toStdString();
    if (!hash.isEmpty())
        choice.hash = core::parseHash(hash.toStdString());
    if (points > 0)
        choice.options.pointsPerServer = static_cast<std::uint32_t>(points);
    return core::buildPlacement(spec, choice, error);
}

// The traffic generator with its own client, placing keys as the chosen
// preset does (or sending everything to the twemproxy in front).
struct ClusterBridge::Traffic {
    std::unique_ptr<core::Client> client;
    std::unique_ptr<core::ReplicatedClient> replicated;
    std::unique_ptr<core::TrafficGenerator> generator;
    core::TrafficStats last;
    std::vector<core::ReplicaCounters> lastCounters;
    core::Clock::time_point lastWhen = core::Clock::now();
    bool perServer = true; // false through twemproxy: our client sees only the proxy
    std::uint64_t generation = 0;
};

// Work for the GUI thread goes through a queue under a std::mutex, and only a
// wake-up through Qt's event loop: ThreadSanitizer sees the hand-off of what
// the work captured (Debian's Qt is not instrumented, so a functor posted with
// QMetaObject::invokeMethod looks like a race to it).
void ClusterBridge::toGui(std::function<void()> work)
{
    bool wake = false;
    {
        const std::lock_guard lock(m_guiMutex);
        wake = m_guiQueue.empty();
        m_guiQueue.push_back(std::move(work));
    }
    if (wake)
        QMetaObject::invokeMethod(this, "drainGui", Qt::QueuedConnection);
}

void ClusterBridge::drainGui()
{
    std::vector<std::function<void()>> batch;
    {
        const std::lock_guard lock(m_guiMutex);
        batch.swap(m_guiQueue);
    }
    for (auto &work : batch)
        work();
}

ClusterBridge::ClusterBridge(QObject *parent)
    : QObject(parent)
    , m_io(std::make_unique<core::IoRuntime>())
{
    qRegisterMetaType<core::ServerList>();
    qRegisterMetaType<core::Server>();
    qRegisterMetaType<std::vector<LiveServer>>();
    qRegisterMetaType<TrafficSample>();
    m_trafficTimer.setInterval(1000);
    connect(&m_trafficTimer, &QTimer::timeout, this, &ClusterBridge::sampleTraffic);
    connect(&m_auditTimer, &QTimer::timeout, this, &ClusterBridge::audit);
}

ClusterBridge::~ClusterBridge()
{
    blockSignals(true); // whoever listened may be half destroyed already
    stopDemo();
    unwatch();
    stopSeeding();
    m_io->call([] {}); // the seed job, if still queued, lets go of its writer on the I/O thread
    if (m_processThread)
        m_processThread->stop();
    m_io->stop();
}

void ClusterBridge::startDemo(int count, const QString &proxy)
{
    if (!m_processThread)
        m_processThread = std::make_unique<core::IoRuntime>();
    const std::uint64_t session = ++m_session;
    m_processThread->post([this, count, proxy, session] {
        auto cluster = std::make_unique<core::LocalCluster>();
        auto started = cluster->start(static_cast<std::size_t>(count));
        std::optional<core::Server> front;
        std::string error = started ? std::string() : started.error;
        if (error.empty() && proxy == QLatin1String("twemproxy")) {
            auto p = cluster->startTwemproxy();
            error = p ? std::string() : p.error;
            if (p)
                front = *p.value;
        } else if (error.empty() && !proxy.isEmpty()) {
            if (const auto policy = core::parseNginxPolicy(proxy.toStdString())) {
                auto p = cluster->startNginx(*policy);
                error = p ? std::string() : p.error;
                if (p)
                    front = *p.value;
            } else {
                error = tr("unknown proxy '%1'").arg(proxy).toStdString();
            }
        }
        if (!error.empty()) {
            cluster->stopAll();
            toGui([this, error = qs(error), session] {
                if (session == m_session)
                    Q_EMIT demoFailed(error);
            });
            return;
        }
        const core::ServerList servers = cluster->servers();
        m_demo = std::move(cluster); // owned by this thread from now on
        toGui([this, servers, front, proxy, session] {
            if (session != m_session)
                return; // stopped (or replaced) before it was up: stopDemo stops its processes
            m_demoRunning = true;
            m_demoAddresses.clear();
            for (const auto &s : servers)
                m_demoAddresses.insert(qs(s.address()));
            m_proxyKind = front ? proxy : QString();
            m_proxy = front;
            Q_EMIT demoStarted(servers, front ? qs(front->address()) : QString());
        });
    });
}

void ClusterBridge::stopDemo()
{
    ++m_session; // a start still on its way is stale now
    stopTraffic();
    if (!m_processThread)
        return;
    m_processThread->call([this] {
        if (m_demo)
            m_demo->stopAll();
        m_demo.reset();
    });
    m_demoRunning = false;
    m_demoAddresses.clear();
    m_proxy.reset();
    m_proxyKind.clear();
}

void ClusterBridge::watch(const core::ServerList &servers)
{
    unwatch();
    const std::uint64_t generation = ++m_generation;
    core::ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(500);
    options.pool.probeFirst = std::chrono::milliseconds(1000);
    std::string error;
    m_servers = servers;
    m_client = std::make_unique<core::Client>(
        *m_io, core::makeDistribution(*core::findPreset("modulo"), servers, std::nullopt, {}, error), options);
    m_live.assign(servers.size(), {});
    for (std::size_t i = 0; i < servers.size(); ++i)
        m_live[i].address = qs(servers[i].address());
    m_client->addEventHandler([this, generation](const core::HealthEvent &e) {
        toGui([this, generation, e] { onHealth(generation, e); });
    });
    m_poller = std::make_shared<core::StatsPoller>(
        *m_client, std::chrono::milliseconds(1000), [this, generation](const std::vector<core::ServerStats> &stats) {
            toGui([this, generation, stats] { onStats(generation, stats); });
        });
    m_poller->start();
    publish();
}

void ClusterBridge::unwatch()
{
    ++m_generation;
    if (m_poller)
        m_poller->stop();
    m_poller.reset();
    // Work still queued on the I/O thread may point at the client: let it run first.
    m_io->call([] {});
    m_client.reset();
    m_servers.clear(); // nothing watched: nothing to write to either
}

void ClusterBridge::setWritable(bool writable)
{
    m_writable = writable;
    if (!this->writable())
        stopTraffic();
}

void ClusterBridge::setPlacement(const QString &preset, const QString &hash, const QString &hashTag, int points)
{
    m_points = points;
    m_preset = preset;
    m_hash = hash;
    m_hashTag = hashTag;
}

bool ClusterBridge::writable() const
{
    if (m_writable)
        return true;
    if (!m_demoRunning || m_servers.empty())
        return false;
    return std::all_of(m_servers.begin(), m_servers.end(),
                       [this](const core::Server &s) { return m_demoAddresses.contains(qs(s.address())); });
}

void ClusterBridge::setAuditInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_auditTimer.stop();
        return;
    }
    m_auditTimer.start(milliseconds);
}

void ClusterBridge::audit()
{
    if (!m_client || m_auditRunning || m_preset.isEmpty())
        return;
    if (!m_processThread)
        m_processThread = std::make_unique<core::IoRuntime>(); // the audit's arithmetic runs there
    m_auditRunning = true;
    const std::uint64_t generation = m_generation;
    core::KeyEnumerator::Options options;
    options.cap = 200000; // a uniform sample past this, per server
    options.idleTimeout = std::chrono::milliseconds(2000);
    core::KeyEnumerator::enumerate(
        *m_client, options,
        [this, generation, servers = m_servers, preset = m_preset, hash = m_hash, hashTag = m_hashTag, points = m_points,
         replicas = m_traffic.enabled && m_traffic.replication.mode != core::ReplicationMode::None
             ? m_traffic.replication.replicas
             : std::size_t{1}](std::vector<core::ServerKeys> held) {
            // Off the I/O thread: a big audit must not delay requests.
            m_processThread->post([this, generation, servers, preset, hash, hashTag, points, replicas, held = std::move(held)] {
                std::string error;
                auto d = placementFor(preset, hash, hashTag, servers, error, points);
                if (!d || !d->deterministic()) {
                    toGui([this] { m_auditRunning = false; });
                    return;
                }
                auto result = std::make_shared<core::OwnershipAudit>(core::OwnershipAudit::compute(*d, held, 0, replicas));
                // The cluster's keys, each once (replicas hold copies), in a stable order.
                auto keys = std::make_shared<core::KeySet>();
                {
                    std::vector<std::string_view> names;
                    for (const auto &server : held)
                        names.insert(names.end(), server.keys.begin(), server.keys.end());
                    std::sort(names.begin(), names.end());
                    names.erase(std::unique(names.begin(), names.end()), names.end());
                    for (const auto name : names)
                        keys->add(name);
                }
                toGui([this, generation, result, keys = std::shared_ptr<const core::KeySet>(std::move(keys))] {
                    m_auditRunning = false;
                    if (generation != m_generation)
                        return;
                    for (std::size_t i = 0; i < result->servers.size() && i < m_live.size(); ++i) {
                        const auto &s = result->servers[i];
                        m_live[i].held = s.error.empty() ? static_cast<qint64>(s.seen) : -1;
                        // A sample's misplaced count, scaled to every key seen.
                        const double scale = s.keys ? static_cast<double>(s.seen) / static_cast<double>(s.keys) : 1.0;
                        m_live[i].misplaced = s.error.empty()
                            ? static_cast<qint64>(static_cast<double>(s.misplaced) * scale + 0.5)
                            : -1;
                    }
                    publish();
                    Q_EMIT audited(result->totalKeys, result->totalMisplaced);
                    if (!keys->empty())
                        Q_EMIT clusterKeys(keys);
                });
            });
        });
}

void ClusterBridge::seedDemo(std::vector<std::string> keys, const QString &preset, const QString &hash)
{
    if (!writable() || !m_client)
        return; // never write where the user did not opt in
    std::string error;
    auto d = placementFor(preset, hash, m_hashTag, m_servers, error, m_points);
    if (!d || !d->deterministic())
        return;
    // A client of its own, placing keys as the preset does. The bridge owns it
    // and releases it on the GUI thread: a Client must never be destroyed by
    // a handler that a stopped I/O context throws away (its destructor would
    // wait for that context).
    stopSeeding(); // one seed at a time
    m_seedStop = std::make_shared<std::atomic<bool>>(false);
    // A bulk load, not a latency-sensitive read: a deadline of 2 s, so that a
    // loaded machine (CI runs it beside other tests, under sanitizers) does
    // not make the writer mark servers down half-way and fail thousands.
    core::ClientOptions seedOptions;
    seedOptions.pool.requestTimeout = std::chrono::milliseconds(2000);
    m_seedWriter = std::make_shared<core::Client>(*m_io, std::move(d), seedOptions);
    // At most kWindow writes in flight, the next one issued as one finishes:
    // a write queued past its deadline is failed unsent, so a million keys
    // posted at once would mostly fail.
    struct Seeder : std::enable_shared_from_this<Seeder> {
        ClusterBridge *bridge = nullptr;
        core::Client *writer = nullptr;
        std::vector<std::string> keys;
        std::shared_ptr<std::atomic<bool>> stop; // set before the writer goes away
        std::size_t next = 0;                // I/O thread only, as are the counts
        std::uint64_t left = 0, failed = 0;

        void issue() { write(next++, 1); }
        // A write that timed out or lost its connection (a loaded machine, a
        // server restarting) is tried again, up to 3 times: a set is
        // idempotent, and a demo should not start with holes in it.
        void write(std::size_t i, int attempt)
        {
            writer->store(core::encode::Store::Set, keys[i], "ringscope demo value", 0, 0,
                          [self = shared_from_this(), i, attempt](core::ClientError e, core::Reply r, const std::string &) {
                              const bool transient = e.code == core::ClientErrc::Timeout || e.code == core::ClientErrc::Unknown
                                  || e.code == core::ClientErrc::ConnectionLost;
                              // Straight from here: the client fails a request to a server
                              // marked down from its loop, never inside this call, so this
                              // cannot nest however many fail.
                              if (transient && attempt < 3 && !*self->stop)
                                  return self->write(i, attempt + 1); // keeps its place in the window
                              if (e || r != core::Reply::Stored)
                                  ++self->failed;
                              if (!*self->stop && self->next < self->keys.size())
                                  self->issue();
                              if (--self->left == 0)
                                  self->finish();
                          });
        }
        void finish()
        {
            bridge->toGui([bridge = bridge, writer = writer, total = keys.size(), failed = failed] {
                if (bridge->m_seedWriter.get() == writer)
                    bridge->stopSeeding();
                Q_EMIT bridge->seeded(total, failed);
            });
        }
    };
    constexpr std::size_t kWindow = 2000;
    auto seeder = std::make_shared<Seeder>();
    seeder->bridge = this;
    seeder->writer = m_seedWriter.get();
    seeder->stop = m_seedStop;
    seeder->keys = std::move(keys);
    seeder->left = seeder->keys.size();
    if (seeder->keys.empty())
        return;
    m_io->post([keep = m_seedWriter, seeder] {
        for (std::size_t n = 0; n < kWindow && !*seeder->stop && seeder->next < seeder->keys.size(); ++n)
            seeder->issue();
    });
}

void ClusterBridge::stopSeeding()
{
    // The writer's destructor fails what is in flight; those callbacks must
    // not issue more writes to it.
    if (m_seedStop)
        *m_seedStop = true;
    m_seedWriter.reset();
}

QString ClusterBridge::configureTraffic(const TrafficSettings &settings)
{
    m_traffic = settings;
    stopTraffic();
    if (!settings.enabled)
        return {};
    if (!writable())
        return tr("traffic writes to the cluster: switch writing on first");
    if (m_servers.empty())
        return tr("no servers");
    const bool viaTwemproxy = m_proxyKind == QLatin1String("twemproxy") && m_proxy;
    std::string error;
    auto d = viaTwemproxy ? core::makeDistribution(*core::findPreset("modulo"), {*m_proxy}, std::nullopt, {}, error)
                          : placementFor(settings.preset, settings.hash, m_hashTag, m_servers, error, m_points);
    if (!d)
        return qs(error);
    if (!d->deterministic())
        return tr("preset %1 has no owner per key: pick another for traffic").arg(settings.preset);
    auto replication = settings.replication;
    if (viaTwemproxy)
        replication = {}; // twemproxy shards; it does not replicate
    replication.readRepair = true; // traffic runs only with writing allowed (checked above)
    if (const auto wrong = core::checkOptions(replication, d->servers().size()); !wrong.empty())
        return qs(wrong);
    auto t = std::make_unique<Traffic>();
    core::ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(200);
    options.pool.probeFirst = std::chrono::milliseconds(500);
    t->client = std::make_unique<core::Client>(*m_io, std::move(d), options);
    t->replicated = std::make_unique<core::ReplicatedClient>(*t->client, replication);
    t->perServer = !viaTwemproxy;
    t->generation = m_generation;
    t->replicated->setEventHandler([this, viaTwemproxy, servers = m_servers](const core::ReplicaEvent &e) {
        QString text = qs(e.text);
        if (!viaTwemproxy && e.server < servers.size())
            text = qs(servers[e.server].address()) + QStringLiteral(": ") + text;
        toGui([this, text] { Q_EMIT event(text, QStringLiteral("replication")); });
    });
    core::TrafficOptions o;
    o.rate = settings.rate;
    o.keySpace = settings.keySpace;
    o.zipf = settings.zipf;
    o.getRatio = settings.getRatio;
    if (m_proxy && m_proxyKind.startsWith(QLatin1String("nginx")))
        o.readVia = *m_proxy;
    t->generator = std::make_unique<core::TrafficGenerator>(*t->replicated, o);
    t->generator->start();
    m_trafficSession = std::move(t);
    m_trafficTimer.start();
    return {};
}

void ClusterBridge::stopTraffic()
{
    m_trafficTimer.stop();
    if (!m_trafficSession)
        return;
    m_trafficSession->generator->stop();
    // Samples already queued on the I/O thread read the session: let them run.
    m_io->call([] {});
    m_trafficSession.reset();
    for (auto &l : m_live) {
        l.requestsPerSecond = -1;
        l.outstanding = 0;
        l.warming = l.resyncing = l.untrusted = false;
    }
    publish();
}

void ClusterBridge::sampleTraffic()
{
    if (!m_trafficSession)
        return;
    Traffic *t = m_trafficSession.get();
    m_io->post([this, t] {
        auto stats = t->generator->stats();
        auto counters = t->replicated->counters();
        const auto now = core::Clock::now();
        const double seconds = std::max(1e-3, std::chrono::duration<double>(now - t->lastWhen).count());
        TrafficSample sample;
        const auto &a = t->last;
        auto rate = [seconds](std::uint64_t later, std::uint64_t earlier) {
            return static_cast<double>(later - earlier) / seconds;
        };
        sample.getsPerSecond = rate(stats.gets, a.gets);
        sample.setsPerSecond = rate(stats.sets, a.sets);
        const auto gets = stats.gets - a.gets;
        if (gets > 0)
            sample.hitRatio = static_cast<double>(stats.hits - a.hits) / static_cast<double>(gets);
        sample.unavailablePerSecond = rate(stats.unavailable, a.unavailable);
        sample.errorsPerSecond = rate(stats.readErrors + stats.writeErrors, a.readErrors + a.writeErrors);
        // Percentiles of this second's operations only.
        core::TrafficStats interval;
        for (std::size_t b = 0; b < interval.latency.size(); ++b)
            interval.latency[b] = stats.latency[b] - a.latency[b];
        sample.p50Ms = interval.latencyPercentile(0.50) / 1000.0;
        sample.p99Ms = interval.latencyPercentile(0.99) / 1000.0;
        std::vector<double> perServer;
        if (t->perServer)
            for (std::size_t i = 0; i < counters.size(); ++i) {
                const auto &c = counters[i];
                const auto before = i < t->lastCounters.size() ? t->lastCounters[i] : core::ReplicaCounters{};
                perServer.push_back(rate(c.reads + c.writes, before.reads + before.writes));
            }
        t->last = stats;
        t->lastCounters = counters;
        t->lastWhen = now;
        toGui([this, sample, perServer, counters, generation = t->generation, perServerKnown = t->perServer] {
            if (generation != m_generation)
                return;
            if (perServerKnown)
                for (std::size_t i = 0; i < m_live.size() && i < counters.size(); ++i) {
                    auto &l = m_live[i];
                    l.requestsPerSecond = perServer[i];
                    l.outstanding = counters[i].outstanding;
                    l.warming = counters[i].warming;
                    l.resyncing = counters[i].resyncing;
                    l.untrusted = counters[i].untrusted;
                }
            publish();
            Q_EMIT trafficSampled(sample);
        });
    });
}

void ClusterBridge::inspectKey(const QString &key)
{
    if (!m_client || key.isEmpty())
        return;
    const std::uint64_t generation = m_generation;
    const std::size_t n = m_client->distribution().servers().size();
    struct State {
        QStringList holders;
        std::size_t left;
    };
    auto state = std::make_shared<State>();
    state->holders = QStringList(static_cast<qsizetype>(n), QString());
    state->left = n;
    for (std::size_t i = 0; i < n; ++i)
        m_client->inspect(i, key.toStdString(), [this, state, i, key, generation](core::ClientError e, core::Client::KeyInfo info) {
            if (e)
                state->holders[static_cast<qsizetype>(i)] = tr("? (%1)").arg(qs(e.message));
            else if (info.found)
                state->holders[static_cast<qsizetype>(i)] = tr("%1 bytes, ttl %2, idle %3 s")
                                                                .arg(info.size)
                                                                .arg(info.ttl < 0 ? tr("none") : QString::number(info.ttl))
                                                                .arg(info.idleSeconds);
            if (--state->left == 0)
                toGui([this, key, state, generation] {
                    if (generation != m_generation)
                        return;
                    // "address: what it holds", for the servers that answered something.
                    QStringList lines;
                    for (qsizetype k = 0; k < state->holders.size(); ++k)
                        if (!state->holders[k].isEmpty() && static_cast<std::size_t>(k) < m_servers.size())
                            lines << qs(m_servers[static_cast<std::size_t>(k)].address()) + QStringLiteral(": ")
                                    + state->holders[k];
                    Q_EMIT keyHeld(key, lines);
                });
        });
}

void ClusterBridge::discover(const core::Server &endpoint)
{
    if (!m_processThread)
        m_processThread = std::make_unique<core::IoRuntime>();
    // Blocking, on the process thread; the request itself runs on the I/O thread.
    const std::uint64_t session = ++m_session;
    m_processThread->post([this, endpoint, session] {
        auto spec = core::discoverElastiCache(*m_io, endpoint);
        const QString error = spec ? QString() : qs(spec.error);
        const core::ServerList servers = spec ? spec.value->servers : core::ServerList{};
        const QString preset = spec ? qs(spec.value->preset) : QString();
        toGui([this, servers, preset, error, session] {
            if (session == m_session) // not when another cluster was opened meanwhile
                Q_EMIT discovered(servers, preset, error);
        });
    });
}

int ClusterBridge::indexOf(const QString &address) const
{
    for (std::size_t i = 0; i < m_servers.size(); ++i)
        if (qs(m_servers[i].address()) == address)
            return static_cast<int>(i);
    return -1;
}

void ClusterBridge::demoAction(Action action, const QString &address)
{
    if (!m_processThread || !m_demoRunning)
        return;
    m_processThread->post([this, action, address] {
        if (!m_demo)
            return;
        // The node by address: only processes this cluster started.
        std::size_t index = m_demo->nodes().size();
        for (std::size_t i = 0; i < m_demo->nodes().size(); ++i)
            if (qs(m_demo->nodes()[i].server.address()) == address)
                index = i;
        if (action == Action::Add) {
            auto added = m_demo->addServer();
            if (!added) {
                toGui([this, error = qs(added.error)] { Q_EMIT event(tr("add server: %1").arg(error), QStringLiteral("demo")); });
                return;
            }
            const core::Server server = m_demo->nodes()[*added.value].server;
            // The proxy in front learns of it: its pool is written again and
            // it restarts on its port (nutcracker cannot reload a pool).
            QString proxyNote;
            if (!m_demo->proxyConfig().empty()) {
                const auto proxy = m_demo->reconfigureProxy();
                proxyNote = proxy ? tr("; the proxy was restarted with it in its pool")
                                  : tr("; the proxy could not take it into its pool: %1").arg(qs(proxy.error));
            }
            toGui([this, server, proxyNote] {
                m_demoAddresses.insert(qs(server.address()));
                Q_EMIT event(tr("%1 started (a new memcached process)%2").arg(qs(server.address()), proxyNote),
                             QStringLiteral("demo"));
                Q_EMIT demoServerAdded(server);
            });
            return;
        }
        if (index == m_demo->nodes().size()) {
            toGui([this, address] {
                Q_EMIT event(tr("%1 is not a server of the local demo cluster: nothing done").arg(address), QStringLiteral("demo"));
            });
            return;
        }
        std::string error;
        QString what;
        switch (action) {
        case Action::Kill:
            error = m_demo->kill(index);
            what = tr("killed (SIGKILL)");
            break;
        case Action::Pause:
            error = m_demo->pause(index);
            what = tr("hung (SIGSTOP)");
            break;
        case Action::Resume:
            error = m_demo->resume(index);
            what = tr("resumed (SIGCONT)");
            break;
        case Action::Restart:
            error = m_demo->restart(index);
            what = tr("restarted, empty");
            break;
        case Action::Remove:
            error = m_demo->stop(index);
            what = tr("stopped cleanly and removed");
            break;
        case Action::Add:
            break;
        }
        const QString text = error.empty() ? address + QLatin1Char(' ') + what : tr("%1: %2").arg(address, qs(error));
        toGui([this, text, action, address, ok = error.empty()] {
            const int server = indexOf(address);
            if (ok && server >= 0) {
                auto &l = m_live[static_cast<std::size_t>(server)];
                l.paused = action == Action::Pause;
                l.stopped = action == Action::Kill;
                publish();
            }
            Q_EMIT event(text, QStringLiteral("demo"));
            if (ok && action == Action::Remove)
                Q_EMIT demoServerRemoved(address);
        });
    });
}

void ClusterBridge::onStats(std::uint64_t generation, const std::vector<core::ServerStats> &stats)
{
    if (generation != m_generation)
        return;
    for (const auto &s : stats) {
        if (s.server >= m_live.size())
            continue;
        auto &l = m_live[s.server];
        l.error = s.error ? qs(s.error.message) : QString();
        if (s.error) {
            l.polled = false; // what it held is no longer known
            l.roundTripMs = -1;
            continue;
        }
        l.polled = true;
        l.items = s.items;
        l.bytes = s.bytes;
        l.limitBytes = s.limitBytes;
        l.getsPerSecond = s.getsPerSecond.value_or(-1);
        l.setsPerSecond = s.setsPerSecond.value_or(-1);
        l.hitRatio = s.hitRatio.value_or(-1);
        l.evictionsPerSecond = s.evictionsPerSecond.value_or(-1);
        l.roundTripMs = static_cast<double>(s.roundTrip.count()) / 1000.0;
    }
    publish();
}

void ClusterBridge::onHealth(std::uint64_t generation, const core::HealthEvent &e)
{
    if (generation != m_generation || e.server >= m_live.size())
        return;
    auto &l = m_live[e.server];
    l.health = e.to;
    if (e.to == core::ServerState::Up) // it answers again: whatever we did to it is over
        l.paused = l.stopped = false;
    if (e.to == core::ServerState::Down)
        l.held = l.misplaced = -1; // the last audit no longer says what it holds
    publish();
    Q_EMIT event(tr("%1 is %2 (%3)").arg(qs(e.address), healthText(e.to), qs(e.reason)),
                 QStringLiteral("health"));
}

void ClusterBridge::publish()
{
    Q_EMIT liveChanged(m_live);
}

} // namespace ringscope::ui
