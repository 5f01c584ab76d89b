#pragma once

#include "ui/bridge/guiqueue.h"
#include "ui/bridge/livetypes.h"

#include "core/distribution/server.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace ringscope::core {
class IoRuntime;
class DemoCluster;
} // namespace ringscope::core

namespace ringscope::ui {

// The local demo cluster: real memcached processes (and a twemproxy or nginx
// in front) that RingScope starts on 127.0.0.1, and the real failures done
// to them. The processes are started and signalled on a thread of its own
// (children die with the thread that started them, so it outlives them);
// what happened comes back as queued signals. Kill, hang and restart only
// ever reach processes this cluster started (DemoCluster checks the pid).
class DemoCluster : public QObject {
    Q_OBJECT

public:
    using Action = DemoAction;

    explicit DemoCluster(QObject *parent = nullptr);
    ~DemoCluster() override; // stops every process it started

    // Starts `count` memcached processes (asynchronously), and `proxy` in
    // front of them: "", "twemproxy", "nginx-rr", "nginx-least-conn" or
    // "nginx-hash". Answers with started() or failed().
    void start(int count, const QString &proxy = {});
    // Stops the processes (synchronously: it waits for them to exit). A
    // start still on its way is dropped.
    void stop();
    bool running() const noexcept { return m_running; }
    QString proxyKind() const { return m_proxyKind; }
    const std::optional<core::Server> &proxy() const noexcept { return m_proxy; }
    // Whether `address` (host:port) is one of its processes.
    bool contains(const QString &address) const { return m_addresses.contains(address); }
    bool containsAll(const core::ServerList &servers) const;
    // `address` names one of its servers; Add ignores it. Answers with
    // serverAdded, serverRemoved or signalled, and an event.
    void act(Action action, const QString &address);

Q_SIGNALS:
    void started(const ringscope::core::ServerList &servers, const QString &proxyAddress);
    void failed(const QString &error);
    void serverAdded(const ringscope::core::Server &server);
    void serverRemoved(const QString &address);
    // Kill, Pause, Resume or Restart was done to `address`.
    void signalled(const QString &address, ringscope::ui::DemoAction action);
    void event(ringscope::ui::EventKind kind, const QString &text);

private:
    void ensureThread();

    GuiQueue m_gui;
    std::unique_ptr<core::IoRuntime> m_thread;
    std::unique_ptr<core::DemoCluster> m_cluster; // the process thread's only
    std::uint64_t m_start = 0;                     // a start answered after this changed is stale
    bool m_running = false;                        // the GUI thread's view
    QSet<QString> m_addresses;
    QString m_proxyKind;
    std::optional<core::Server> m_proxy;
};

} // namespace ringscope::ui
