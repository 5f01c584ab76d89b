#include "mainwindow.h"

#include "core/cluster/serverspec.h"
#include "core/distribution/preset.h"
#include "models/servertablemodel.h"
#include "panels/keyinspector.h"
#include "views/ringview.h"
#include "bridge/clusterbridge.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include <set>

namespace ringscope::ui {
namespace {

QString specOf(const core::ServerList &servers)
{
    QStringList parts;
    for (const auto &s : servers) {
        QString part = QString::fromStdString(s.address());
        if (s.weight != 1)
            part += QLatin1Char(':') + QString::number(s.weight);
        if (!s.name.empty())
            part += QLatin1Char(' ') + QString::fromStdString(s.name);
        parts << part;
    }
    return parts.join(QLatin1Char(','));
}

QString latin(std::string_view s)
{
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_servers(options.servers)
    , m_preset(options.preset)
    , m_hash(options.hash)
    , m_keys(core::KeySet::synthetic(static_cast<std::size_t>(options.keyCount)))
    , m_ring(new RingView(this))
    , m_serverModel(new ServerTableModel(this))
{
    setWindowTitle(tr("RingScope"));
    setCentralWidget(m_ring);
    buildToolBar();
    buildDocks();
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);
    connect(m_ring, &RingView::keyHovered, m_inspector, &KeyInspector::inspect);
    connect(m_ring, &RingView::serverClicked, this, [this](int server) {
        if (server >= 0)
            m_serverTable->selectRow(server);
        else
            m_serverTable->clearSelection();
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());

    m_bridge = new ClusterBridge(this);
    connect(m_bridge, &ClusterBridge::event, this, &MainWindow::logEvent);
    connect(m_inspector, &KeyInspector::keyChanged, m_bridge, &ClusterBridge::inspectKey);
    connect(m_bridge, &ClusterBridge::keyHeld, m_inspector, &KeyInspector::showHeld);
    connect(m_bridge, &ClusterBridge::liveChanged, this, [this](const std::vector<LiveServer> &live) {
        std::vector<bool> down;
        for (const auto &l : live)
            down.push_back(l.stopped || l.paused || l.health == core::ServerState::Down);
        m_ring->setServersDown(std::move(down));
        m_serverModel->setLive(live);
    });
    m_demo = options.demoServers > 0;
    m_watch = options.watch;
    if (m_demo) {
        connect(m_bridge, &ClusterBridge::demoStarted, this, [this](const core::ServerList &servers) {
            m_scene.reset();
            setServers(servers, tr("local demo cluster: %1 memcached processes started on 127.0.0.1").arg(servers.size()),
                       false);
            m_bridge->watch(servers);
            std::vector<std::string> keys(m_keys.views().begin(), m_keys.views().end());
            m_bridge->seedDemo(std::move(keys), m_preset, m_hash);
            for (auto *a : m_demoActions)
                a->setEnabled(true);
        });
        connect(m_bridge, &ClusterBridge::demoFailed, this, [this](const QString &error) {
            logEvent(tr("the local demo cluster could not start: %1").arg(error));
            QMessageBox::warning(this, tr("Local demo cluster"), error);
        });
        connect(m_bridge, &ClusterBridge::seeded, this, [this](qulonglong keys, qulonglong failures) {
            logEvent(tr("wrote the %1 sample keys to the demo cluster with %2%3")
                         .arg(keys)
                         .arg(m_preset, failures ? tr(" (%1 failed)").arg(failures) : QString()));
        });
        m_bridge->startDemo(options.demoServers);
    } else if (options.watch) {
        m_bridge->watch(m_servers);
    }
    if (const QString error = rebuild(m_demo ? tr("starting a local demo cluster of %1 memcached servers…").arg(options.demoServers)
                                             : tr("opened %1").arg(specOf(m_servers)),
                                      false);
        !error.isEmpty())
        logEvent(error);
}

bool MainWindow::demoRunning() const
{
    return m_bridge->hasDemo();
}

void MainWindow::demoAction(int action, int index)
{
    m_bridge->demoAction(static_cast<ClusterBridge::Action>(action), index);
}

int MainWindow::selectedServer() const
{
    return m_serverTable->currentIndex().isValid() ? m_serverTable->currentIndex().row() : m_ring->highlightedServer();
}

void MainWindow::buildDemoActions(QToolBar *bar)
{
    // Real failures, on the processes RingScope started itself.
    const struct {
        QString text;
        QString tip;
        QKeySequence key;
        ClusterBridge::Action action;
    } actions[] = {
        {tr("Kill"), tr("SIGKILL the selected demo server: a crash"), QKeySequence(Qt::Key_K), ClusterBridge::Action::Kill},
        {tr("Hang"), tr("SIGSTOP the selected demo server: it stops answering"), QKeySequence(Qt::Key_H),
         ClusterBridge::Action::Pause},
        {tr("Resume"), tr("SIGCONT the selected demo server"), QKeySequence(Qt::Key_U), ClusterBridge::Action::Resume},
        {tr("Restart"), tr("Start the selected demo server again, empty"), QKeySequence(Qt::Key_T),
         ClusterBridge::Action::Restart},
    };
    bar->addSeparator();
    for (const auto &a : actions) {
        auto *action = bar->addAction(a.text, this, [this, which = a.action] {
            const int server = selectedServer();
            if (server < 0) {
                QMessageBox::information(this, tr("Demo cluster"), tr("Select a server first (click its arc or its row)."));
                return;
            }
            m_bridge->demoAction(which, server);
        });
        action->setToolTip(a.tip);
        action->setShortcut(a.key);
        action->setEnabled(false);
        m_demoActions.append(action);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::buildToolBar()
{
    auto *bar = addToolBar(tr("Cluster"));
    bar->setObjectName(QStringLiteral("clusterToolBar"));
    m_presetBox = new QComboBox(bar);
    for (const auto &p : core::allPresets()) {
        m_presetBox->addItem(latin(p.name));
        m_presetBox->setItemData(m_presetBox->count() - 1, latin(p.software), Qt::ToolTipRole);
    }
    m_presetBox->setCurrentText(m_preset);
    m_hashBox = new QComboBox(bar);
    m_specEdit = new QLineEdit(specOf(m_servers), bar);
    m_specEdit->setMinimumWidth(320);
    m_specEdit->setToolTip(tr("host:port[:weight][ name], separated by commas; Enter applies"));
    m_keyCount = new QSpinBox(bar);
    m_keyCount->setRange(100, 1000000);
    m_keyCount->setSingleStep(10000);
    m_keyCount->setValue(static_cast<int>(m_keys.size()));
    m_keyCount->setSuffix(tr(" keys"));

    bar->addWidget(new QLabel(tr(" Preset "), bar));
    bar->addWidget(m_presetBox);
    bar->addWidget(new QLabel(tr(" Hash "), bar));
    bar->addWidget(m_hashBox);
    bar->addWidget(new QLabel(tr(" Servers "), bar));
    bar->addWidget(m_specEdit);
    bar->addWidget(m_keyCount);
    // Actions on a second row, so that nothing hides behind the overflow arrow.
    addToolBarBreak();
    bar = addToolBar(tr("Actions"));
    bar->setObjectName(QStringLiteral("actionsToolBar"));
    auto *add = bar->addAction(tr("Add server"), this, [this] {
        if (const QString e = addServer(); !e.isEmpty())
            QMessageBox::warning(this, tr("Add server"), e);
    });
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    auto *remove = bar->addAction(tr("Remove server"), this, [this] {
        if (const QString e = removeServer(selectedServer()); !e.isEmpty())
            QMessageBox::warning(this, tr("Remove server"), e);
    });
    remove->setShortcut(QKeySequence::Delete);
    auto *replay = bar->addAction(tr("Replay"), m_ring, &RingView::replay);
    replay->setShortcut(QKeySequence(Qt::Key_R));
    buildDemoActions(bar);

    updateHashChoices();
    connect(m_presetBox, &QComboBox::currentTextChanged, this, [this](const QString &preset) {
        m_hash.clear();
        updateHashChoices();
        setPreset(preset, QString());
    });
    connect(m_hashBox, &QComboBox::currentTextChanged, this, [this](const QString &hash) {
        if (!hash.isEmpty() && hash != m_hash && m_hashBox->isEnabled())
            setPreset(m_preset, hash);
    });
    connect(m_specEdit, &QLineEdit::returnPressed, this, [this] {
        const auto parsed = core::parseServerList(m_specEdit->text().toStdString());
        if (!parsed) {
            QMessageBox::warning(this, tr("Servers"), QString::fromStdString(parsed.error));
            return;
        }
        setServers(*parsed.value, tr("servers set to %1").arg(m_specEdit->text()));
    });
    connect(m_keyCount, &QSpinBox::editingFinished, this, [this] {
        m_keys = core::KeySet::synthetic(static_cast<std::size_t>(m_keyCount->value()));
        m_scene.reset();
        rebuild(tr("%1 sample keys").arg(m_keyCount->value()), false);
    });
}

void MainWindow::updateHashChoices()
{
    const core::Preset *p = core::findPreset(m_preset.toStdString());
    const QSignalBlocker block(m_hashBox);
    m_hashBox->clear();
    if (!p)
        return;
    if (p->hashSelectable) {
        for (const auto &h : core::allHashes())
            m_hashBox->addItem(latin(h.name));
        m_hashBox->setCurrentText(m_hash.isEmpty() ? latin(core::hashName(p->defaultHash)) : m_hash);
    } else {
        m_hashBox->addItem(QString::fromStdString(core::presetHashLabel(*p, std::nullopt)));
    }
    m_hashBox->setEnabled(p->hashSelectable);
}

void MainWindow::buildDocks()
{
    auto *servers = new QDockWidget(tr("Servers"), this);
    servers->setObjectName(QStringLiteral("serversDock"));
    m_serverTable = new QTableView(servers);
    m_serverTable->setModel(m_serverModel);
    m_serverTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_serverTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_serverTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_serverTable->verticalHeader()->hide();
    servers->setWidget(m_serverTable);
    addDockWidget(Qt::RightDockWidgetArea, servers);
    connect(m_serverTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_ring->setHighlightedServer(current.isValid() ? current.row() : -1); });

    auto *inspector = new QDockWidget(tr("Key inspector"), this);
    inspector->setObjectName(QStringLiteral("inspectorDock"));
    m_inspector = new KeyInspector(inspector);
    inspector->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspector);

    auto *log = new QDockWidget(tr("Events"), this);
    log->setObjectName(QStringLiteral("eventsDock"));
    m_log = new QListWidget(log);
    log->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, log);
    resizeDocks({servers, inspector}, {620, 620}, Qt::Horizontal);
    resizeDocks({log}, {110}, Qt::Vertical);
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
    auto d = core::makeDistribution(*preset, m_servers, hash, {}, error);
    if (!d)
        return QString::fromStdString(error);
    const QString hashLabel = QString::fromStdString(core::presetHashLabel(*preset, hash));
    m_scene = RingScene::build(*d, m_keys, m_preset, hashLabel, m_scene.get());
    m_ring->setScene(m_scene, animate);
    std::vector<std::uint32_t> weights;
    for (const auto &s : m_servers)
        weights.push_back(s.weight);
    m_serverModel->setScene(m_scene, std::move(weights));
    m_inspector->setCluster(m_servers, m_preset, m_hash);
    m_specEdit->setText(specOf(m_servers));
    if (animate)
        logEvent(tr("%1: %2 of %3 keys moved (%4%)")
                     .arg(why)
                     .arg(m_scene->moved)
                     .arg(m_keys.size())
                     .arg(100.0 * static_cast<double>(m_scene->moved) / static_cast<double>(std::max<std::size_t>(1, m_keys.size())), 0, 'f', 1));
    else
        logEvent(why);
    m_status->setText(tr("%1 servers · %2 (%3) · %4 sample keys · %5")
                          .arg(m_servers.size())
                          .arg(m_preset, hashLabel)
                          .arg(m_keys.size())
                          .arg(m_demo ? tr("local demo cluster (real memcached on 127.0.0.1, started by RingScope)")
                               : m_watch ? tr("watching: servers are read, never written")
                                         : tr("offline: no server is contacted")));
    return {};
}

QString MainWindow::setServers(const core::ServerList &servers, const QString &why, bool animate)
{
    if (servers.empty())
        return tr("a cluster needs at least one server");
    const core::ServerList old = m_servers;
    m_servers = servers;
    if (QString error = rebuild(why, animate); !error.isEmpty()) {
        m_servers = old;
        return error;
    }
    return {};
}

QString MainWindow::addServer()
{
    // The next free port after the highest one on the first server's host.
    std::set<std::string> taken;
    std::uint16_t port = 11211;
    const std::string host = m_servers.empty() ? std::string("127.0.0.1") : m_servers.front().host;
    for (const auto &s : m_servers) {
        taken.insert(s.address());
        if (s.host == host)
            port = std::max<std::uint16_t>(port, s.port);
    }
    core::Server s{host, port, 1, {}};
    while (taken.count(s.address()) && s.port < 65535)
        ++s.port;
    auto next = m_servers;
    next.push_back(s);
    return setServers(next, tr("added %1").arg(QString::fromStdString(s.address())));
}

QString MainWindow::removeServer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_servers.size()))
        return tr("select a server first (click its arc or its row)");
    if (m_servers.size() == 1)
        return tr("the last server cannot be removed");
    auto next = m_servers;
    const QString label = QString::fromStdString(next[static_cast<std::size_t>(index)].address());
    next.erase(next.begin() + index);
    return setServers(next, tr("removed %1").arg(label));
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
    return {};
}

void MainWindow::logEvent(const QString &text)
{
    m_log->insertItem(0, QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace ringscope::ui
