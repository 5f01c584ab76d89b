#include "mainwindow.h"
#include "util/language.h"
#include "util/names.h"
#include "util/strings.h"
#include "util/tableexport.h"

#include "bridge/clusterbridge.h"
#include "core/cluster/serverspec.h"
#include "core/distribution/distribution.h"
#include "core/distribution/preset.h"
#include "models/servertablemodel.h"
#include "panels/comparisonpanel.h"
#include "panels/connectdialog.h"
#include "panels/keyinspector.h"
#include "panels/lessonpanel.h"
#include "panels/plotspanel.h"
#include "views/ringview.h"

#include <QAction>
#include <QProcess>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QKeyEvent>
#include <QTableWidget>
#include <QHeaderView>
#include <QLocale>
#include <QStandardPaths>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace ringscope::ui {
namespace {

bool allLoopback(const core::ServerList &servers)
{
    return std::all_of(servers.begin(), servers.end(), [](const core::Server &s) { return core::isLoopbackHost(s.host); });
}


} // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_servers(options.servers)
    , m_preset(options.preset)
    , m_hash(options.hash)
    , m_hashTag(options.hashTag)
    , m_keys(std::make_shared<const core::KeySet>(core::KeySet::synthetic(static_cast<std::size_t>(options.keyCount))))
    , m_title(options.title)
    , m_ring(new RingView(this))
    , m_trafficRate(options.trafficRate > 0 ? options.trafficRate : 150)
    , m_serverModel(new ServerTableModel(this))
{
    setWindowTitle(tr("RingScope"));
    // The ring, and the measured comparison of methods beside it.
    m_centralTabs = new QTabWidget(this);
    m_centralTabs->setObjectName(QStringLiteral("centralTabs"));
    m_centralTabs->setDocumentMode(true);
    m_centralTabs->addTab(m_ring, tr("Ring"));
    m_compare = new ComparisonPanel(m_centralTabs);
    m_centralTabs->addTab(m_compare, tr("Compare methods"));
    setCentralWidget(m_centralTabs);
    m_bridge = new ClusterBridge(this);
    buildToolBars();
    buildDocks();
    buildMenus();
    m_status = new QLabel(this);
    m_trafficLabel = new QLabel(this);
    m_writeLabel = new QLabel(this);
    m_writeLabel->setMargin(2);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_trafficLabel);
    statusBar()->addPermanentWidget(m_writeLabel);
    connect(m_ring, &RingView::keyHovered, m_inspector, &KeyInspector::inspect);
    connect(m_ring, &RingView::serverClicked, this, [this](int server) {
        if (server >= 0)
            m_serverTable->selectRow(server);
        else
            m_serverTable->clearSelection();
    });
    connect(m_serverModel, &ServerTableModel::weightEdited, this, [this](int row, int weight) {
        // Queued: the edit finishes before the model is reset by the change.
        QMetaObject::invokeMethod(this, [this, row, weight] {
            if (const QString e = setWeight(row, weight); !e.isEmpty())
                logEvent(e);
        }, Qt::QueuedConnection);
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kStateVersion);

    connect(m_bridge, &ClusterBridge::event, this, [this](const QString &text, const QString &kind) {
        if (m_replaying)
            return; // a late word from the cluster before the replay
        logEvent(text, kind);
        if (kind != QLatin1String("info") && kind != QLatin1String("traffic"))
            m_plots->addMarker(text, kind);
    });
    connect(m_inspector, &KeyInspector::keyChanged, m_bridge, &ClusterBridge::inspectKey);
    connect(m_bridge, &ClusterBridge::clusterKeys, m_compare, &ComparisonPanel::setClusterKeys);
    connect(m_bridge, &ClusterBridge::keyHeld, m_inspector, &KeyInspector::showHeld);
    connect(m_bridge, &ClusterBridge::liveChanged, this, [this](const std::vector<LiveServer> &live) {
        if (!m_replaying)
            onLive(live);
    });
    connect(m_bridge, &ClusterBridge::trafficSampled, this, [this](const TrafficSample &sample) {
        if (m_replaying)
            return;
        if (m_recorder.active())
            m_recorder.write(SessionRecord::Type::Traffic, toJson(sample));
        m_lastSample = sample;
        m_plots->addTraffic(sample);
        updateStatus();
    });
    connect(m_bridge, &ClusterBridge::discovered, this,
            [this](const core::ServerList &servers, const QString &preset, const QString &error) {
                if (!error.isEmpty()) {
                    logEvent(tr("ElastiCache discovery: %1").arg(error), QStringLiteral("health"));
                    QMessageBox::warning(this, tr("ElastiCache"), error);
                    return;
                }
                if (!preset.isEmpty() && m_presetBox->findText(preset) >= 0 && m_hash.isEmpty())
                    m_preset = preset;
                m_servers = servers;
                m_scene.reset();
                rebuild(tr("%1: %2 nodes (read-only until writing is switched on)").arg(m_title).arg(servers.size()), false);
                m_bridge->watch(m_servers);
                m_bridge->setPlacement(m_preset, m_hash, m_hashTag, m_points);
            });
    connect(m_bridge, &ClusterBridge::demoStarted, this, &MainWindow::onDemoStarted);
    connect(m_bridge, &ClusterBridge::demoFailed, this, [this](const QString &error) {
        logEvent(tr("the local demo cluster could not start: %1").arg(error), QStringLiteral("demo"));
        QMessageBox::warning(this, tr("Local demo cluster"), error);
    });
    connect(m_bridge, &ClusterBridge::seeded, this, [this](qulonglong keys, qulonglong failures) {
        logEvent(tr("wrote the %1 sample keys to the cluster with %2%3")
                     .arg(keys)
                     .arg(m_preset, failures ? tr(" (%1 failed)").arg(failures) : QString()));
        m_bridge->audit();
    });
    connect(m_bridge, &ClusterBridge::demoServerAdded, this, [this](const core::Server &server) {
        auto next = m_servers;
        next.push_back(server);
        setServers(next, tr("added %1").arg(QString::fromStdString(server.address())));
    });
    connect(m_bridge, &ClusterBridge::demoServerRemoved, this, [this](const QString &address) {
        auto next = m_servers;
        std::erase_if(next, [&](const core::Server &s) { return QString::fromStdString(s.address()) == address; });
        if (!next.empty())
            setServers(next, tr("removed %1").arg(address));
    });
    m_darkAction->setChecked(settings.value(QStringLiteral("view/dark"), false).toBool());

    if (options.demoServers > 0) {
        ClusterRequest r;
        r.kind = ClusterRequest::Kind::Demo;
        r.demoServers = options.demoServers;
        r.proxy = options.proxy;
        {
            const QSignalBlocker block(m_trafficAction); // it starts once the servers run
            m_trafficAction->setChecked(options.trafficRate > 0);
        }
        openCluster(r);
    } else {
        m_watch = options.watch;
        if (m_watch) {
            m_bridge->watch(m_servers);
            m_bridge->setPlacement(m_preset, m_hash, m_hashTag, m_points);
        }
        if (const QString error = rebuild(m_watch ? tr("watching %1 (read-only)").arg(specOf(m_servers))
                                                  : tr("opened %1 (offline: placement only)").arg(specOf(m_servers)),
                                          false);
            !error.isEmpty())
            logEvent(error);
        if (m_watch && !m_title.isEmpty())
            rememberCluster(m_title);
    }
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The bridge stops the demo cluster and the traffic; nothing it says now
    // may reach this half-destroyed window.
    m_bridge->disconnect(this);
    delete m_bridge;
}

