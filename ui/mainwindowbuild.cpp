// The window's menus, toolbars and docks.
#include "ui/mainwindow.h"
#include "ui/util/language.h"

#include "ui/models/servertablemodel.h"
#include "ui/panels/comparisonpanel.h"
#include "ui/panels/connectdialog.h"
#include "ui/panels/eventlog.h"
#include "ui/panels/keyinspector.h"
#include "ui/panels/lessonpanel.h"
#include "ui/panels/plotspanel.h"
#include "ui/session/sessionplayer.h"
#include "ui/session/sessionrecorder.h"
#include "ui/views/ringview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QToolBar>

namespace ringscope::ui {
namespace {

const char *const kRecentKey = "recentClusters";

} // namespace

void MainWindow::buildMenus()
{
    buildClusterMenu();
    buildViewMenus();
}

void MainWindow::buildClusterMenu()
{
    auto *file = menuBar()->addMenu(tr("&Cluster"));
    auto *connectAction = file->addAction(tr("&Connect…"), this, &MainWindow::connectDialog);
    connectAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Recent clusters"));
    rebuildRecentMenu();
    file->addSeparator();
    m_writeAction = file->addAction(tr("&Writing allowed"));
    m_writeAction->setCheckable(true);
    m_writeAction->setToolTip(tr("Let RingScope write (sample keys, traffic, read-repair) to this cluster"));
    connect(m_writeAction, &QAction::toggled, this, [this](bool on) { setWritable(on); });
    m_whatIfAction = file->addAction(tr("What-if: &fail the selected server"), this, [this] {
        const int s = m_session->selectedServer();
        if (const QString e = m_session->simulateFailure(s, !m_session->simulatedFailure(s)); !e.isEmpty())
            QMessageBox::information(this, tr("What-if"), e);
    });
    m_whatIfAction->setShortcut(QKeySequence(Qt::Key_F));
    auto *audit = file->addAction(tr("&Audit now"), m_session, &ClusterSession::audit);
    audit->setShortcut(QKeySequence(Qt::Key_A));
    audit->setToolTip(tr("Ask every server which keys it holds (metadump, read-only) and count those the preset "
                         "places elsewhere (A)"));
    file->addSeparator();
    m_recordAction = file->addAction(tr("&Record session…"));
    m_recordAction->setCheckable(true);
    m_recordAction->setToolTip(tr("Save topology changes, health, stats and traffic to a file, to play without servers"));
    connect(m_recordAction, &QAction::toggled, this, [this](bool on) {
        if (!on)
            return m_recorder->stop();
        const QString path = QFileDialog::getSaveFileName(this, tr("Record the session"),
                                                          QDir::homePath() + QStringLiteral("/ringscope-session.jsonl"),
                                                          tr("RingScope session (*.jsonl)"));
        if (path.isEmpty()) {
            const QSignalBlocker block(m_recordAction);
            m_recordAction->setChecked(false);
        } else if (const QString error = m_recorder->start(path); !error.isEmpty()) {
            const QSignalBlocker block(m_recordAction);
            m_recordAction->setChecked(false);
            QMessageBox::warning(this, tr("Record the session"), error);
        }
    });
    file->addAction(tr("&Play a recorded session…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Play a session"), QDir::homePath(),
                                                          tr("RingScope session (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            if (const QString error = m_player->play(path); !error.isEmpty())
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

}

void MainWindow::buildViewMenus()
{
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
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
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

QList<QPair<QString, QString>> MainWindow::shortcuts() const
{
    // Every action of the window with a key, as the menus and toolbars name it.
    QList<QPair<QString, QString>> out;
    for (const QAction *a : actions())
        if (!a->shortcut().isEmpty()) {
            QString text = a->text();
            text.remove(QLatin1Char('&'));
            const QString key = a->shortcut().toString(QKeySequence::NativeText);
            if (!out.contains({key, text}))
                out.append({key, text});
        }
    return out;
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (const auto &[key, text] : shortcuts())
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>").arg(key.toHtmlEscaped(), text.toHtmlEscaped());
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"),
                    QStringLiteral("<table>%1</table><p>%2</p>")
                        .arg(rows, tr("In a lesson, Right or Page Down is Next and Left or Page Up is Back (a clicker).")),
                    QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void MainWindow::connectDialog()
{
    ConnectDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_session->openCluster(dialog.request());
}

void MainWindow::rememberCluster(const ClusterRequest &request)
{
    if (request.kind == ClusterRequest::Kind::Demo && !QSettings().value(QStringLiteral("hints/demo")).toBool()) {
        // The first demo: say what it is and what to try.
        QSettings().setValue(QStringLiteral("hints/demo"), true);
        const QString hint = tr("This is a real cluster of %1 memcached processes that RingScope started for you: pick a "
                                "server (click its arc or its row) and press K to kill it, T to restart it; Ctrl++ adds "
                                "one. Help ▸ Keyboard shortcuts lists the rest.")
                                 .arg(request.demoServers);
        m_session->note(EventKind::Info, hint);
        statusBar()->showMessage(hint, 20000);
    }
    const QString entry = request.toSettings();
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
        const auto r = ClusterRequest::fromSettings(entry);
        if (!r)
            continue;
        m_recentMenu->addAction(r->kind == ClusterRequest::Kind::Demo ? r->title() : r->spec, this, [this, r = *r] {
            // Check it again: a file may have changed or gone since.
            ConnectDialog dialog(this);
            dialog.setRequest(r);
            if (const QString e = dialog.check(); !e.isEmpty()) {
                QMessageBox::warning(this, tr("Open cluster"), e);
                return;
            }
            m_session->openCluster(dialog.request());
        });
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::buildActionsBar()
{
    auto *bar = addToolBar(tr("Actions"));
    bar->setObjectName(QStringLiteral("actionsToolBar"));
    const auto refuse = [this](const QString &title) {
        return [this, title](const QString &error) {
            if (!error.isEmpty())
                QMessageBox::warning(this, title, error);
        };
    };
    auto *add = bar->addAction(tr("Add server"), this, [this, refuse] { refuse(tr("Add server"))(m_session->addServer()); });
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    add->setToolTip(tr("Demo cluster: start one more memcached. Elsewhere: what-if (Ctrl++)"));
    auto *remove = bar->addAction(tr("Remove server"), this, [this, refuse] {
        refuse(tr("Remove server"))(m_session->removeServer(m_session->selectedServer()));
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

    // Real failures, on the processes RingScope started itself.
    const struct {
        QString text;
        QString tip;
        QKeySequence key;
        DemoCluster::Action action;
    } actions[] = {
        {tr("Kill"), tr("SIGKILL the selected demo server: a crash (K)"), QKeySequence(Qt::Key_K), DemoCluster::Action::Kill},
        {tr("Hang"), tr("SIGSTOP the selected demo server: it stops answering (H)"), QKeySequence(Qt::Key_H),
         DemoCluster::Action::Pause},
        {tr("Resume"), tr("SIGCONT the selected demo server (U)"), QKeySequence(Qt::Key_U), DemoCluster::Action::Resume},
        {tr("Restart"), tr("Start the selected demo server again, empty (T)"), QKeySequence(Qt::Key_T),
         DemoCluster::Action::Restart},
    };
    bar->addSeparator();
    for (const auto &a : actions) {
        auto *action = bar->addAction(a.text, this, [this, which = a.action] {
            const int server = m_session->selectedServer();
            if (server < 0) {
                QMessageBox::information(this, tr("Demo cluster"), tr("Select a server first (click its arc or its row)."));
                return;
            }
            m_session->demoAction(which, server);
        });
        action->setToolTip(a.tip);
        action->setShortcut(a.key);
        action->setEnabled(false);
        m_demoActions.append(action);
    }
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
            [this](const QModelIndex &current) { m_session->setSelectedServer(current.isValid() ? current.row() : -1); });

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
    m_lessons = new LessonPanel(*m_session, m_lessonsDock);
    m_lessonsDock->setWidget(m_lessons);
    addDockWidget(Qt::LeftDockWidgetArea, m_lessonsDock);
    m_lessonsDock->setMinimumWidth(340);
    m_lessonsDock->hide(); // Lessons ▸ opens it

    auto *log = new QDockWidget(tr("Events"), this);
    log->setObjectName(QStringLiteral("eventsDock"));
    m_log = new EventLog(log);
    log->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, log);
    resizeDocks({servers, inspector, plots}, {700, 700, 700}, Qt::Horizontal);
    resizeDocks({servers, inspector, plots}, {260, 200, 300}, Qt::Vertical);
    resizeDocks({log}, {120}, Qt::Vertical);
}

} // namespace ringscope::ui
