#pragma once

// The values the bridge hands to the GUI thread, and what models, plots and
// session files are made of. No asio, no bridge: a model or a plot includes
// this header only.

#include "core/live/replication.h"
#include "core/net/health.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

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

    // Killed, hung or marked down by the client: it answers nothing.
    bool isDown() const noexcept { return stopped || paused || health == core::ServerState::Down; }
};

// One stats poll of one server (what `stats` answered, or why it did not).
struct StatsPoll {
    std::size_t server = 0; // index in the watched list
    bool ok = false;
    std::uint64_t items = 0, bytes = 0, limitBytes = 0;
    double getsPerSecond = -1, setsPerSecond = -1, hitRatio = -1, evictionsPerSecond = -1;
    double roundTripMs = -1;
    QString error;
};

// What our traffic's replication layer says of one server, once a second.
struct ReplicaLoad {
    double requestsPerSecond = -1;
    std::size_t outstanding = 0;
    bool warming = false, resyncing = false, untrusted = false;
};

// One ownership audit (metadump) of the watched servers.
struct AuditResult {
    struct Server {
        qint64 held = -1, misplaced = -1; // -1: not known (the dump failed)
        QString error;
    };
    std::vector<Server> servers; // watched order
    std::uint64_t keys = 0, misplaced = 0;
};

// The traffic generator and how it reaches the cluster.
struct TrafficSettings {
    bool enabled = false;
    double rate = 150; // operations a second
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

// What RingScope does to a server of its demo cluster.
enum class DemoAction { Kill, Pause, Resume, Restart, Add, Remove };

// What an event in the log is about (Health: a server failing; Recovery: one
// answering again); the plots mark health, recovery, demo and replication
// events (a topology change is on the Last change plot).
enum class EventKind { Info, Topology, Health, Recovery, Demo, Replication, Traffic };

// "info", "topology", … (session files and the log's item data).
QString eventKindName(EventKind kind);
// The kind a name stands for; Info for an unknown one.
EventKind eventKindFromName(const QString &name);
// Whether the time plots draw a marker for it.
inline bool marksPlots(EventKind kind) noexcept
{
    return kind != EventKind::Info && kind != EventKind::Traffic && kind != EventKind::Topology;
}

} // namespace ringscope::ui

Q_DECLARE_METATYPE(ringscope::ui::LiveServer)
Q_DECLARE_METATYPE(ringscope::ui::TrafficSample)
Q_DECLARE_METATYPE(ringscope::ui::EventKind)
Q_DECLARE_METATYPE(ringscope::ui::DemoAction)