// --- cluster --------------------------------------------------------------

void MainWindow::openCluster(const ClusterRequest &request)
{
    if (m_replaying) { // a real cluster ends the replay
        m_sessionTimer->stop();
        m_session.reset();
        m_replaying = false;
    }
    m_bridge->stopDemo();
    m_bridge->unwatch();
    m_bridge->setWritable(false);
    m_bridge->setAuditInterval(0); // the demo audits every 5 s; a cluster elsewhere only on demand
    m_compare->setClusterKeys(nullptr);
    m_hashTag = request.hashTag;
    m_simulated.clear();
    m_live.clear();
    m_liveWatched.clear();
    m_demo = request.kind == ClusterRequest::Kind::Demo;
    m_watch = !m_demo;
    m_title = request.title();
    if (!request.preset.isEmpty())
        m_preset = request.preset;
    m_hash = request.hash;
    {
        const QSignalBlocker block(m_presetBox);
        m_presetBox->setCurrentText(m_preset);
    }
    updateHashChoices();
    for (auto *a : m_demoActions)
        a->setEnabled(false);
    switch (request.kind) {
    case ClusterRequest::Kind::Demo:
        if (request.proxy == QLatin1String("nginx-hash") && request.preset.isEmpty())
            m_preset = QStringLiteral("nginx-consistent"); // what nginx itself does
        if (request.proxy == QLatin1String("twemproxy") && request.preset.isEmpty()) {
            m_preset = QStringLiteral("twemproxy-ketama");
            m_hash = QStringLiteral("fnv1a_64"); // the generated pool's hash
        }
        if ((request.proxy == QLatin1String("nginx-rr") || request.proxy == QLatin1String("nginx-least-conn"))) {
            // nginx may read from any server: every server holds every key.
            const QSignalBlocker a(m_replicationBox), b(m_replicas), c(m_quorumBox);
            m_replicationBox->setCurrentIndex(m_replicationBox->findData(static_cast<int>(core::ReplicationMode::MultiMaster)));
            m_replicas->setValue(request.demoServers);
            m_quorumBox->setCurrentIndex(m_quorumBox->findData(1));
        }
        {
            const QSignalBlocker block(m_presetBox);
            m_presetBox->setCurrentText(m_preset);
        }
        updateHashChoices();
        m_servers.clear();
        for (int i = 0; i < request.demoServers; ++i)
            m_servers.push_back({"127.0.0.1", static_cast<std::uint16_t>(11211 + i), 1, {}});
        m_scene.reset();
        rebuild(tr("starting a local demo cluster of %1 memcached servers%2…")
                    .arg(request.demoServers)
                    .arg(request.proxy.isEmpty() ? QString() : tr(" behind %1").arg(request.proxy)),
                false);
        m_bridge->startDemo(request.demoServers, request.proxy);
        break;
    case ClusterRequest::Kind::Servers:
    case ClusterRequest::Kind::ConfigFile:
        setTraffic(false, m_rate->value()); // writes need the switch, which is off
        m_servers = request.servers;
        m_scene.reset();
        rebuild(tr("watching %1 (read-only until writing is switched on)").arg(request.title()), false);
        m_bridge->watch(m_servers);
        m_bridge->setPlacement(m_preset, m_hash, m_hashTag, m_points);
        m_bridge->setAuditInterval(0);
        rememberCluster((request.kind == ClusterRequest::Kind::Servers ? QStringLiteral("servers|") : QStringLiteral("file|"))
                        + request.spec + QLatin1Char('|') + m_preset + QLatin1Char('|') + m_hash);
        break;
    case ClusterRequest::Kind::ElastiCache:
        setTraffic(false, m_rate->value());
        logEvent(tr("asking %1 for its nodes…").arg(QString::fromStdString(request.endpoint.address())));
        m_bridge->discover(request.endpoint);
        rememberCluster(QStringLiteral("elasticache|") + request.spec + QLatin1Char('|') + m_preset + QLatin1Char('|') + m_hash);
        break;
    }
    updateStatus();
}

