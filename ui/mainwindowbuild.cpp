// The window's menus, toolbars and docks.
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

#include <set>

namespace ringscope::ui {
namespace {

const char *const kRecentKey = "recentClusters";

} // namespace

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&Cluster"));
    auto *connectAction = file->addAction(tr("&Connect…"), this, [this] {
        ConnectDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            openCluster(dialog.request());
    });
    connectAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Recent clusters"));
    rebuildRecentMenu();
    file->addSeparator();
    m_writeAction = file->addAction(tr("&Writing allowed"));
    m_writeAction->setCheckable(true);
    m_writeAction->setToolTip(tr("Let RingScope write (sample keys, traffic, read-repair) to this cluster"));
    connect(m_writeAction, &QAction::toggled, this, [this](bool on) { setWritable(on); });
    m_whatIfAction = file->addAction(tr("What-if: &fail the selected server"), this, [this] {
        const int s = selectedServer();
        const bool failed = s >= 0 && m_scene && static_cast<std::size_t>(s) < m_scene->servers.size()
            && m_scene->servers[static_cast<std::size_t>(s)].ejected;
        if (const QString e = simulateFailure(s, !failed); !e.isEmpty())
            QMessageBox::information(this, tr("What-if"), e);
    });
    m_whatIfAction->setShortcut(QKeySequence(Qt::Key_F));
    file->addSeparator();
    m_recordAction = file->addAction(tr("&Record session…"));
    m_recordAction->setCheckable(true);
    m_recordAction->setToolTip(tr("Save topology changes, health, stats and traffic to a file, to play without servers"));
    connect(m_recordAction, &QAction::toggled, this, [this](bool on) {
        if (!on)
            return stopRecording();
        const QString path = QFileDialog::getSaveFileName(this, tr("Record the session"),
                                                          QDir::homePath() + QStringLiteral("/ringscope-session.jsonl"),
                                                          tr("RingScope session (*.jsonl)"));
        if (path.isEmpty()) {
            const QSignalBlocker block(m_recordAction);
            m_recordAction->setChecked(false);
        } else if (const QString error = startRecording(path); !error.isEmpty()) {
            const QSignalBlocker block(m_recordAction);
            m_recordAction->setChecked(false);
            QMessageBox::warning(this, tr("Record the session"), error);
        }
    });
    file->addAction(tr("&Play a recorded session…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Play a session"), QDir::homePath(),
                                                          tr("RingScope session (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            if (const QString error = playSession(path); !error.isEmpty())
                QMessageBox::warning(this, tr("Play a session"), error);
    });
    file->addSeparator();
    auto *exports = file->addMenu(tr("&Export"));
    // Each export asks for a file (its suffix added when missing) and says what went wrong.
    const auto exportAs = [this](const QString &title, const QString &filter, const QString &suffix,
                                 QString (MainWindow::*write)(const QString &)) {
        exportWithDialog(title, filter, suffix, [this, write](const QString &p) { return (this->*write)(p); });
    };
    const QString png = QStringLiteral(".png"), svg = QStringLiteral(".svg"), pdf = QStringLiteral(".pdf"),
                  csv = QStringLiteral(".csv");
    exports->addAction(tr("Ring as &PNG…"), this, [=] {
        exportAs(tr("Export the ring"), tr("PNG image (*.png)"), png, &MainWindow::exportRing);
    });
    exports->addAction(tr("Ring as &SVG…"), this, [=] {
        exportAs(tr("Export the ring"), tr("SVG image (*.svg)"), svg, &MainWindow::exportRing);
    });
    exports->addAction(tr("Current plot as P&NG…"), this, [=] {
        exportAs(tr("Export the plot"), tr("PNG image (*.png)"), png, &MainWindow::exportPlot);
    });
    exports->addAction(tr("Current plot as P&DF…"), this, [=] {
        exportAs(tr("Export the plot"), tr("PDF document (*.pdf)"), pdf, &MainWindow::exportPlot);
    });
    exports->addSeparator();
    exports->addAction(tr("Servers as &CSV…"), this, [=] {
        exportAs(tr("Export the servers"), tr("CSV table (*.csv)"), csv, &MainWindow::exportServers);
    });
    exports->addAction(tr("&Keys as CSV…"), this, [=] {
        exportAs(tr("Export the keys"), tr("CSV table (*.csv)"), csv, &MainWindow::exportKeys);
    });
    exports->addAction(tr("C&omparison as CSV…"), this, [=] {
        exportAs(tr("Export the comparison"), tr("CSV table (*.csv)"), csv, &MainWindow::exportComparison);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    auto *view = menuBar()->addMenu(tr("&View"));
    m_darkAction = view->addAction(tr("&Dark theme"));
    m_darkAction->setCheckable(true);
    connect(m_darkAction, &QAction::toggled, this, &MainWindow::setDarkTheme);
    auto *replicas = view->addAction(tr("Show &replicas"));
    replicas->setCheckable(true);
    replicas->setShortcut(QKeySequence(Qt::Key_P));
    replicas->setToolTip(tr("With a server picked out and R > 1, the keys it keeps as a replica get a halo (P)"));
    connect(replicas, &QAction::toggled, m_ring, &RingView::setShowReplicas);
    m_presentAction = view->addAction(tr("&Presentation mode"));
    m_presentAction->setCheckable(true);
    m_presentAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentAction->setToolTip(tr("Full screen, large type, high contrast: the ring and one plot (Esc leaves)"));
    connect(m_presentAction, &QAction::toggled, this, &MainWindow::setPresentation);
    addAction(m_presentAction); // F11 works with the menu bar hidden
    auto *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(language);
    const QString saved = savedLanguage();
    const QList<QPair<QString, QString>> choices{{QString(), tr("System default")},
                                                 {QStringLiteral("en"), QStringLiteral("English")},
                                                 {QStringLiteral("ru"), QStringLiteral("Русский")}};
    for (const auto &[code, name] : choices) {
        if (!code.isEmpty() && !availableLanguages().contains(code))
            continue;
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == saved);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code, name = name] {
            saveLanguage(code);
            const auto answer = QMessageBox::question(
                this, tr("Language"),
                code.isEmpty() ? tr("RingScope will follow the system's language from its next start. Restart now? (A demo cluster is started anew.)")
                               : tr("RingScope will speak %1 from its next start. Restart now? (A demo cluster is started anew.)").arg(name));
            if (answer == QMessageBox::Yes && QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                                                      QCoreApplication::arguments().mid(1)))
                close();
        });
    }
    view->addSeparator();
    for (auto *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    auto *lessons = menuBar()->addMenu(tr("&Lessons"));
    for (int i = 0; i < m_lessons->lessonCount(); ++i)
        if (const QString title = m_lessons->lessonTitle(i); !title.isEmpty())
            lessons->addAction(title, this, [this, i] { openLesson(i); });
    lessons->addSeparator();
    lessons->addAction(tr("Your own lessons go in %1").arg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                            + QStringLiteral("/lessons")))
        ->setEnabled(false);

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RingScope"), this, [this] {
        QMessageBox::about(
            this, tr("About RingScope"),
            tr("<h3>RingScope %1</h3>"
               "<p>The consistent-hash ring of memcached clusters: which server owns which key, placed "
               "exactly as libmemcached, twemproxy, python-memcached, pymemcache, spymemcached, nginx, "
               "mcrouter and memcached's proxy place it; live stats, failover and replication on real "
               "servers.</p>"
               "<p>GPL-3.0-or-later. Plots by QCustomPlot (GPL-3.0); Qt %2; asio.</p>")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rememberCluster(const QString &entry)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > 10)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &entry : recent) {
        const QStringList f = entry.split(QLatin1Char('|'));
        ClusterRequest r;
        QString text;
        if (f.value(0) == QLatin1String("demo")) {
            r.kind = ClusterRequest::Kind::Demo;
            r.demoServers = std::clamp(f.value(1).toInt(), 1, 32);
            r.proxy = f.value(2);
        } else if (f.value(0) == QLatin1String("servers") || f.value(0) == QLatin1String("file")
                   || f.value(0) == QLatin1String("elasticache")) {
            r.kind = f.value(0) == QLatin1String("servers") ? ClusterRequest::Kind::Servers
                : f.value(0) == QLatin1String("file")       ? ClusterRequest::Kind::ConfigFile
                                                            : ClusterRequest::Kind::ElastiCache;
            r.spec = f.value(1);
            r.preset = f.value(2);
            r.hash = f.value(3);
        } else {
            continue;
        }
        m_recentMenu->addAction(r.kind == ClusterRequest::Kind::Demo ? r.title() : r.spec, this, [this, r] {
            // Check it again: a file may have changed or gone since.
            ConnectDialog dialog(this);
            dialog.setRequest(r);
            if (const QString e = dialog.check(); !e.isEmpty()) {
                QMessageBox::warning(this, tr("Open cluster"), e);
                return;
            }
            openCluster(dialog.request());
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
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
        {tr("Kill"), tr("SIGKILL the selected demo server: a crash (K)"), QKeySequence(Qt::Key_K), ClusterBridge::Action::Kill},
        {tr("Hang"), tr("SIGSTOP the selected demo server: it stops answering (H)"), QKeySequence(Qt::Key_H),
         ClusterBridge::Action::Pause},
        {tr("Resume"), tr("SIGCONT the selected demo server (U)"), QKeySequence(Qt::Key_U), ClusterBridge::Action::Resume},
        {tr("Restart"), tr("Start the selected demo server again, empty (T)"), QKeySequence(Qt::Key_T),
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
            demoAction(static_cast<int>(which), server);
        });
        action->setToolTip(a.tip);
        action->setShortcut(a.key);
        action->setEnabled(false);
        m_demoActions.append(action);
    }
}

