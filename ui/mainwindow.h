#pragma once

#include "bridge/clusterbridge.h"
#include "core/cluster/keyset.h"
#include "core/distribution/server.h"
#include "models/sessionfile.h"
#include "panels/connectdialog.h"

#include <QMainWindow>
#include <QElapsedTimer>
#include <QFont>
#include <QPalette>
#include <QSet>

#include <functional>
#include <optional>

#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace ringscope::core {
class Distribution;
}

namespace ringscope::ui {

class ComparisonPanel;
class KeyInspector;
class LessonPanel;
class PlotsPanel;
class RingView;
class ServerTableModel;
struct RingScene;

// The main window: the ring, the servers, the key inspector, the plots and
// the log of topology and health events, over a cluster that is a local demo
// (real memcached processes RingScope started), a watched cluster (read-only
// unless writing is switched on) or offline placement.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        core::ServerList servers;
        QString preset = QStringLiteral("libmemcached-ketama-weighted");
        QString hash; // empty: the preset's default
        QString hashTag; // twemproxy's hash_tag from a pool, e.g. "{}"; empty: none
        int keyCount = 20000;
        // Start a local demo cluster of this many real memcached servers and
        // show it live (`ringscope` with no arguments); 0: none.
        int demoServers = 0;
        QString proxy;         // in front of the demo cluster: twemproxy, nginx-rr, …
        double trafficRate = 150; // the demo's gentle traffic; 0: none
        // Poll the servers' stats and health (read-only).
        bool watch = false;
        QString title; // what the cluster is called in the title and recent list
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    RingView *ringView() const noexcept { return m_ring; }
    PlotsPanel *plots() const noexcept { return m_plots; }
    ComparisonPanel *comparison() const noexcept { return m_compare; }
    LessonPanel *lessons() const noexcept { return m_lessons; }
    // Opens the lessons panel on lesson `index` (of the built-in and own ones).
    void openLesson(int index);
    // Shows the ring (0) or the comparison (1) in the middle of the window.
    void showCentralPage(int page);
    ServerTableModel *serverModel() const noexcept { return m_serverModel; }
    ClusterBridge *bridge() const noexcept { return m_bridge; }
    const core::ServerList &servers() const noexcept { return m_servers; }
    QString preset() const { return m_preset; }

    // Topology changes; each one animates the keys that move. They return an
    // error message, empty on success. On the demo cluster add and remove
    // start and stop real processes (asynchronously); elsewhere they only
    // change the placement RingScope computes (what-if).
    QString setServers(const core::ServerList &servers, const QString &why, bool animate = true);
    QString addServer();
    QString removeServer(int index);
    QString setWeight(int index, int weight);
    QString setPreset(const QString &preset, const QString &hash);
    // Points per server of the textbook ring strategies (ketama, bounded-load);
    // 0: their default (160). The presets of real software ignore it.
    QString setPointsPerServer(int points);
    int pointsPerServer() const noexcept { return m_points; }
    const core::Distribution *distribution() const noexcept { return m_distribution.get(); }
    const TrafficSample &lastTrafficSample() const noexcept { return m_lastSample; }
    const std::vector<LiveServer> &live() const noexcept { return m_live; }
    // What-if: the server drawn as failed and ejected, nothing touched.
    QString simulateFailure(int index, bool failed);
    // Opens another cluster (what the Connect dialog does).
    void openCluster(const ClusterRequest &request);
    // The write switch; `confirmed` skips the question for a cluster off this machine.
    bool setWritable(bool writable, bool confirmed = false);
    bool writable() const;
    // Traffic and replication as the toolbar says; returns the error, if any.
    QString setTraffic(bool on, double rate);
    QString setReplication(core::ReplicationMode mode, int replicas, core::ReadPolicy policy, core::OnFailure onFailure,
                           int writeQuorum = 0);
    void setDarkTheme(bool dark);
    // Full screen, large type, high contrast, the ring and one plot.
    void setPresentation(bool on);
    bool presentation() const noexcept { return m_presentation; }
    // Records what the window shows (topology, health, stats, traffic,
    // events) to a file; plays one back with no server contacted.
    QString startRecording(const QString &path);
    void stopRecording();
    bool recording() const { return m_recorder.active(); }
    QString playSession(const QString &path, double speed = 1.0);
    bool playingSession() const noexcept { return m_replaying; }
    // Exports; each returns what went wrong, empty on success.
    QString exportRing(const QString &path);       // .png or .svg
    QString exportPlot(const QString &path);       // the plot on show: .png or .pdf
    QString exportServers(const QString &path);    // the server table, CSV
    QString exportKeys(const QString &path);       // every key and its owner, CSV
    QString exportComparison(const QString &path); // the comparison table, CSV
    // The local demo cluster: real failures of the server at `index`.
    bool demoRunning() const;
    void demoAction(int action, int index); // ClusterBridge::Action

Q_SIGNALS:
    void sessionFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Bumped when toolbars or docks change: an older saved layout is then ignored.
    static constexpr int kStateVersion = 3;