void MainWindow::onDemoStarted(const core::ServerList &servers, const QString &proxyAddress)
{
    m_scene.reset();
    m_servers = servers;
    rebuild(tr("local demo cluster: %1 memcached processes started on 127.0.0.1%2")
                .arg(servers.size())
                .arg(proxyAddress.isEmpty() ? QString()
                                            : tr(", %1 on %2 in front%3")
                                                  .arg(m_bridge->proxyKind(), proxyAddress,
                                                       m_bridge->proxyKind().startsWith(QLatin1String("nginx"))
                                                           ? tr(" (nginx only reads: writes go to the servers)")
                                                           : QString())),
            false);
    m_bridge->watch(servers);
    m_bridge->setPlacement(m_preset, m_hash, m_hashTag, m_points);
    m_bridge->setAuditInterval(5000);
    std::vector<std::string> keys(m_keys->views().begin(), m_keys->views().end());
    m_bridge->seedDemo(std::move(keys), m_preset, m_hash);
    for (auto *a : m_demoActions)
        a->setEnabled(true);
    if (m_trafficAction->isChecked())
        applyTraffic();
    rememberCluster(QStringLiteral("demo|%1|%2").arg(servers.size()).arg(m_bridge->proxyKind()));
    updateStatus();
}

bool MainWindow::demoRunning() const
{
    return m_bridge->hasDemo();
}

