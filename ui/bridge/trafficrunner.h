#pragma once

#include "ui/bridge/guiqueue.h"
#include "ui/bridge/livetypes.h"

#include "core/placement/clusterplacement.h"
#include "core/distribution/server.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ringscope::core {
class Client;
class IoRuntime;
} // namespace ringscope::core

namespace ringscope::ui {

// Where RingScope's writes go: the servers, whether RingScope started every
// one of them (the demo cluster), and the proxy in front, if any.
struct WriteTarget {
    core::ServerList servers;
    bool startedByUs = false;
    QString proxyKind; // "twemproxy", "nginx-rr", …; empty: none
    std::optional<core::Server> proxy;
};

// The only code that writes to a cluster: the sample keys a demo starts with
// and the traffic generator (sets, cache-aside fills, read-repair). The write
// gate lives here: nothing is written unless the target is the demo cluster
// RingScope started, or the user switched writing on.
class TrafficRunner : public QObject {
    Q_OBJECT

public:
    explicit TrafficRunner(core::IoRuntime &io, QObject *parent = nullptr);
    ~TrafficRunner() override;

    // A new target stops the traffic and the seeding (they wrote to the old one).
    void setTarget(WriteTarget target);
    const WriteTarget &target() const noexcept { return m_target; }
    // The user's write switch.
    void setWriteSwitch(bool on);
    bool writeSwitch() const noexcept { return m_switch; }
    // Switched on, or every target server is a process RingScope started.
    bool writable() const;

    // Writes `keys` placed as `placement` places them, when writable;
    // answers with seeded().
    void seed(std::vector<std::string> keys, const core::Placement &placement);
    // Starts, reconfigures or stops the traffic; the error, if any (then it is stopped).
    QString configure(const TrafficSettings &settings, const core::Placement &placement);
    void stop();
    bool running() const noexcept { return m_traffic != nullptr; }
    // The server at `address` is back (RingScope restarted it): probe it now.
    void probeSoon(const QString &address);

Q_SIGNALS:
    void seeded(qulonglong keys, qulonglong failures);
    // One second of traffic; `perServer` in target order (empty through twemproxy).
    void sampled(const ringscope::ui::TrafficSample &sample, const std::vector<ringscope::ui::ReplicaLoad> &perServer);
    void stopped();
    void event(ringscope::ui::EventKind kind, const QString &text);

private:
    struct Traffic;
    void stopSeeding();
    void sample();

    core::IoRuntime &m_io;
    GuiQueue m_gui;
    WriteTarget m_target;
    bool m_switch = false;
    std::unique_ptr<Traffic> m_traffic;
    std::uint64_t m_generation = 0;
    QTimer m_timer;
    std::shared_ptr<core::Client> m_seedWriter;     // released on the GUI thread
    std::shared_ptr<std::atomic<bool>> m_seedStop; // tells its callbacks to issue no more
};

} // namespace ringscope::ui

Q_DECLARE_METATYPE(ringscope::ui::ReplicaLoad)
