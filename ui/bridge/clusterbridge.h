#pragma once

#include "core/cluster/keyset.h"
#include "core/cluster/replication.h"
#include "core/cluster/statspoller.h"
#include "core/distribution/server.h"
#include "core/net/serverpool.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace ringscope::core {
class Client;
class Distribution;
class IoRuntime;
class LocalCluster;
class ReplicatedClient;
class StatsPoller;
class TrafficGenerator;
} // namespace ringscope::core

namespace ringscope::ui {

// Health and stats of one server, as the window shows them.
struct LiveServer {
    QString address;      // host:port, to match it to a server of the scene
    bool watched = true;  // false: in the picture only (what-if), never contacted
    core::ServerState health = core::ServerState::Up;
    bool paused = false;  // demo cluster: SIGSTOPped by us
    bool stopped = false; // demo cluster: killed or stopped by us
    bool polled = false;  // stats arrived at least once
    std::uint64_t items = 0;
    std::uint64_t bytes = 0, limitBytes = 0;
    double getsPerSecond = -1, setsPerSecond = -1, hitRatio = -1, evictionsPerSecond = -1;
    double roundTripMs = -1; // the last `stats` request, sent to answered
    // From our own traffic's replication layer (when traffic runs).
    double requestsPerSecond = -1; // reads and writes our client sent it
    std::size_t outstanding = 0;
    bool warming = false, resyncing = false, untrusted = false;
    // From the last ownership audit (metadump); -1: none yet.
    qint64 held = -1, misplaced = -1;
    QString error;
};

// The distribution of `servers` under a preset, a hash (empty: the preset's)
// and twemproxy's hash_tag (empty: none): what the picture, the audits and
// the traffic all place keys with. Null, with `error`, when it cannot be made.
// `points`: points per server of the textbook ring strategies (0: their default).
std::unique_ptr<core::Distribution> placementFor(const QString &preset, const QString &hash, const QString &hashTag,
                                                 const core::ServerList &servers, std::string &error, int points = 0);

// The traffic generator and how it reaches the cluster.
struct TrafficSettings {
    bool enabled = false;
    double rate = 200; // operations a second
    QString preset, hash;
    core::ReplicationOptions replication;
    std::size_t keySpace = 5000;
    double zipf = 0.99;
    double getRatio = 0.9;
};

// One second of our traffic, for the plots.
struct TrafficSample {
    double getsPerSecond = 0, setsPerSecond = 0, hitRatio = -1;
    double unavailablePerSecond = 0, errorsPerSecond = 0;
    double p50Ms = 0, p99Ms = 0;
};

// The only code that touches both asio and Qt. The core runs on its own
// threads: the I/O thread (client, stats poller, traffic) and, for the local
// demo cluster, a process thread that starts and signals memcached (children
// die with the thread that started them, so it must outlive them); audits
// are computed on that thread too. Results come back as queued signals
// carrying values; late results of a superseded cluster are dropped by
// generation number.
//
// Safety: writes (sample keys, traffic) go only to a cluster that is
// writable: the demo cluster RingScope started, or one the user switched to
// writing. Kill, hang and restart only ever reach processes the demo cluster
// started (LocalCluster checks the pid).
class ClusterBridge : public QObject {
    Q_OBJECT

public:
    explicit ClusterBridge(QObject *parent = nullptr);
    ~ClusterBridge() override;

    // Starts `count` memcached processes on 127.0.0.1 (asynchronously), and
    // `proxy` in front of them: "", "twemproxy", "nginx-rr",
    // "nginx-least-conn" or "nginx-hash".
    void startDemo(int count, const QString &proxy = {});
    // Stops the demo cluster, its proxy and all traffic (synchronously: it
    // waits for the processes to exit).
    void stopDemo();
    bool hasDemo() const noexcept { return m_demoRunning; } // GUI thread
    QString proxyKind() const { return m_proxyKind; }
    // Watches a cluster (stats every second, health); read-only.
    void watch(const core::ServerList &servers);
    void unwatch();
    // Writing is allowed on the demo cluster; elsewhere only after this.
    void setWritable(bool writable);
    // True when switched on, or when every watched server is a process of the
    // demo cluster (never for a list typed while the demo runs).
    bool writable() const;
    bool isDemoServer(const QString &address) const { return m_demoAddresses.contains(address); }
    // The placement the audits and the traffic use (`hashTag`: twemproxy's
    // hash_tag, e.g. "{}", or empty).
    void setPlacement(const QString &preset, const QString &hash, const QString &hashTag = {}, int points = 0);
    // Audits the watched cluster now (metadump, read-only); every
    // `interval` when non-zero.
    void audit();
    void setAuditInterval(int milliseconds);
    // Writes `keys` to the cluster under `preset` — only when writable.
    void seedDemo(std::vector<std::string> keys, const QString &preset, const QString &hash);
    // Starts, reconfigures or stops the traffic generator (only when writable).
    QString configureTraffic(const TrafficSettings &settings);
    const TrafficSettings &traffic() const noexcept { return m_traffic; }