void MainWindow::demoAction(int action, int index)
{
    if (index < 0 || index >= static_cast<int>(m_servers.size()))
        return;
    m_bridge->demoAction(static_cast<ClusterBridge::Action>(action),
                         QString::fromStdString(m_servers[static_cast<std::size_t>(index)].address()));
}

bool MainWindow::writable() const
{
    return m_bridge->writable();
}

bool MainWindow::setWritable(bool on, bool confirmed)
{
    if (on && m_replaying) { // a replay contacts no server, let alone writes
        updateStatus();
        return false;
    }
    if (on && !m_demo && !allLoopback(m_servers) && !confirmed) {
        const auto answer = QMessageBox::warning(
            this, tr("Write to this cluster?"),
            tr("%1 is not on this machine. With writing on, RingScope's traffic generator and sample keys write to "
               "it (set, and add for read-repair). Switch writing on?")
                .arg(m_title.isEmpty() ? specOf(m_servers) : m_title),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            const QSignalBlocker block(m_writeAction);
            m_writeAction->setChecked(false);
            return false;
        }
    }
    m_bridge->setWritable(on);
    {
        const QSignalBlocker block(m_writeAction);
        m_writeAction->setChecked(writable());
    }
    if (!m_demo)
        logEvent(on ? tr("writing switched on for %1").arg(specOf(m_servers)) : tr("writing switched off: read-only"));
    if (!writable() && m_trafficAction->isChecked()) {
        const QSignalBlocker block(m_trafficAction);
        m_trafficAction->setChecked(false);
    }
    updateStatus();
    return writable() == on;
}

// --- topology ---------------------------------------------------------------

std::vector<bool> MainWindow::ejected() const
{
    // What-if failures, and real ones when the client auto-ejects.
    const bool rehash = static_cast<core::OnFailure>(m_failureBox->currentData().toInt()) == core::OnFailure::Rehash
        && static_cast<core::ReplicationMode>(m_replicationBox->currentData().toInt()) == core::ReplicationMode::None;
    std::vector<bool> out(m_servers.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < m_servers.size(); ++i) {
        const bool down = i < m_live.size()
            && (m_live[i].stopped || m_live[i].paused || m_live[i].health == core::ServerState::Down);
        out[i] = m_simulated.contains(QString::fromStdString(m_servers[i].label())) || (rehash && down);
        any = any || out[i];
    }
    return any ? out : std::vector<bool>{};
}