    void buildMenus();
    void buildToolBars();
    void buildTrafficBar();
    void buildDocks();
    void buildDemoActions(QToolBar *bar);
    QString rebuild(const QString &why, bool animate);
    void logEvent(const QString &text, const QString &kind = QStringLiteral("info"));
    void updateHashChoices();
    void updateStatus();
    int selectedServer() const;
    std::vector<bool> ejected() const;
    void onLive(const std::vector<LiveServer> &watched);
    void remapLive();
    void onDemoStarted(const core::ServerList &servers, const QString &proxyAddress);
    QString applyTraffic();
    TrafficSettings trafficSettings() const;
    void rememberCluster(const QString &entry);
    void updateReplicaView();
    void rebuildRecentMenu();
    void recordTopology(const QString &why);
    void playNext();
    void applyRecord(const SessionRecord &record);
    // Asks for a file (`suffix` such as ".png" is added when missing, and
    // replacing a file is always asked first) and writes it with `write`.
    void exportWithDialog(const QString &title, const QString &filter, const QString &suffix,
                          const std::function<QString(const QString &)> &write);

    core::ServerList m_servers;
    QString m_preset;
    QString m_hash;
    QString m_hashTag;
    int m_points = 0;
    std::shared_ptr<const core::KeySet> m_keys;
    std::shared_ptr<const RingScene> m_scene;
    std::shared_ptr<const core::Distribution> m_distribution; // of the scene
    std::vector<LiveServer> m_live;        // per server of the picture
    std::vector<LiveServer> m_liveWatched; // as the bridge last said, per watched server
    QSet<QString> m_simulated; // labels of servers failed by what-if
    QString m_title;

    RingView *m_ring;
    ClusterBridge *m_bridge = nullptr;
    QList<QAction *> m_demoActions;
    bool m_demo = false;
    bool m_watch = false;
    double m_trafficRate = 150;
    ServerTableModel *m_serverModel;
    QTableView *m_serverTable = nullptr;
    KeyInspector *m_inspector = nullptr;
    PlotsPanel *m_plots = nullptr;
    ComparisonPanel *m_compare = nullptr;
    LessonPanel *m_lessons = nullptr;
    QDockWidget *m_lessonsDock = nullptr;
    QTabWidget *m_centralTabs = nullptr;
    QListWidget *m_log = nullptr;
    QComboBox *m_presetBox = nullptr;
    QComboBox *m_hashBox = nullptr;
    QLineEdit *m_specEdit = nullptr;
    QSpinBox *m_keyCount = nullptr;
    QComboBox *m_replicationBox = nullptr;
    QSpinBox *m_replicas = nullptr;
    QComboBox *m_quorumBox = nullptr;
    QComboBox *m_policyBox = nullptr;
    QComboBox *m_failureBox = nullptr;
    QAction *m_trafficAction = nullptr;
    QSpinBox *m_rate = nullptr;
    QAction *m_writeAction = nullptr;
    QAction *m_darkAction = nullptr;
    QAction *m_presentAction = nullptr;
    QAction *m_recordAction = nullptr;
    SessionWriter m_recorder;
    std::optional<Session> m_session; // being played
    std::size_t m_sessionNext = 0;
    double m_sessionSpeed = 1;
    QElapsedTimer m_sessionClock;
    QTimer *m_sessionTimer = nullptr;
    bool m_replaying = false;
    bool m_presentation = false;
    QByteArray m_stateBeforePresentation;
    QFont m_fontBeforePresentation;
    QPalette m_paletteBeforePresentation;
    QString m_styleBeforePresentation;
    Qt::WindowStates m_windowStateBeforePresentation;
    QAction *m_whatIfAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_trafficLabel = nullptr;
    QLabel *m_writeLabel = nullptr;
    TrafficSample m_lastSample;
};

} // namespace ringscope::ui