    // Asks every watched server whether it holds `key` (mg without LRU bump);
    // answers with keyHeld(key, holders).
    void inspectKey(const QString &key);

    // Asks an ElastiCache configuration endpoint for its nodes (read-only);
    // answers with discovered().
    void discover(const core::Server &endpoint);

    enum class Action { Kill, Pause, Resume, Restart, Add, Remove };
    // `address` names a demo server (host:port); Add ignores it.
    void demoAction(Action action, const QString &address);

Q_SIGNALS:
    void demoStarted(const ringscope::core::ServerList &servers, const QString &proxyAddress);
    void demoFailed(const QString &error);
    void demoServerAdded(const ringscope::core::Server &server);
    void demoServerRemoved(const QString &address);
    void seeded(qulonglong keys, qulonglong failures);
    // The nodes an endpoint named, with the preset its clients use; or an error.
    void discovered(const ringscope::core::ServerList &servers, const QString &preset, const QString &error);
    void liveChanged(const std::vector<ringscope::ui::LiveServer> &servers);
    void trafficSampled(const ringscope::ui::TrafficSample &sample);
    void audited(qulonglong keys, qulonglong misplaced);
    // The distinct keys the last audit found on the servers (a uniform sample
    // past 200,000 a server): the cluster's own keys, for the comparison.
    void clusterKeys(std::shared_ptr<const ringscope::core::KeySet> keys);
    // `kind`: "health", "demo", "replication", "traffic" — the plots mark the first three.
    void event(const QString &text, const QString &kind = QStringLiteral("info"));
    // "address: size, ttl, idle" for each watched server that holds the key.
    void keyHeld(const QString &key, const QStringList &holders);

private Q_SLOTS:
    void drainGui();

private:
    struct Traffic;
    void toGui(std::function<void()> work); // from any thread
    void stopSeeding();

    void onStats(std::uint64_t generation, const std::vector<core::ServerStats> &stats);
    void onHealth(std::uint64_t generation, const core::HealthEvent &e);
    void sampleTraffic();
    void stopTraffic();
    void publish();
    int indexOf(const QString &address) const;

    std::mutex m_guiMutex;
    std::vector<std::function<void()>> m_guiQueue;
    std::unique_ptr<core::IoRuntime> m_io;
    std::unique_ptr<core::IoRuntime> m_processThread;
    std::unique_ptr<core::LocalCluster> m_demo; // process thread only
    std::unique_ptr<core::Client> m_client;
    std::shared_ptr<core::StatsPoller> m_poller;
    std::unique_ptr<Traffic> m_trafficSession;
    TrafficSettings m_traffic;
    QTimer m_trafficTimer;
    QTimer m_auditTimer;
    bool m_auditRunning = false;
    QString m_preset, m_hash, m_hashTag;
    int m_points = 0;
    QSet<QString> m_demoAddresses;       // servers of the demo cluster (GUI thread's view)
    std::uint64_t m_session = 0;         // a start or discovery answered after this changed is stale
    std::shared_ptr<core::Client> m_seedWriter; // writes the sample keys; released on the GUI thread
    std::shared_ptr<std::atomic<bool>> m_seedStop; // tells its callbacks to issue no more
    std::vector<LiveServer> m_live;
    core::ServerList m_servers;
    std::uint64_t m_generation = 0;
    bool m_demoRunning = false; // GUI thread's view; m_demo itself belongs to the process thread
    bool m_writable = false;
    QString m_proxyKind;
    std::optional<core::Server> m_proxy;
};

} // namespace ringscope::ui

Q_DECLARE_METATYPE(ringscope::core::ServerList)
Q_DECLARE_METATYPE(ringscope::core::Server)
Q_DECLARE_METATYPE(std::vector<ringscope::ui::LiveServer>)
Q_DECLARE_METATYPE(ringscope::ui::TrafficSample)
