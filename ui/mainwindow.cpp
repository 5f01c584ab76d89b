#include "ui/mainwindow.h"
#include "ui/util/strings.h"

#include "core/placement/keyset.h"
#include "core/distribution/distribution.h"
#include "ui/models/servertablemodel.h"
#include "ui/panels/comparisonpanel.h"
#include "ui/panels/eventlog.h"
#include "ui/panels/keyinspector.h"
#include "ui/panels/lessonpanel.h"
#include "ui/panels/placementbar.h"
#include "ui/panels/plotspanel.h"
#include "ui/panels/trafficbar.h"
#include "ui/session/sessionplayer.h"
#include "ui/session/sessionrecorder.h"
#include "ui/models/ringscene.h"
#include "ui/views/ringview.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace ringscope::ui {

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ClusterSession(this))
    , m_recorder(new SessionRecorder(*m_session, this))
    , m_player(new SessionPlayer(*m_session, this))
    , m_ring(new RingView(this))
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

    m_placementBar = new PlacementBar(*m_session, this);
    addToolBar(m_placementBar);
    addToolBarBreak(); // actions on a second row, so that nothing hides behind the overflow arrow
    buildActionsBar();
    addToolBarBreak();
    m_trafficBar = new TrafficBar(*m_session, this);
    addToolBar(m_trafficBar);
    buildDocks();
    buildMenus();
    // Every shortcut works with the menus and toolbars hidden too (presentation mode).
    for (QAction *a : findChildren<QAction *>())
        if (!a->shortcut().isEmpty() && !actions().contains(a))
            addAction(a);
    m_status = new QLabel(this);
    m_trafficLabel = new QLabel(this);
    m_writeLabel = new QLabel(this);
    m_writeLabel->setMargin(2);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_trafficLabel);
    statusBar()->addPermanentWidget(m_writeLabel);

    const auto tell = [this](const QString &title, const QString &error) { QMessageBox::warning(this, title, error); };
    connect(m_placementBar, &PlacementBar::connectRequested, this, &MainWindow::connectDialog);
    connect(m_placementBar, &PlacementBar::refused, this, tell);
    connect(m_trafficBar, &TrafficBar::refused, this, [this](const QString &title, const QString &text) {
        QMessageBox::information(this, title, text);
    });
    connect(m_ring, &RingView::keyHovered, m_inspector, &KeyInspector::inspectHovered);
    connect(m_ring, &RingView::serverClicked, m_session, &ClusterSession::setSelectedServer);
    connect(m_serverModel, &ServerTableModel::weightEdited, this, [this](int row, int weight) {
        // Queued: the edit finishes before the model is reset by the change.
        QMetaObject::invokeMethod(this, [this, row, weight] {
            if (const QString e = m_session->setWeight(row, weight); !e.isEmpty())
                m_session->note(EventKind::Info, e);
        }, Qt::QueuedConnection);
    });
    connect(m_inspector, &KeyInspector::keyChanged, m_session, &ClusterSession::inspectKey);
    connect(m_lessons, &LessonPanel::viewRequested, this, &MainWindow::showView);
    connectSession();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kStateVersion);
    m_darkAction->setChecked(settings.value(QStringLiteral("view/dark"), false).toBool());

    m_session->start(options);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The session stops the demo cluster and the traffic; nothing it says now
    // may reach this half-destroyed window.
    m_session->disconnect(this);
    m_recorder->stop();
}

