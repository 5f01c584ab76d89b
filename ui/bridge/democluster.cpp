#include "ui/bridge/democluster.h"
#include "ui/util/strings.h"

#include "core/local/democluster.h"
#include "core/net/ioruntime.h"

#include <algorithm>

namespace ringscope::ui {

DemoCluster::DemoCluster(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<core::ServerList>();
    qRegisterMetaType<core::Server>();
}

DemoCluster::~DemoCluster()
{
    blockSignals(true); // whoever listened may be half destroyed already
    stop();
    if (m_thread)
        m_thread->stop();
}

void DemoCluster::ensureThread()
{
    if (!m_thread)
        m_thread = std::make_unique<core::IoRuntime>();
}

bool DemoCluster::containsAll(const core::ServerList &servers) const
{
    return !servers.empty() && std::all_of(servers.begin(), servers.end(), [this](const core::Server &s) {
        return m_addresses.contains(qs(s.address()));
    });
}

void DemoCluster::start(int count, const QString &proxy)
{
    stop();
    ensureThread();
    const std::uint64_t attempt = ++m_start;
    m_thread->post([this, count, proxy, attempt] {
        auto cluster = std::make_unique<core::DemoCluster>();
        auto up = cluster->start(static_cast<std::size_t>(count));
        std::optional<core::Server> front;
        std::string error = up ? std::string() : up.error;
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
            m_gui.post([this, error = qs(error), attempt] {
                if (attempt == m_start)
                    Q_EMIT failed(error);
            });
            return;
        }
        const core::ServerList servers = cluster->servers();
        m_cluster = std::move(cluster); // owned by this thread from now on
        m_gui.post([this, servers, front, proxy, attempt] {
            if (attempt != m_start)
                return; // stopped (or replaced) before it was up: stop() stops its processes
            m_running = true;
            m_addresses.clear();
            for (const auto &s : servers)
                m_addresses.insert(qs(s.address()));
            m_proxyKind = front ? proxy : QString();
            m_proxy = front;
            Q_EMIT started(servers, front ? qs(front->address()) : QString());
        });
    });
}

void DemoCluster::stop()
{
    ++m_start; // a start still on its way is stale now
    if (m_thread)
        m_thread->call([this] {
            if (m_cluster)
                m_cluster->stopAll();
            m_cluster.reset();
        });
    m_running = false;
    m_addresses.clear();
    m_proxy.reset();
    m_proxyKind.clear();
}

void DemoCluster::act(Action action, const QString &address)
{
    if (!m_thread || !m_running)
        return;
    const std::uint64_t attempt = m_start;
    m_thread->post([this, action, address, attempt] {
        if (!m_cluster)
            return;
        const auto stale = [this, attempt] { return attempt != m_start; };
        if (action == Action::Add) {
            auto added = m_cluster->addServer();
            if (!added) {
                m_gui.post([this, stale, error = qs(added.error)] {
                    if (!stale())
                        Q_EMIT event(EventKind::Demo, tr("add server: %1").arg(error));
                });
                return;
            }
            const core::Server server = m_cluster->nodes()[*added.value].server;
            // The proxy in front learns of it: its pool is written again and
            // it restarts on its port (nutcracker cannot reload a pool).
            QString proxyNote;
            if (!m_cluster->proxyConfig().empty()) {
                const auto proxy = m_cluster->reconfigureProxy();
                proxyNote = proxy ? tr("; the proxy was restarted with it in its pool")
                                  : tr("; the proxy could not take it into its pool: %1").arg(qs(proxy.error));
            }
            m_gui.post([this, stale, server, proxyNote] {
                if (stale())
                    return;
                m_addresses.insert(qs(server.address()));
                Q_EMIT event(EventKind::Demo,
                             tr("%1 started (a new memcached process)%2").arg(qs(server.address()), proxyNote));
                Q_EMIT serverAdded(server);
            });
            return;
        }
        // The node by address: only processes this cluster started.
        const auto &nodes = m_cluster->nodes();
        const auto it = std::find_if(nodes.begin(), nodes.end(),
                                     [&](const core::DemoCluster::Node &n) { return qs(n.server.address()) == address; });
        if (it == nodes.end()) {
            m_gui.post([this, address] {
                Q_EMIT event(EventKind::Demo, tr("%1 is not a server of the local demo cluster: nothing done").arg(address));
            });
            return;
        }
        const auto index = static_cast<std::size_t>(it - nodes.begin());
        std::string error;
        QString what;
        switch (action) {
        case Action::Kill:
            error = m_cluster->kill(index);
            what = tr("killed (SIGKILL)");
            break;
        case Action::Pause:
            error = m_cluster->pause(index);
            what = tr("hung (SIGSTOP)");
            break;
        case Action::Resume:
            error = m_cluster->resume(index);
            what = tr("resumed (SIGCONT)");
            break;
        case Action::Restart:
            error = m_cluster->restart(index);
            what = tr("restarted, empty");
            break;
        case Action::Remove:
            error = m_cluster->stop(index);
            what = tr("stopped cleanly and removed");
            break;
        case Action::Add:
            break;
        }
        const QString text = error.empty() ? address + QLatin1Char(' ') + what : tr("%1: %2").arg(address, qs(error));
        m_gui.post([this, stale, text, action, address, ok = error.empty()] {
            if (stale())
                return;
            if (ok && action == Action::Remove)
                m_addresses.remove(address);
            Q_EMIT event(EventKind::Demo, text);
            if (!ok)
                return;
            if (action == Action::Remove)
                Q_EMIT serverRemoved(address);
            else
                Q_EMIT signalled(address, action);
        });
    });
}

} // namespace ringscope::ui
