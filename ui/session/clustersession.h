#pragma once

#include "ui/session/clusterrequest.h"
#include "ui/session/livestate.h"

#include "ui/bridge/democluster.h"
#include "ui/bridge/livetypes.h"

#include "core/placement/clusterplacement.h"
#include "core/live/replication.h"
#include "core/distribution/failover.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>
#include <vector>

namespace ringscope::core {
class Distribution;
class IoRuntime;
class KeySet;
} // namespace ringscope::core

namespace ringscope::ui {

class ClusterWatch;
class TrafficRunner;
struct AuditResult;
struct RingScene;
struct StatsPoll;

// The replication of our traffic as chosen: what the toolbar and lessons set.
struct ReplicationChoice {
    core::ReplicationMode mode = core::ReplicationMode::None;
    int replicas = 2;     // R, for every mode but None
    core::ReadPolicy policy = core::ReadPolicy::Primary;
    core::OnFailure onFailure = core::OnFailure::Miss;
    int quorum = 0;       // multi-master W: 0 all, -1 majority, else that many
    // The options of the replication layer; R is 1 without replication.
    core::ReplicationOptions options() const;
    // Replicas a key has in the picture.
    int copies() const noexcept { return mode == core::ReplicationMode::None ? 1 : replicas; }
    bool operator==(const ReplicationChoice &) const = default;
};

// The window's state and what can be done to it, without a widget: one
// placement value (servers, preset, hash, hash tag, points), the sample
// keys and the scene drawn from them, what-if failures, replication and
// traffic settings, and the live state of the servers in the picture. It
// alone talks to the bridge (DemoCluster, ClusterWatch, TrafficRunner),
// once per change, and says what changed with signals. A recorded session
// plays back as a feed into it (the replay* calls): nothing is contacted then.
//
// Every change of the live state is announced by exactly one of
// statsPolled() (a stats poll: the plots add one point per server) and
// liveChanged() (health, a demo action, an audit, our traffic's counters).
class ClusterSession : public QObject {
    Q_OBJECT

public:
    enum class Mode { Offline, Watching, Demo, Replay };

    struct Options {
        core::ServerList servers;
        QString preset = QStringLiteral("libmemcached-ketama-weighted");
        QString hash;    // empty: the preset's default
        QString hashTag; // twemproxy's hash_tag from a pool, e.g. "{}"; empty: none
        int keyCount = 20000;
        // Start a local demo cluster of this many real memcached servers and
        // show it live (`ringscope` with no arguments); 0: none.
        int demoServers = 0;
        QString proxy;            // in front of the demo cluster: twemproxy, nginx-rr, …
        double trafficRate = 150; // the demo's gentle traffic; 0: none
        bool watch = false;       // poll the servers' stats and health (read-only)
        QString title;            // what the cluster is called in the title and recent list
    };

    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    // Opens what `options` says (a demo, a watched list, or placement only).
    void start(const Options &options);
    // Opens another cluster (what the Connect dialog does).
    void openCluster(const ClusterRequest &request);

    // --- state ---
    Mode mode() const noexcept { return m_mode; }
    QString title() const { return m_title; }
    const core::Placement &placement() const noexcept { return m_placement; }
    const core::ServerList &servers() const noexcept { return m_placement.spec.servers; }
    QString preset() const;
    QString hash() const; // empty: the preset's default
    QString hashTag() const;
    int pointsPerServer() const noexcept { return m_points; } // 0: the preset's default
    std::shared_ptr<const core::KeySet> keys() const noexcept { return m_keys; }
    std::shared_ptr<const RingScene> scene() const noexcept { return m_scene; }
    std::shared_ptr<const core::Distribution> distribution() const noexcept { return m_distribution; }
    const std::vector<LiveServer> &live() const noexcept { return m_liveState.picture(); } // per server of the picture
    const TrafficSample &lastTrafficSample() const noexcept { return m_lastSample; }
    const ReplicationChoice &replication() const noexcept { return m_replication; }
    bool trafficWanted() const noexcept { return m_trafficWanted; }
    bool trafficRunning() const;
    double trafficRate() const noexcept { return m_rate; }
    bool writable() const;
    // Writing to a cluster that is not all on this machine is asked first (the window asks).
    bool writingNeedsConfirmation() const;
    bool demoRunning() const;
    QString proxyKind() const;
    bool simulatedFailure(int index) const;
    int selectedServer() const noexcept { return m_selected; }
    // "3,999 of 6,000 keys misplaced under …" from the last audit; empty before one.
    QString auditSummary() const { return m_auditSummary; }
    // The servers of the picture that are down as its client sees them
    // (what-if, or down without replication); empty: none.
    std::vector<bool> ejected() const;
    // What the preset's real client does with a server that is down (core::failoverOf).
    core::Failover failoverRule() const;
    // "python-memcached (_get_server retries): its keys are rehashed, up to 10 tries".
    QString failoverSummary() const;

