#pragma once

#include "ui/bridge/guiqueue.h"
#include "ui/bridge/livetypes.h"

#include "core/placement/clusterplacement.h"
#include "core/distribution/server.h"

#include <QObject>
#include <QStringList>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <vector>

namespace ringscope::core {
class Client;
class IoRuntime;
class KeySet;
class StatsPoller;
} // namespace ringscope::core

namespace ringscope::ui {

// Watches a cluster, read-only: stats every second, health, ownership audits
// (metadump on connections of their own, so a dump never shares a pipeline
// with a stats request), key lookups (mg without LRU bump) and ElastiCache
// discovery. Nothing here writes. Work runs on the I/O thread (requests) and
// on a worker of its own (an audit's arithmetic, discovery's wait); results
// come back as queued signals, and a result of a list no longer watched is
// dropped by generation number.
class ClusterWatch : public QObject {
    Q_OBJECT

public:
    explicit ClusterWatch(core::IoRuntime &io, QObject *parent = nullptr);
    ~ClusterWatch() override;

    // Watches `servers` (replacing what was watched); watchChanged() says so.
    void watch(const core::ServerList &servers);
    void unwatch();
    const core::ServerList &servers() const noexcept { return m_servers; }
    bool watching() const noexcept { return m_client != nullptr; }
    std::uint64_t watchChanges() const noexcept { return m_changes; }

    // The placement an audit checks the servers' keys against, and how many
    // copies of a key are meant to exist (replication).
    void setAuditPlacement(const core::Placement &placement, std::size_t replicas);
    // Audits now (metadump of every server); then every `interval` ms when
    // non-zero, but never closer than five times the last audit took (a
    // big cluster's dump is not repeated back to back).
    void audit();
    void setAuditInterval(int milliseconds);
    int auditInterval() const noexcept { return m_auditInterval; }

    // The server at `address` is back (RingScope restarted it): probe it now.
    void probeSoon(const QString &address);
    // Asks every watched server whether it holds `key`; answers with keyHeld().
    void inspectKey(const QString &key);
    // Asks an ElastiCache configuration endpoint for its nodes; answers with discovered().
    void discover(const core::Server &endpoint);

Q_SIGNALS:
    void watchChanged(const ringscope::core::ServerList &servers);
    // One stats round: an entry per watched server that the round covered.
    void statsPolled(const std::vector<ringscope::ui::StatsPoll> &polls);
    void healthChanged(std::size_t server, ringscope::core::ServerState state, const QString &reason);
    void audited(const ringscope::ui::AuditResult &result);
    // The distinct keys the audit found (a uniform sample past 200,000 a
    // server): the cluster's own keys.
    void clusterKeys(std::shared_ptr<const ringscope::core::KeySet> keys);
    // "address: size, ttl, idle" for each watched server that holds the key.
    void keyHeld(const QString &key, const QStringList &holders);
    // The nodes an endpoint named, with the preset its clients use; or an error.
    void discovered(const ringscope::core::ServerList &servers, const QString &preset, const QString &error);

private:
    void ensureWorker();

    core::IoRuntime &m_io;
    GuiQueue m_gui;
    std::unique_ptr<core::IoRuntime> m_worker;
    std::unique_ptr<core::Client> m_client;     // stats, health, key lookups
    std::unique_ptr<core::Client> m_dumpClient; // metadump only
    std::shared_ptr<core::StatsPoller> m_poller;
    core::ServerList m_servers;
    std::uint64_t m_generation = 0;
    std::uint64_t m_discovery = 0;
    std::uint64_t m_changes = 0;
    core::Placement m_auditPlacement;
    std::size_t m_auditReplicas = 1;
    bool m_auditRunning = false;
    int m_auditInterval = 0;
    QTimer m_auditTimer; // single shot: the next audit
    QElapsedTimer m_auditClock;
    void auditDone(std::uint64_t generation);
};

} // namespace ringscope::ui

Q_DECLARE_METATYPE(ringscope::ui::StatsPoll)
Q_DECLARE_METATYPE(ringscope::ui::AuditResult)