QString MainWindow::rebuild(const QString &why, bool animate)
{
    const core::Preset *preset = core::findPreset(m_preset.toStdString());
    if (!preset)
        return tr("unknown preset '%1'").arg(m_preset);
    std::optional<core::HashAlgorithm> hash;
    if (!m_hash.isEmpty())
        hash = core::parseHash(m_hash.toStdString());
    std::string error;
    std::unique_ptr<core::Distribution> d = placementFor(m_preset, m_hash, m_hashTag, m_servers, error, m_points);
    if (!d)
        return QString::fromStdString(error);
    QString hashLabel = QString::fromStdString(core::presetHashLabel(*preset, hash));
    if (!m_hashTag.isEmpty())
        hashLabel += tr(", hash_tag %1").arg(m_hashTag);
    // The picked server stays picked by name, not by row, across the change.
    const int highlighted = m_ring->highlightedServer();
    const QString picked = m_scene && highlighted >= 0 && static_cast<std::size_t>(highlighted) < m_scene->servers.size()
        ? m_scene->servers[static_cast<std::size_t>(highlighted)].label
        : QString();
    m_scene = RingScene::build(*d, m_keys, m_preset, hashLabel, m_scene.get(), ejected());
    m_distribution = std::move(d);
    updateReplicaView();
    m_ring->setScene(m_scene, animate);
    int pickedNow = -1;
    for (std::size_t i = 0; i < m_scene->servers.size(); ++i)
        if (!picked.isEmpty() && m_scene->servers[i].label == picked)
            pickedNow = static_cast<int>(i);
    m_ring->setHighlightedServer(pickedNow);
    std::vector<std::uint32_t> weights;
    for (const auto &s : m_servers)
        weights.push_back(s.weight);
    m_serverModel->setScene(m_scene, std::move(weights));
    m_serverModel->setLive(m_live);
    m_plots->setScene(m_scene);
    m_compare->setCluster(m_servers, m_keys, m_preset, m_hash, m_points, m_hashTag);
    m_inspector->setHashTag(m_hashTag);
    m_inspector->setCluster(m_servers, m_preset, m_hash);
    m_specEdit->setText(specOf(m_servers));
    recordTopology(why);
    if (m_replaying) {
        // The recording has the event line.
    } else if (animate) {
        logEvent(tr("%1: %2 of %3 keys moved (%4%)")
                     .arg(why)
                     .arg(m_scene->moved)
                     .arg(m_keys->size())
                     .arg(100.0 * static_cast<double>(m_scene->moved) / static_cast<double>(std::max<std::size_t>(1, m_keys->size())), 0, 'f', 1),
                 QStringLiteral("topology"));
    } else {
        logEvent(why);
    }
    updateStatus();
    return {};
}

QString MainWindow::setServers(const core::ServerList &servers, const QString &why, bool animate)
{
    if (servers.empty())
        return tr("a cluster needs at least one server");
    if (const std::string dup = core::findDuplicate(servers); !dup.empty())
        return QString::fromStdString(dup);
    const core::ServerList old = m_servers;
    const bool sameServers = old.size() == servers.size()
        && std::equal(old.begin(), old.end(), servers.begin(),
                      [](const core::Server &a, const core::Server &b) { return a.address() == b.address(); });
    m_servers = servers;
    remapLive(); // by address: the ejected servers and the table follow the new list
    if (QString error = rebuild(why, animate); !error.isEmpty()) {
        m_servers = old;
        remapLive();
        return error;
    }
    const bool allDemo = std::all_of(m_servers.begin(), m_servers.end(), [this](const core::Server &s) {
        return m_bridge->isDemoServer(QString::fromStdString(s.address()));
    });
    if (m_demo && allDemo && !sameServers) {
        // The demo's servers are real: watch the new list.
        m_live.clear();
        m_liveWatched.clear();
        m_bridge->watch(m_servers);
        m_bridge->setPlacement(m_preset, m_hash, m_hashTag, m_points);
    } else if (!sameServers) {
        // What-if (a watched cluster, or a list typed while the demo runs):
        // the servers being watched stay watched, and a server that is only
        // in the picture is never contacted — or written to.
        onLive(m_liveWatched);
    }
    if (m_bridge->traffic().enabled)
        applyTraffic(); // our client places keys over the new list
    return {};
}

QString MainWindow::addServer()
{
    if (m_demo) {
        if (!m_bridge->hasDemo())
            return tr("the local demo cluster is not running yet");
        m_bridge->demoAction(ClusterBridge::Action::Add, {});
        return {};
    }
    // What-if: the next free port after the highest one on the first server's host.
    const core::Server s = core::nextFreeServer(m_servers);
    auto next = m_servers;
    next.push_back(s);
    return setServers(next, m_watch ? tr("what-if: added %1 (no server touched)").arg(QString::fromStdString(s.address()))
                                    : tr("added %1").arg(QString::fromStdString(s.address())));
}

