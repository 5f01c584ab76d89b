#include "ui/bridge/clusterwatch.h"
#include "ui/util/strings.h"

#include "core/config/discovery.h"
#include "core/live/keyenumerator.h"
#include "core/placement/keyset.h"
#include "core/placement/ownershipaudit.h"
#include "core/live/statspoller.h"
#include "core/net/client.h"
#include "core/net/ioruntime.h"

#include <algorithm>

namespace ringscope::ui {

ClusterWatch::ClusterWatch(core::IoRuntime &io, QObject *parent)
    : QObject(parent)
    , m_io(io)
{
    qRegisterMetaType<core::ServerList>();
    qRegisterMetaType<std::vector<StatsPoll>>();
    qRegisterMetaType<AuditResult>();
    qRegisterMetaType<core::ServerState>();
    qRegisterMetaType<std::size_t>("std::size_t");
    m_auditTimer.setSingleShot(true);
    connect(&m_auditTimer, &QTimer::timeout, this, &ClusterWatch::audit);
}

ClusterWatch::~ClusterWatch()
{
    blockSignals(true);
    unwatch();
    if (m_worker)
        m_worker->stop(); // an audit or discovery under way ends first
}

void ClusterWatch::ensureWorker()
{
    if (!m_worker)
        m_worker = std::make_unique<core::IoRuntime>();
}

void ClusterWatch::watch(const core::ServerList &servers)
{
    unwatch();
    const std::uint64_t generation = ++m_generation;
    m_servers = servers;
    core::ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(500);
    options.pool.probeFirst = std::chrono::milliseconds(1000);
    m_client = std::make_unique<core::Client>(m_io, servers, options);
    // A metadump streams for as long as the server has keys: its own
    // connections, with a generous deadline per line.
    core::ClientOptions dump;
    dump.pool.requestTimeout = std::chrono::milliseconds(2000);
    m_dumpClient = std::make_unique<core::Client>(m_io, servers, dump);
    m_client->addEventHandler([this, generation](const core::HealthEvent &e) {
        m_gui.post([this, generation, e] {
            if (generation == m_generation && e.server < m_servers.size())
                Q_EMIT healthChanged(e.server, e.to, qs(e.reason));
        });
    });
    m_poller = std::make_shared<core::StatsPoller>(
        *m_client, std::chrono::milliseconds(1000), [this, generation](const std::vector<core::ServerStats> &stats) {
            std::vector<StatsPoll> polls;
            polls.reserve(stats.size());
            for (const auto &s : stats) {
                StatsPoll p;
                p.server = s.server;
                p.ok = !s.error;
                p.error = s.error ? qs(s.error.message) : QString();
                p.items = s.items;
                p.bytes = s.bytes;
                p.limitBytes = s.limitBytes;
                p.getsPerSecond = s.getsPerSecond.value_or(-1);
                p.setsPerSecond = s.setsPerSecond.value_or(-1);
                p.hitRatio = s.hitRatio.value_or(-1);
                p.evictionsPerSecond = s.evictionsPerSecond.value_or(-1);
                p.roundTripMs = s.error ? -1 : static_cast<double>(s.roundTrip.count()) / 1000.0;
                polls.push_back(std::move(p));
            }
            m_gui.post([this, generation, polls = std::move(polls)] {
                if (generation == m_generation)
                    Q_EMIT statsPolled(polls);
            });
        });
    m_poller->start();
    ++m_changes;
    Q_EMIT watchChanged(m_servers);
}

void ClusterWatch::unwatch()
{
    ++m_generation;
    ++m_discovery; // a discovery under way is for a cluster no longer wanted
    if (m_poller)
        m_poller->stop();
    m_poller.reset();
    // Work still queued on the I/O thread may point at the clients: let it run first.
    m_io.call([] {});
    m_client.reset();
    m_dumpClient.reset();
    m_auditRunning = false;
    m_servers.clear();
}

void ClusterWatch::setAuditPlacement(const core::Placement &placement, std::size_t replicas)
{
    m_auditPlacement = placement;
    m_auditReplicas = std::max<std::size_t>(1, replicas);
}

void ClusterWatch::setAuditInterval(int milliseconds)
{
    m_auditInterval = std::max(0, milliseconds);
    if (m_auditInterval == 0)
        m_auditTimer.stop();
    else if (!m_auditRunning)
        m_auditTimer.start(m_auditInterval);
}

void ClusterWatch::auditDone(std::uint64_t generation)
{
    if (generation != m_generation)
        return; // unwatch() reset it; a new list's audit may be running
    m_auditRunning = false;
    if (m_auditInterval > 0)
        m_auditTimer.start(static_cast<int>(std::max<qint64>(m_auditInterval, 5 * m_auditClock.elapsed())));
}

void ClusterWatch::audit()
{
    if (m_auditRunning)
        return; // the one running schedules the next
    if (!m_dumpClient || m_auditPlacement.choice.preset.empty()) {
        if (m_auditInterval > 0)
            m_auditTimer.start(m_auditInterval); // nothing to audit yet: look again later
        return;
    }
    ensureWorker(); // the audit's arithmetic runs there
    m_auditRunning = true;
    m_auditTimer.stop();
    m_auditClock.start();
    const std::uint64_t generation = m_generation;
    core::KeyEnumerator::Options options;
    options.cap = 200000; // a uniform sample past this, per server
    options.idleTimeout = std::chrono::milliseconds(2000);
    // The placement checked is the servers' own: the audit of the list watched.
    core::Placement placement = m_auditPlacement.over(m_servers);
    core::KeyEnumerator::enumerate(
        *m_dumpClient, options,
        [this, generation, placement = std::move(placement), replicas = m_auditReplicas](std::vector<core::ServerKeys> held) {
            // Off the I/O thread: a big audit must not delay requests.
            m_worker->post([this, generation, placement, replicas, held = std::move(held)] {
                std::string error;
                auto d = core::buildPlacement(placement, error);
                if (!d || !d->deterministic()) {
                    m_gui.post([this, generation] { auditDone(generation); });
                    return;
                }
                const auto audit = core::OwnershipAudit::compute(*d, held, 0, replicas);
                AuditResult result;
                result.keys = audit.totalKeys;
                result.misplaced = audit.totalMisplaced;
                for (const auto &s : audit.servers) {
                    AuditResult::Server r;
                    r.error = qs(s.error);
                    if (s.error.empty()) {
                        r.held = static_cast<qint64>(s.seen);
                        // A sample's misplaced count, scaled to every key seen.
                        const double scale = s.keys ? static_cast<double>(s.seen) / static_cast<double>(s.keys) : 1.0;
                        r.misplaced = static_cast<qint64>(static_cast<double>(s.misplaced) * scale + 0.5);
                    }
                    result.servers.push_back(std::move(r));
                }
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
                m_gui.post([this, generation, result = std::move(result),
                            keys = std::shared_ptr<const core::KeySet>(std::move(keys))] {
                    if (generation != m_generation)
                        return;
                    auditDone(generation);
                    Q_EMIT audited(result);
                    if (!keys->empty())
                        Q_EMIT clusterKeys(keys);
                });
            });
        });
}

void ClusterWatch::probeSoon(const QString &address)
{
    if (!m_client)
        return;
    for (std::size_t i = 0; i < m_servers.size(); ++i)
        if (qs(m_servers[i].address()) == address) {
            m_client->probeSoon(i);
            m_dumpClient->probeSoon(i);
        }
}

void ClusterWatch::inspectKey(const QString &key)
{
    if (!m_client || key.isEmpty())
        return;
    const std::uint64_t generation = m_generation;
    const std::size_t n = m_servers.size();
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
                m_gui.post([this, key, state, generation] {
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

void ClusterWatch::discover(const core::Server &endpoint)
{
    ensureWorker();
    // Blocking, on the worker; the request itself runs on the I/O thread.
    const std::uint64_t discovery = ++m_discovery;
    m_worker->post([this, endpoint, discovery] {
        auto spec = core::discoverElastiCache(m_io, endpoint);
        const QString error = spec ? QString() : qs(spec.error);
        const core::ServerList servers = spec ? spec.value->servers : core::ServerList{};
        const QString preset = spec ? qs(spec.value->preset) : QString();
        m_gui.post([this, servers, preset, error, discovery] {
            if (discovery == m_discovery) // not when another cluster was opened meanwhile
                Q_EMIT discovered(servers, preset, error);
        });
    });
}

} // namespace ringscope::ui