void MainWindow::buildToolBars()
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
    m_specEdit->setMinimumWidth(300);
    m_specEdit->setToolTip(tr("host:port[:weight][ name], separated by commas; Enter applies (placement only)"));
    m_keyCount = new QSpinBox(bar);
    m_keyCount->setRange(100, 1000000);
    m_keyCount->setSingleStep(10000);
    m_keyCount->setValue(static_cast<int>(m_keys->size()));
    m_keyCount->setSuffix(tr(" keys"));
    m_keyCount->setToolTip(tr("Sample keys drawn on the ring (written to the demo cluster)"));

    bar->addAction(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Connect…"), this, [this] {
        ConnectDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            openCluster(dialog.request());
    });
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
    add->setToolTip(tr("Demo cluster: start one more memcached. Elsewhere: what-if (Ctrl++)"));
    auto *remove = bar->addAction(tr("Remove server"), this, [this] {
        if (const QString e = removeServer(selectedServer()); !e.isEmpty())
            QMessageBox::warning(this, tr("Remove server"), e);
    });
    remove->setShortcut(QKeySequence::Delete);
    remove->setToolTip(tr("Demo cluster: stop the selected memcached cleanly. Elsewhere: what-if (Del)"));
    auto *whatIf = bar->addAction(tr("What-if fail"), this, [this] { m_whatIfAction->trigger(); });
    whatIf->setToolTip(tr("Draw the selected server failed and ejected, without touching it (F)"));
    auto *replay = bar->addAction(tr("Replay"), m_ring, &RingView::replay);
    replay->setShortcut(QKeySequence(Qt::Key_R));
    replay->setToolTip(tr("Replay the last change (R)"));
    auto *speed = new QComboBox(bar);
    for (const double f : {0.25, 0.5, 1.0, 2.0, 4.0})
        speed->addItem(tr("%1×").arg(f), f);
    speed->setCurrentIndex(2);
    speed->setToolTip(tr("Animation speed"));
    connect(speed, &QComboBox::currentIndexChanged, this,
            [this, speed](int) { m_ring->setAnimationSpeed(speed->currentData().toDouble()); });
    bar->addWidget(speed);
    buildDemoActions(bar);
    buildTrafficBar();

    updateHashChoices();
    connect(m_presetBox, &QComboBox::currentTextChanged, this, [this](const QString &preset) {
        m_hash.clear();
        const QString old = m_preset;
        m_preset = preset;
        updateHashChoices();
        m_preset = old;
        if (const QString e = setPreset(preset, QString()); !e.isEmpty())
            logEvent(e);
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
        if (const QString e = setServers(*parsed.value, tr("servers set to %1").arg(m_specEdit->text())); !e.isEmpty())
            QMessageBox::warning(this, tr("Servers"), e);
    });
    connect(m_keyCount, &QSpinBox::editingFinished, this, [this] {
        if (static_cast<std::size_t>(m_keyCount->value()) == m_keys->size())
            return;
        m_keys = std::make_shared<const core::KeySet>(core::KeySet::synthetic(static_cast<std::size_t>(m_keyCount->value())));
        m_scene.reset();
        rebuild(tr("%1 sample keys").arg(m_keyCount->value()), false);
    });
}

