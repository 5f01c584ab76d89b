#include "clusterbridge.h"

#include "core/distribution/preset.h"
#include "core/local/localcluster.h"
#include "core/net/client.h"
#include "core/net/ioruntime.h"

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>

#include <atomic>
#include <future>

namespace ringscope::ui {
namespace {

// Runs `f` on the GUI thread later, unless `target` is gone by then.
template <typename F>
void onGui(QObject *target, F &&f)
{
    QMetaObject::invokeMethod(
        target, [guard = QPointer<QObject>(target), f = std::forward<F>(f)]() mutable {
            if (guard)
                f();
        },
        Qt::QueuedConnection);
}

} // namespace

ClusterBridge::ClusterBridge(QObject *parent)
    : QObject(parent)
    , m_io(std::make_unique<core::IoRuntime>())
{
    qRegisterMetaType<core::ServerList>();
    qRegisterMetaType<std::vector<LiveServer>>();
}

ClusterBridge::~ClusterBridge()
{
    if (m_poller)
        m_poller->stop();
    m_client.reset();
    if (m_processThread) {
        // Stop the demo cluster on the thread that started it, then end it.
        std::promise<void> done;
        m_processThread->post([this, &done] {
            m_demo.reset();
            done.set_value();
        });
        done.get_future().wait();
        m_processThread->stop();
    }
    m_io->stop();
}

void ClusterBridge::startDemo(int count)
{
    if (!m_processThread)
        m_processThread = std::make_unique<core::IoRuntime>();
    m_processThread->post([this, count] {
        auto cluster = std::make_unique<core::LocalCluster>();
        auto started = cluster->start(static_cast<std::size_t>(count));
        if (!started) {
            const QString error = QString::fromStdString(started.error);
            onGui(this, [this, error] { Q_EMIT demoFailed(error); });
            return;
        }
        const core::ServerList servers = cluster->servers();
        m_demo = std::move(cluster); // owned by this thread from now on
        onGui(this, [this, servers] {
            m_demoRunning = true;
            Q_EMIT demoStarted(servers);
        });
    });
}

void ClusterBridge::watch(const core::ServerList &servers)
{
    const std::uint64_t generation = ++m_generation;
    if (m_poller)
        m_poller->stop();
    m_poller.reset();
    m_client.reset();
    std::string error;
    core::ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(500);
    options.pool.probeFirst = std::chrono::milliseconds(1000);
    m_client = std::make_unique<core::Client>(
        *m_io, core::makeDistribution(*core::findPreset("modulo"), servers, std::nullopt, {}, error), options);
    m_live.assign(servers.size(), {});
    m_client->addEventHandler([this, generation](const core::HealthEvent &e) {
        onGui(this, [this, generation, e] { onHealth(generation, e); });
    });
    m_poller = std::make_shared<core::StatsPoller>(
        *m_client, std::chrono::milliseconds(1000), [this, generation](const std::vector<core::ServerStats> &stats) {
            onGui(this, [this, generation, stats] { onStats(generation, stats); });
        });
    m_poller->start();
    publish();
}

void ClusterBridge::seedDemo(std::vector<std::string> keys, const QString &preset, const QString &hash)
{
    if (!m_demoRunning || !m_client)
        return; // only the cluster RingScope started is ever written to
    const core::Preset *p = core::findPreset(preset.toStdString());
    if (!p)
        return;
    std::string error;
    std::optional<core::HashAlgorithm> h;
    if (!hash.isEmpty())
        h = core::parseHash(hash.toStdString());
    auto d = core::makeDistribution(*p, m_client->distribution().servers(), h, {}, error);
    if (!d || !d->deterministic())
        return;
    // A client of its own, placing keys as the preset does; it lives until
    // every write is done.
    auto writer = std::make_shared<core::Client>(*m_io, std::move(d));
    struct Count {
        std::atomic<std::uint64_t> left, failed{0};
    };
    auto count = std::make_shared<Count>();
    count->left = keys.size();
    auto shared = std::make_shared<std::vector<std::string>>(std::move(keys));
    m_io->post([this, writer, shared, count] {
        for (const auto &k : *shared)
            writer->store(core::encode::Store::Set, k, "ringscope demo value", 0, 0,
                          [this, writer, count, total = shared->size()](core::ClientError e, core::Reply r,
                                                                        const std::string &) {
                              if (e || r != core::Reply::Stored)
                                  ++count->failed;
                              if (--count->left == 0) {
                                  const auto failed = count->failed.load();
                                  onGui(this, [this, total, failed] { Q_EMIT seeded(total, failed); });
                                  // The last callback runs on the I/O thread: let the writer go elsewhere.
                                  m_io->post([writer] {});
                              }
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
                state->holders[static_cast<qsizetype>(i)] = tr("? (%1)").arg(QString::fromStdString(e.message));
            else if (info.found)
                state->holders[static_cast<qsizetype>(i)] = tr("%1 bytes, ttl %2, idle %3 s")
                                                                .arg(info.size)
                                                                .arg(info.ttl < 0 ? tr("none") : QString::number(info.ttl))
                                                                .arg(info.idleSeconds);
            if (--state->left == 0)
                onGui(this, [this, key, state, generation] {
                    if (generation != m_generation)
                        return;
                    // "address: what it holds", for the servers that answered something.
                    QStringList lines;
                    const auto &servers = m_client->distribution().servers();
                    for (qsizetype k = 0; k < state->holders.size(); ++k)
                        if (!state->holders[k].isEmpty())
                            lines << QString::fromStdString(servers[static_cast<std::size_t>(k)].address())
                                    + QStringLiteral(": ") + state->holders[k];
                    Q_EMIT keyHeld(key, lines);
                });
        });
}

void ClusterBridge::demoAction(Action action, int server)
{
    if (!m_processThread || server < 0)
        return;
    m_processThread->post([this, action, server] {
        if (!m_demo)
            return;
        const auto index = static_cast<std::size_t>(server);
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
        }
        const QString address = index < m_demo->nodes().size()
            ? QString::fromStdString(m_demo->nodes()[index].server.address())
            : QString::number(server);
        const QString text = error.empty() ? address + QLatin1Char(' ') + what
                                           : tr("%1: %2").arg(address, QString::fromStdString(error));
        onGui(this, [this, text, action, server, ok = error.empty()] {
            if (ok && server < static_cast<int>(m_live.size())) {
                auto &l = m_live[static_cast<std::size_t>(server)];
                l.paused = action == Action::Pause;
                l.stopped = action == Action::Kill;
                publish();
            }
            Q_EMIT event(text);
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
        l.error = s.error ? QString::fromStdString(s.error.message) : QString();
        if (s.error) {
            l.polled = false; // what it held is no longer known
            continue;
        }
        l.polled = true;
        l.items = s.items;
        l.bytes = s.bytes;
        l.getsPerSecond = s.getsPerSecond.value_or(-1);
        l.setsPerSecond = s.setsPerSecond.value_or(-1);
        l.hitRatio = s.hitRatio.value_or(-1);
    }
    publish();
}

void ClusterBridge::onHealth(std::uint64_t generation, const core::HealthEvent &e)
{
    if (generation != m_generation || e.server >= m_live.size())
        return;
    m_live[e.server].health = e.to;
    publish();
    Q_EMIT event(tr("%1 is %2 (%3)")
                     .arg(QString::fromStdString(e.address), QString::fromLatin1(core::stateName(e.to)),
                          QString::fromStdString(e.reason)));
}

void ClusterBridge::publish()
{
    Q_EMIT liveChanged(m_live);
}

} // namespace ringscope::ui