QString MainWindow::removeServer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_servers.size()))
        return tr("select a server first (click its arc or its row)");
    if (m_servers.size() == 1)
        return tr("the last server cannot be removed");
    const QString label = QString::fromStdString(m_servers[static_cast<std::size_t>(index)].address());
    if (m_demo) {
        m_bridge->demoAction(ClusterBridge::Action::Remove, label);
        return {};
    }
    auto next = m_servers;
    next.erase(next.begin() + index);
    return setServers(next, m_watch ? tr("what-if: removed %1 (no server touched)").arg(label) : tr("removed %1").arg(label));
}

QString MainWindow::setWeight(int index, int weight)
{
    if (index < 0 || index >= static_cast<int>(m_servers.size()))
        return tr("no server %1").arg(index);
    if (weight < 1)
        return tr("a weight is a whole number from 1 up");
    auto next = m_servers;
    auto &s = next[static_cast<std::size_t>(index)];
    const auto old = s.weight;
    s.weight = static_cast<std::uint32_t>(weight);
    return setServers(next, tr("weight of %1: %2 → %3").arg(QString::fromStdString(s.label())).arg(old).arg(weight));
}

QString MainWindow::simulateFailure(int index, bool failed)
{
    if (index < 0 || index >= static_cast<int>(m_servers.size()))
        return tr("select a server first (click its arc or its row)");
    const QString label = QString::fromStdString(m_servers[static_cast<std::size_t>(index)].label());
    if (failed == m_simulated.contains(label))
        return {};
    if (failed && static_cast<int>(m_simulated.size()) + 1 >= static_cast<int>(m_servers.size()))
        return tr("at least one server has to stay");
    if (failed)
        m_simulated.insert(label);
    else
        m_simulated.remove(label);
    return rebuild(failed ? tr("what-if: %1 fails and is ejected (no server touched)").arg(label)
                          : tr("what-if: %1 is back").arg(label),
                   true);
}

QString MainWindow::setPointsPerServer(int points)
{
    if (points < 0 || points > 10000)
        return tr("points per server: a whole number from 1 to 10000 (0: the preset's default)");
    if (points == m_points)
        return {};
    const int old = m_points;
    m_points = points;
    const QString why = points == 0 ? tr("points per server: the preset's default") : tr("points per server: %1").arg(points);
    if (QString error = rebuild(why, true); !error.isEmpty()) {
        m_points = old;
        return error;
    }
    m_bridge->setPlacement(m_preset, m_hash, m_hashTag, m_points);
    if (m_bridge->traffic().enabled)
        applyTraffic();
    return {};
}

QString MainWindow::setPreset(const QString &preset, const QString &hash)
{
    const QString oldPreset = m_preset, oldHash = m_hash;
    m_preset = preset;
    m_hash = hash;
    if (QString error = rebuild(tr("preset %1 %2").arg(preset, hash), true); !error.isEmpty()) {
        m_preset = oldPreset;
        m_hash = oldHash;
        return error;
    }
    m_bridge->setPlacement(m_preset, m_hash, m_hashTag, m_points);
    m_bridge->audit();
    if (m_bridge->traffic().enabled)
        applyTraffic();
    return {};
}

void MainWindow::remapLive()
{
    // The watched servers, matched by address to the servers in the picture
    // (a what-if server is in the picture only: never contacted).
    std::vector<LiveServer> live;
    if (!m_liveWatched.empty())
        for (const auto &s : m_servers) {
            const QString address = QString::fromStdString(s.address());
            const auto it = std::find_if(m_liveWatched.begin(), m_liveWatched.end(),
                                         [&](const LiveServer &l) { return l.address == address; });
            if (it != m_liveWatched.end()) {
                live.push_back(*it);
            } else {
                LiveServer unknown;
                unknown.address = address;
                unknown.watched = false;
                live.push_back(unknown);
            }
        }
    m_live = std::move(live);
}