void MainWindow::buildTrafficBar()
{
    addToolBarBreak();
    auto *bar = addToolBar(tr("Traffic and replication"));
    bar->setObjectName(QStringLiteral("trafficToolBar"));
    m_replicationBox = new QComboBox(bar);
    for (const auto mode : {core::ReplicationMode::None, core::ReplicationMode::MasterSlave, core::ReplicationMode::Ring,
                            core::ReplicationMode::MultiMaster})
        m_replicationBox->addItem(modeText(mode), static_cast<int>(mode));
    m_replicationBox->setToolTip(tr("Replication of our traffic: none, master-slave, ring (owner + next R-1), "
                                    "multi-master (write quorum W)"));
    m_replicas = new QSpinBox(bar);
    m_replicas->setRange(1, 16);
    m_replicas->setValue(2);
    m_replicas->setPrefix(tr("R="));
    m_replicas->setEnabled(false);
    m_quorumBox = new QComboBox(bar);
    m_quorumBox->addItem(tr("W=all"), 0);
    m_quorumBox->addItem(tr("W=majority"), -1);
    m_quorumBox->addItem(tr("W=1"), 1);
    m_quorumBox->setEnabled(false);
    m_policyBox = new QComboBox(bar);
    for (const auto p : {core::ReadPolicy::Primary, core::ReadPolicy::RoundRobin, core::ReadPolicy::LeastOutstanding,
                         core::ReadPolicy::Hash})
        m_policyBox->addItem(policyText(p), static_cast<int>(p));
    m_policyBox->setToolTip(tr("Which replica a read goes to first"));
    m_failureBox = new QComboBox(bar);
    for (const auto f : {core::OnFailure::Miss, core::OnFailure::Rehash})
        m_failureBox->addItem(onFailureText(f), static_cast<int>(f));
    m_failureBox->setToolTip(tr("Without replication, the keys of a server that is down: miss, or go to the next "
                                "server on the ring (auto-eject)"));
    m_trafficAction = bar->addAction(tr("Traffic"));
    m_trafficAction->setCheckable(true);
    m_trafficAction->setToolTip(tr("RingScope's traffic generator: Zipf keys, 90% gets, cache-aside fill (writes)"));
    m_rate = new QSpinBox(bar);
    m_rate->setRange(1, 100000);
    m_rate->setSingleStep(50);
    m_rate->setValue(static_cast<int>(m_trafficRate));
    m_rate->setSuffix(tr(" ops/s"));

    bar->addWidget(new QLabel(tr(" Replication "), bar));
    bar->addWidget(m_replicationBox);
    bar->addWidget(m_replicas);
    bar->addWidget(m_quorumBox);
    bar->addWidget(new QLabel(tr(" Reads "), bar));
    bar->addWidget(m_policyBox);
    bar->addWidget(new QLabel(tr(" On failure "), bar));
    bar->addWidget(m_failureBox);
    bar->addSeparator();
    bar->addAction(m_trafficAction);
    bar->addWidget(m_rate);

    auto reconfigure = [this] {
        if (m_trafficAction->isChecked() || m_bridge->traffic().enabled)
            applyTraffic();
        else {
            const auto t = trafficSettings();
            m_replicas->setEnabled(t.replication.mode != core::ReplicationMode::None);
            m_quorumBox->setEnabled(t.replication.mode == core::ReplicationMode::MultiMaster);
        }
        updateReplicaView();
        onLive(m_liveWatched);
    };
    connect(m_replicationBox, &QComboBox::currentIndexChanged, this, reconfigure);
    connect(m_replicas, &QSpinBox::editingFinished, this, reconfigure);
    connect(m_quorumBox, &QComboBox::currentIndexChanged, this, reconfigure);
    connect(m_policyBox, &QComboBox::currentIndexChanged, this, reconfigure);
    connect(m_failureBox, &QComboBox::currentIndexChanged, this, reconfigure);
    connect(m_trafficAction, &QAction::toggled, this, [this](bool on) {
        if (on && m_demo && !m_bridge->hasDemo())
            return; // the demo cluster is starting: the traffic follows when it runs
        if (on && !writable()) {
            const QSignalBlocker block(m_trafficAction);
            m_trafficAction->setChecked(false);
            QMessageBox::information(this, tr("Traffic"),
                                     tr("The traffic generator writes (cache-aside fill). Switch writing on first "
                                        "(Cluster ▸ Writing allowed); the demo cluster allows it."));
            return;
        }
        applyTraffic();
    });
    connect(m_rate, &QSpinBox::editingFinished, this, [this] {
        if (m_bridge->traffic().enabled && m_bridge->traffic().rate != m_rate->value())
            applyTraffic();
    });
}

