#pragma once

#include "ui/session/clustersession.h"

#include <QFont>
#include <QMainWindow>
#include <QPalette>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QTableView;
class QToolBar;

namespace ringscope::ui {

class ComparisonPanel;
class EventLog;
class KeyInspector;
class LessonPanel;
class PlacementBar;
class PlotsPanel;
class RingView;
class ServerTableModel;
class SessionPlayer;
class SessionRecorder;
class TrafficBar;

// The main window: lays out the ring, the servers, the key inspector, the
// plots, the lessons and the event log over one ClusterSession, with the
// menus, toolbars and dialogs. It holds no cluster state: every widget shows
// what the session says and every action calls the session.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    using Options = ClusterSession::Options;

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ClusterSession &session() const noexcept { return *m_session; }
    SessionRecorder &recorder() const noexcept { return *m_recorder; }
    SessionPlayer &player() const noexcept { return *m_player; }
    RingView *ringView() const noexcept { return m_ring; }
    PlotsPanel *plots() const noexcept { return m_plots; }
    ComparisonPanel *comparison() const noexcept { return m_compare; }
    LessonPanel *lessons() const noexcept { return m_lessons; }
    ServerTableModel *serverModel() const noexcept { return m_serverModel; }
    // Opens the lessons panel on lesson `index` (of the built-in and own ones).
    void openLesson(int index);
    // Shows the ring (0) or the comparison (1) in the middle of the window.
    void showCentralPage(int page);
    // The write switch, asking first for a cluster off this machine unless `confirmed`.
    bool setWritable(bool writable, bool confirmed = false);
    void setDarkTheme(bool dark);
    // Full screen, large type, high contrast, the ring and one plot.
    void setPresentation(bool on);
    bool presentation() const noexcept { return m_presentation; }
    // (key, text) of every action with a shortcut: Help ▸ Keyboard shortcuts.
    QList<QPair<QString, QString>> shortcuts() const;
    // Exports; each returns what went wrong, empty on success.
    QString exportRing(const QString &path);       // .png or .svg
    QString exportPlot(const QString &path);       // the plot on show: .png or .pdf
    QString exportServers(const QString &path);    // the server table, CSV
    QString exportKeys(const QString &path);       // every key and its owner, CSV
    QString exportComparison(const QString &path); // the comparison table, CSV

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Bumped when toolbars or docks change: an older saved layout is then ignored.
    static constexpr int kStateVersion = 4;

    void buildMenus();
    void buildClusterMenu();
    void buildViewMenus();
    void buildActionsBar();
    void buildDocks();
    void connectSession();
    void showScene(const std::shared_ptr<const RingScene> &scene, bool animate);
    void showLive(const std::vector<LiveServer> &live);
    void logEvent(EventKind kind, const QString &text);
    void showReplicas();
    void updateStatus();
    void updateActions();
    void connectDialog();
    void showShortcuts();
    void rememberCluster(const ClusterRequest &request);
    void rebuildRecentMenu();
    void showView(const QString &what);
    // Asks for a file (`suffix` such as ".png" is added when missing, and
    // replacing a file is always asked first) and writes it with `write`.
    void exportWithDialog(const QString &title, const QString &filter, const QString &suffix,
                          const std::function<QString(const QString &)> &write);

    ClusterSession *m_session;
    SessionRecorder *m_recorder;
    SessionPlayer *m_player;
    RingView *m_ring;
    ServerTableModel *m_serverModel;
    QTableView *m_serverTable = nullptr;
    KeyInspector *m_inspector = nullptr;
    PlotsPanel *m_plots = nullptr;
    ComparisonPanel *m_compare = nullptr;
    LessonPanel *m_lessons = nullptr;
    QDockWidget *m_lessonsDock = nullptr;
    QTabWidget *m_centralTabs = nullptr;
    EventLog *m_log = nullptr;
    PlacementBar *m_placementBar = nullptr;
    TrafficBar *m_trafficBar = nullptr;
    QList<QAction *> m_demoActions;
    QAction *m_writeAction = nullptr;
    QAction *m_darkAction = nullptr;
    QAction *m_presentAction = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_whatIfAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_trafficLabel = nullptr;
    QLabel *m_writeLabel = nullptr;
    bool m_presentation = false;
    QByteArray m_stateBeforePresentation;
    QFont m_fontBeforePresentation;
    QPalette m_paletteBeforePresentation;
    QString m_styleBeforePresentation;
    Qt::WindowStates m_windowStateBeforePresentation;
};

} // namespace ringscope::ui