void MainWindow::onLive(const std::vector<LiveServer> &watched)
{
    if (&watched != &m_liveWatched)
        m_liveWatched = watched;
    remapLive();
    const std::vector<LiveServer> &live = m_live;
    std::vector<bool> down;
    for (const auto &l : live)
        down.push_back(l.stopped || l.paused || l.health == core::ServerState::Down);
    m_ring->setServersDown(std::move(down));
    // A server going down or coming back moves keys when the client auto-ejects.
    std::vector<bool> now = ejected(), before;
    if (m_scene)
        for (const auto &s : m_scene->servers)
            before.push_back(s.ejected);
    if (now.empty())
        now.assign(before.size(), false);
    if (m_scene && now != before && now.size() == before.size())
        rebuild(tr("on-failure rehash: the ring without the servers that are down"), true);
    m_serverModel->setLive(live);
    m_plots->addLive(live);
    if (m_recorder.active()) {
        QJsonArray servers;
        for (const auto &l : m_liveWatched)
            servers.append(toJson(l));
        m_recorder.write(SessionRecord::Type::Live, {{QStringLiteral("servers"), servers}});
    }
}

// --- traffic and replication ----------------------------------------------

TrafficSettings MainWindow::trafficSettings() const
{
    TrafficSettings t;
    t.enabled = m_trafficAction->isChecked();
    t.rate = m_rate->value();
    t.preset = m_preset;
    t.hash = m_hash;
    t.replication.mode = static_cast<core::ReplicationMode>(m_replicationBox->currentData().toInt());
    t.replication.replicas = t.replication.mode == core::ReplicationMode::None ? 1 : static_cast<std::size_t>(m_replicas->value());
    const int quorum = m_quorumBox->currentData().toInt();
    t.replication.writeQuorum = quorum == -1 ? t.replication.replicas / 2 + 1 : static_cast<std::size_t>(quorum);
    t.replication.readPolicy = static_cast<core::ReadPolicy>(m_policyBox->currentData().toInt());
    t.replication.onFailure = static_cast<core::OnFailure>(m_failureBox->currentData().toInt());
    return t;
}

QString MainWindow::applyTraffic()
{
    const TrafficSettings t = trafficSettings();
    const QString error = m_bridge->configureTraffic(t);
    if (!error.isEmpty()) {
        logEvent(tr("traffic: %1").arg(error), QStringLiteral("traffic"));
        const QSignalBlocker block(m_trafficAction);
        m_trafficAction->setChecked(false);
    } else if (t.enabled) {
        logEvent(tr("traffic %1 ops/s (%2), replication %3, R=%4, reads %5, on failure %6")
                     .arg(t.rate)
                     .arg(m_preset, modeText(t.replication.mode))
                     .arg(t.replication.replicas)
                     .arg(policyText(t.replication.readPolicy),
                          onFailureText(t.replication.onFailure)),
                 QStringLiteral("traffic"));
    }
    m_replicas->setEnabled(t.replication.mode != core::ReplicationMode::None);
    m_quorumBox->setEnabled(t.replication.mode == core::ReplicationMode::MultiMaster);
    updateStatus();
    return error;
}

QString MainWindow::setTraffic(bool on, double rate)
{
    if (on && m_replaying)
        return tr("a recorded session is playing: no traffic, no server is contacted");
    {
        const QSignalBlocker block(m_trafficAction);
        m_trafficAction->setChecked(on);
    }
    {
        const QSignalBlocker block(m_rate);
        m_rate->setValue(static_cast<int>(rate));
    }
    if (!on) {
        m_bridge->configureTraffic(trafficSettings());
        updateStatus();
        return {};
    }
    return applyTraffic();
}

QString MainWindow::setReplication(core::ReplicationMode mode, int replicas, core::ReadPolicy policy,
                                   core::OnFailure onFailure, int writeQuorum)
{
    const QSignalBlocker a(m_replicationBox), b(m_replicas), c(m_policyBox), d(m_failureBox), e(m_quorumBox);
    m_replicationBox->setCurrentIndex(m_replicationBox->findData(static_cast<int>(mode)));
    m_replicas->setValue(replicas);
    m_policyBox->setCurrentIndex(m_policyBox->findData(static_cast<int>(policy)));
    m_failureBox->setCurrentIndex(m_failureBox->findData(static_cast<int>(onFailure)));
    m_quorumBox->setCurrentIndex(std::max(0, m_quorumBox->findData(writeQuorum)));
    updateReplicaView();
    onLive(m_liveWatched); // the ejected servers follow the failure mode
    return m_bridge->traffic().enabled || m_trafficAction->isChecked() ? applyTraffic() : QString();
}

