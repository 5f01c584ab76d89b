#pragma once

#include "core/cluster/statspoller.h"
#include "core/distribution/server.h"
#include "core/net/serverpool.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace ringscope::core {
class Client;
class IoRuntime;
class LocalCluster;
class StatsPoller;
} // namespace ringscope::core

namespace ringscope::ui {

// Health and stats of one server, as the window shows them.
struct LiveServer {
    core::ServerState health = core::ServerState::Up;
    bool paused = false;  // demo cluster: SIGSTOPped by us
    bool stopped = false; // demo cluster: killed or stopped by us
    bool polled = false;  // stats arrived at least once
    std::uint64_t items = 0;
    std::uint64_t bytes = 0;
    double getsPerSecond = -1, setsPerSecond = -1, hitRatio = -1;
    QString error;
};

// The only code that touches both asio and Qt. The core runs on its own
// threads: the I/O thread (client, stats poller) and, for the local demo
// cluster, a process thread that starts and signals memcached (children die
// with the thread that started them, so it must outlive them). Results come
// back as queued signals carrying values; late results of a superseded
// cluster are dropped by generation number.
class ClusterBridge : public QObject {
    Q_OBJECT

public:
    explicit ClusterBridge(QObject *parent = nullptr);
    ~ClusterBridge() override;

    // Starts `count` memcached processes on 127.0.0.1 (asynchronously).
    void startDemo(int count);
    bool hasDemo() const noexcept { return m_demoRunning; } // GUI thread
    // Watches a cluster (stats every second, health); read-only.
    void watch(const core::ServerList &servers);
    // Writes `keys` to the cluster under `preset` — only the demo cluster,
    // which RingScope started itself.
    void seedDemo(std::vector<std::string> keys, const QString &preset, const QString &hash);

    // Asks every watched server whether it holds `key` (mg without LRU bump);
    // answers with keyHeld(key, holders).
    void inspectKey(const QString &key);

    enum class Action { Kill, Pause, Resume, Restart };
    void demoAction(Action action, int server);

Q_SIGNALS:
    void demoStarted(const ringscope::core::ServerList &servers);
    void demoFailed(const QString &error);
    void seeded(qulonglong keys, qulonglong failures);
    void liveChanged(const std::vector<ringscope::ui::LiveServer> &servers);
    void event(const QString &text);
    // "address: size, ttl, idle" for each watched server that holds the key.
    void keyHeld(const QString &key, const QStringList &holders);

private:
    void onStats(std::uint64_t generation, const std::vector<core::ServerStats> &stats);
    void onHealth(std::uint64_t generation, const core::HealthEvent &e);
    void publish();

    std::unique_ptr<core::IoRuntime> m_io;
    std::unique_ptr<core::IoRuntime> m_processThread;
    std::unique_ptr<core::LocalCluster> m_demo;
    std::unique_ptr<core::Client> m_client;
    std::shared_ptr<core::StatsPoller> m_poller;
    std::vector<LiveServer> m_live;
    std::uint64_t m_generation = 0;
    bool m_demoRunning = false; // GUI thread's view; m_demo itself belongs to the process thread
};

} // namespace ringscope::ui

Q_DECLARE_METATYPE(ringscope::core::ServerList)
Q_DECLARE_METATYPE(std::vector<ringscope::ui::LiveServer>)