void MainWindow::connectSession()
{
    ClusterSession &s = *m_session;
    connect(&s, &ClusterSession::sceneChanged, this,
            [this](const std::shared_ptr<const RingScene> &scene, bool animate, const QString &) { showScene(scene, animate); });
    connect(&s, &ClusterSession::liveChanged, this, &MainWindow::showLive);
    connect(&s, &ClusterSession::statsPolled, this, [this](const std::vector<LiveServer> &live) {
        showLive(live);
        m_plots->addLive(live); // one point per poll
    });
    connect(&s, &ClusterSession::trafficSampled, this, [this](const TrafficSample &sample) {
        m_plots->addTraffic(sample);
        updateStatus();
    });
    connect(&s, &ClusterSession::event, this, &MainWindow::logEvent);
    connect(&s, &ClusterSession::modeChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(&s, &ClusterSession::trafficChanged, this, &MainWindow::updateStatus);
    connect(&s, &ClusterSession::audited, this, &MainWindow::updateStatus);
    connect(&s, &ClusterSession::replicationChanged, this, &MainWindow::showReplicas);
    connect(&s, &ClusterSession::selectionChanged, this, [this](int server) {
        m_ring->setHighlightedServer(server);
        m_inspector->setPickedServer(server);
        if (server >= 0)
            m_serverTable->selectRow(server);
        else
            m_serverTable->clearSelection();
    });
    connect(&s, &ClusterSession::clusterOpened, this, &MainWindow::rememberCluster);
    connect(&s, &ClusterSession::clusterKeys, m_compare, &ComparisonPanel::setClusterKeys);
    connect(&s, &ClusterSession::clusterReplaced, m_plots, &PlotsPanel::clearTimeSeries);
    connect(&s, &ClusterSession::keyHeld, m_inspector, &KeyInspector::showHeld);
    connect(&s, &ClusterSession::problem, this, [this](const QString &title, const QString &text) {
        QMessageBox::warning(this, title, text);
    });
    connect(m_recorder, &SessionRecorder::activeChanged, this, [this](bool on) {
        const QSignalBlocker block(m_recordAction);
        m_recordAction->setChecked(on);
    });
}

void MainWindow::showScene(const std::shared_ptr<const RingScene> &scene, bool animate)
{
    m_ring->setScene(scene, animate);
    // The picked server, as the session has it (a change of it follows at once).
    m_ring->setHighlightedServer(m_session->selectedServer());
    std::vector<std::uint32_t> weights;
    for (const auto &server : m_session->servers())
        weights.push_back(server.weight);
    m_serverModel->setScene(scene, std::move(weights));
    m_serverModel->setLive(m_session->live());
    if (m_session->selectedServer() >= 0)
        m_serverTable->selectRow(m_session->selectedServer());
    m_plots->setScene(scene);
    m_compare->setCluster(m_session->servers(), m_session->keys(), m_session->preset(), m_session->hash(),
                          m_session->pointsPerServer(), m_session->hashTag());
    m_inspector->setHashTag(m_session->hashTag());
    m_inspector->setCluster(m_session->servers(), m_session->preset(), m_session->hash());
    showReplicas();
    updateStatus();
}

void MainWindow::showLive(const std::vector<LiveServer> &live)
{
    std::vector<bool> down;
    down.reserve(live.size());
    for (const auto &l : live)
        down.push_back(l.isDown());
    m_ring->setServersDown(std::move(down));
    m_serverModel->setLive(live);
}

void MainWindow::logEvent(EventKind kind, const QString &text)
{
    m_log->add(kind, text);
    if (marksPlots(kind))
        m_plots->addMarker(text, eventKindName(kind));
}

void MainWindow::showReplicas()
{
    const int replicas = m_session->replication().copies();
    m_inspector->setReplicas(replicas);
    const auto d = m_session->distribution();
    if (!d || !d->deterministic()) {
        m_ring->setReplicaLookup({}, 1);
        return;
    }
    m_ring->setReplicaLookup([d](std::string_view key, std::size_t count) { return d->successors(key, count); }, replicas);
}

void MainWindow::updateActions()
{
    const bool demo = m_session->mode() == ClusterSession::Mode::Demo && m_session->demoRunning();
    for (auto *a : m_demoActions)
        a->setEnabled(demo);
    const bool w = m_session->writable();
    m_writeAction->setEnabled(m_session->mode() == ClusterSession::Mode::Watching);
    const QSignalBlocker block(m_writeAction);
    m_writeAction->setChecked(w);
}

bool MainWindow::setWritable(bool on, bool confirmed)
{
    if (on && !confirmed && m_session->writingNeedsConfirmation()) {
        const auto answer = QMessageBox::warning(
            this, tr("Write to this cluster?"),
            tr("%1 is not on this machine. With writing on, RingScope's traffic generator and sample keys write to "
               "it (set, and add for read-repair). Switch writing on?")
                .arg(m_session->title().isEmpty() ? specOf(m_session->servers()) : m_session->title()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            updateActions();
            return false;
        }
    }
    const bool done = m_session->setWritable(on);
    updateActions();
    return done;
}

void MainWindow::updateStatus()
{
    if (!m_status)
        return;
    const auto scene = m_session->scene();
    const QString hashLabel = scene ? scene->hash : m_session->hash();
    QString mode;
    switch (m_session->mode()) {
    case ClusterSession::Mode::Replay:
        mode = tr("playing a recorded session: no server is contacted");
        break;
    case ClusterSession::Mode::Demo:
        mode = tr("local demo cluster (real memcached on 127.0.0.1, started by RingScope)");
        break;
    case ClusterSession::Mode::Watching:
        mode = tr("watching %1").arg(m_session->title().isEmpty() ? tr("a cluster") : m_session->title());
        break;
    case ClusterSession::Mode::Offline:
        mode = tr("offline: no server is contacted");
        break;
    }
    QString status = tr("%1 servers · %2 (%3) · %4 sample keys · %5")
                         .arg(m_session->servers().size())
                         .arg(m_session->preset(), hashLabel)
                         .arg(m_session->keys()->size())
                         .arg(mode);
    if (!m_session->ejected().empty())
        status += tr(" · a server is down: %1").arg(m_session->failoverSummary());
    if (const QString audit = m_session->auditSummary(); !audit.isEmpty())
        status += tr(" · audit: %1").arg(audit);
    m_status->setText(status);
    const TrafficSample &last = m_session->lastTrafficSample();
    if (m_session->trafficRunning() && m_session->writable())
        m_trafficLabel->setText(tr("traffic %1 ops/s · hit %2 · p99 %3 ms")
                                    .arg(m_session->trafficRate())
                                    .arg(last.hitRatio >= 0 ? QString::number(100 * last.hitRatio, 'f', 0) + QLatin1Char('%')
                                                            : QStringLiteral("—"))
                                    .arg(last.p99Ms, 0, 'f', 1));
    else
        m_trafficLabel->setText(tr("no traffic"));
    const bool w = m_session->writable();
    const auto m = m_session->mode();
    if (m == ClusterSession::Mode::Offline || m == ClusterSession::Mode::Replay) {
        m_writeLabel->setText(tr(" OFFLINE "));
        m_writeLabel->setStyleSheet(QStringLiteral("background:#777; color:white; border-radius:3px"));
    } else {
        m_writeLabel->setText(w ? tr(" WRITING ") : tr(" READ-ONLY "));
        m_writeLabel->setStyleSheet(w ? QStringLiteral("background:#D55E00; color:white; border-radius:3px; font-weight:bold")
                                      : QStringLiteral("background:#009E73; color:white; border-radius:3px; font-weight:bold"));
    }
    m_writeLabel->setToolTip(w ? tr("RingScope may write to this cluster (sample keys, traffic, read-repair)")
                               : tr("RingScope only reads: stats, metadump, mg without LRU bump"));
    updateActions();
    QString title = tr("RingScope");
    if (!m_session->title().isEmpty())
        title += QStringLiteral(" — ") + m_session->title();
    setWindowTitle(title);
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