// --- building ---------------------------------------------------------------

void MainWindow::logEvent(const QString &text, const QString &kind)
{
    auto *item = new QListWidgetItem(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz  ")) + text);
    if (kind == QLatin1String("health"))
        item->setForeground(QColor(0xD5, 0x5E, 0x00));
    else if (kind == QLatin1String("replication"))
        item->setForeground(QColor(0x00, 0x72, 0xB2));
    else if (kind == QLatin1String("demo"))
        item->setForeground(QColor(0xCC, 0x79, 0xA7));
    item->setData(Qt::UserRole, kind);
    m_log->insertItem(0, item);
    if (m_recorder.active() && !m_replaying)
        m_recorder.write(SessionRecord::Type::Event, {{QStringLiteral("text"), text}, {QStringLiteral("kind"), kind}});
    while (m_log->count() > 5000)
        delete m_log->takeItem(m_log->count() - 1);
}

void MainWindow::updateStatus()
{
    if (!m_status)
        return;
    const QString hashLabel = m_scene ? m_scene->hash : m_hash;
    const QString mode = m_replaying ? tr("playing a recorded session: no server is contacted")
        : m_demo ? tr("local demo cluster (real memcached on 127.0.0.1, started by RingScope)")
        : m_watch               ? tr("watching %1").arg(m_title.isEmpty() ? tr("a cluster") : m_title)
                                : tr("offline: no server is contacted");
    m_status->setText(tr("%1 servers · %2 (%3) · %4 sample keys · %5")
                          .arg(m_servers.size())
                          .arg(m_preset, hashLabel)
                          .arg(m_keys->size())
                          .arg(mode));
    if (m_bridge->traffic().enabled && writable())
        m_trafficLabel->setText(tr("traffic %1 ops/s · hit %2 · p99 %3 ms")
                                    .arg(m_bridge->traffic().rate)
                                    .arg(m_lastSample.hitRatio >= 0 ? QString::number(100 * m_lastSample.hitRatio, 'f', 0) + QLatin1Char('%')
                                                                     : QStringLiteral("—"))
                                    .arg(m_lastSample.p99Ms, 0, 'f', 1));
    else
        m_trafficLabel->setText(tr("no traffic"));
    const bool w = writable();
    if (!m_demo && !m_watch) {
        m_writeLabel->setText(tr(" OFFLINE "));
        m_writeLabel->setStyleSheet(QStringLiteral("background:#777; color:white; border-radius:3px"));
    } else {
        m_writeLabel->setText(w ? tr(" WRITING ") : tr(" READ-ONLY "));
        m_writeLabel->setStyleSheet(w ? QStringLiteral("background:#D55E00; color:white; border-radius:3px; font-weight:bold")
                                      : QStringLiteral("background:#009E73; color:white; border-radius:3px; font-weight:bold"));
    }
    m_writeLabel->setToolTip(w ? tr("RingScope may write to this cluster (sample keys, traffic, read-repair)")
                               : tr("RingScope only reads: stats, metadump, mg without LRU bump"));
    m_writeAction->setEnabled(!m_demo && m_watch);
    {
        const QSignalBlocker block(m_writeAction);
        m_writeAction->setChecked(w);
    }
    QString title = tr("RingScope");
    if (!m_title.isEmpty())
        title += QStringLiteral(" — ") + m_title;
    setWindowTitle(title);
}

int MainWindow::selectedServer() const
{
    return m_serverTable->currentIndex().isValid() ? m_serverTable->currentIndex().row() : m_ring->highlightedServer();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    setPresentation(false); // the layout saved is the everyday one
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kStateVersion));
    QMainWindow::closeEvent(event);
}

} // namespace ringscope::ui