    // --- operations: each returns an error message, empty on success ---
    // Topology changes animate the keys that move. On the demo cluster add
    // and remove start and stop real processes (asynchronously); elsewhere
    // they only change the placement RingScope computes (what-if).
    QString setServers(const core::ServerList &servers, const QString &why, bool animate = true);
    QString addServer();
    QString removeServer(int index);
    QString setWeight(int index, int weight);
    QString setPreset(const QString &preset, const QString &hash);
    // Points per server of the textbook ring strategies; 0: their default.
    QString setPointsPerServer(int points);
    QString setKeyCount(int count);
    // What-if: the server drawn as failed and ejected, nothing touched.
    QString simulateFailure(int index, bool failed);
    // The write switch (the window asks first where writingNeedsConfirmation()).
    bool setWritable(bool writable);
    QString setTraffic(bool on, double rate);
    QString setReplication(const ReplicationChoice &choice);
    // The demo cluster: a real failure of the server at `index`.
    void demoAction(DemoCluster::Action action, int index);
    void setSelectedServer(int index);
    void audit();
    void inspectKey(const QString &key);
    // A line in the event log (and the recording).
    void note(EventKind kind, const QString &text);

    // --- a recorded session, fed in by the player ---
    void beginReplay(const QString &title, int keyCount);
    QString replayTopology(const QString &servers, const QString &preset, const QString &hash, const QString &hashTag,
                           int points, const QStringList &simulated, const QString &why);
    void replayLive(std::vector<LiveServer> watched, bool poll);
    void replayTraffic(const TrafficSample &sample);
    void endReplay();

    // Bridge parts, for tests and benchmarks.
    ClusterWatch &watcher() const noexcept { return *m_watch; }
    TrafficRunner &traffic() const noexcept { return *m_traffic; }
    DemoCluster &demo() const noexcept { return *m_demo; }

Q_SIGNALS:
    void modeChanged(ringscope::ui::ClusterSession::Mode mode);
    // A new picture; `why` is the change that made it.
    void sceneChanged(std::shared_ptr<const ringscope::ui::RingScene> scene, bool animate, const QString &why);
    void liveChanged(const std::vector<ringscope::ui::LiveServer> &live);
    void statsPolled(const std::vector<ringscope::ui::LiveServer> &live);
    void trafficSampled(const ringscope::ui::TrafficSample &sample);
    void event(ringscope::ui::EventKind kind, const QString &text);
    void replicationChanged(const ringscope::ui::ReplicationChoice &choice);
    // Traffic wanted or running, its rate, or the write switch changed.
    void trafficChanged();
    void selectionChanged(int server);
    void clusterOpened(const ringscope::ui::ClusterRequest &request); // for the recent list
    // Another cluster (or a replay) replaces the one shown: what was measured of the old one goes.
    void clusterReplaced();
    void clusterKeys(std::shared_ptr<const ringscope::core::KeySet> keys); // null: none
    void audited(qulonglong keys, qulonglong misplaced);
    void keyHeld(const QString &key, const QStringList &holders);
    // Something the user should be told in a dialog (the log has it too).
    void problem(const QString &title, const QString &text);

private:
    void stopLive();
    // Traffic is wanted, and there is a cluster to send it to (a demo that is up).
    bool trafficShouldRun() const;
    void choosePoints(int points);
    void setMode(Mode mode);
    QString rebuild(const QString &why, bool animate);
    void watchServers();
    void remapLive();
    void liveUpdated(bool poll);
    void updateAuditPlacement();
    QString applyTraffic();
    void onDemoStarted(const core::ServerList &servers, const QString &proxyAddress);
    void onStats(const std::vector<StatsPoll> &polls);
    void onHealth(std::size_t server, core::ServerState state, const QString &reason);
    void onAudit(const AuditResult &result);
    void onTraffic(const TrafficSample &sample, const std::vector<ReplicaLoad> &perServer);
    void onTrafficStopped();
    void onDemoSignalled(const QString &address, DemoCluster::Action action);

    Mode m_mode = Mode::Offline;
    QString m_title;
    core::Placement m_placement;
    int m_points = 0; // as chosen; 0: the default
    ReplicationChoice m_replication;
    bool m_trafficWanted = false;
    double m_rate = 150;
    QSet<QString> m_simulated; // labels of servers failed by what-if
    std::shared_ptr<const core::KeySet> m_keys;
    std::shared_ptr<const RingScene> m_scene;
    std::shared_ptr<const core::Distribution> m_distribution; // of the scene
    LiveState m_liveState;
    TrafficSample m_lastSample;
    int m_selected = -1;
    std::vector<bool> m_sceneDown; // the down servers the scene was drawn with
    QString m_auditSummary;
    std::uint64_t m_auditLoggedMisplaced = 0;
    bool m_auditAsked = false;

    std::unique_ptr<core::IoRuntime> m_io;
    DemoCluster *m_demo;
    ClusterWatch *m_watch;
    TrafficRunner *m_traffic;
};

} // namespace ringscope::ui

Q_DECLARE_METATYPE(ringscope::ui::ReplicationChoice)