void MainWindow::updateReplicaView()
{
    const auto mode = static_cast<core::ReplicationMode>(m_replicationBox->currentData().toInt());
    const int replicas = mode == core::ReplicationMode::None ? 1 : m_replicas->value();
    m_inspector->setReplicas(replicas);
    if (!m_distribution || !m_distribution->deterministic()) {
        m_ring->setReplicaLookup({}, 1);
        return;
    }
    m_ring->setReplicaLookup(
        [d = m_distribution](std::string_view key, std::size_t count) { return d->successors(key, count); }, replicas);
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
    m_serverTable->setObjectName(QStringLiteral("serverTable"));
    m_serverTable->setModel(m_serverModel);
    m_serverTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_serverTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_serverTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_serverTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_serverTable->verticalHeader()->hide();
    m_serverTable->setAlternatingRowColors(true);
    servers->setWidget(m_serverTable);
    addDockWidget(Qt::RightDockWidgetArea, servers);
    connect(m_serverTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_ring->setHighlightedServer(current.isValid() ? current.row() : -1); });

    auto *inspector = new QDockWidget(tr("Key inspector"), this);
    inspector->setObjectName(QStringLiteral("inspectorDock"));
    m_inspector = new KeyInspector(inspector);
    inspector->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspector);

    auto *plots = new QDockWidget(tr("Plots"), this);
    plots->setObjectName(QStringLiteral("plotsDock"));
    m_plots = new PlotsPanel(plots);
    plots->setWidget(m_plots);
    addDockWidget(Qt::RightDockWidgetArea, plots);

    m_lessonsDock = new QDockWidget(tr("Lessons"), this);
    m_lessonsDock->setObjectName(QStringLiteral("lessonsDock"));
    m_lessons = new LessonPanel(*this, m_lessonsDock);
    m_lessonsDock->setWidget(m_lessons);
    addDockWidget(Qt::LeftDockWidgetArea, m_lessonsDock);
    m_lessonsDock->setMinimumWidth(340);
    m_lessonsDock->hide(); // Lessons ▸ opens it

    auto *log = new QDockWidget(tr("Events"), this);
    log->setObjectName(QStringLiteral("eventsDock"));
    m_log = new QListWidget(log);
    m_log->setUniformItemSizes(true);
    log->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, log);
    resizeDocks({servers, inspector, plots}, {700, 700, 700}, Qt::Horizontal);
    resizeDocks({servers, inspector, plots}, {260, 200, 300}, Qt::Vertical);
    resizeDocks({log}, {120}, Qt::Vertical);
}

} // namespace ringscope::ui
