#pragma once

#include "core/cluster/keyset.h"
#include "core/distribution/server.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableView;
class QLabel;
class QToolBar;
class QAction;

namespace ringscope::ui {

class ClusterBridge;
class KeyInspector;
class RingView;
class ServerTableModel;
struct RingScene;

// The main window: the ring, the servers, the key inspector and the log of
// topology changes. Today it places a sample of keys for any server list and
// preset (no server is contacted); live clusters come with the client library.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        core::ServerList servers;
        QString preset = QStringLiteral("libmemcached-ketama-weighted");
        QString hash; // empty: the preset's default
        int keyCount = 20000;
        // Start a local demo cluster of this many real memcached servers and
        // show it live (`ringscope` with no arguments); 0: none.
        int demoServers = 0;
        // Poll the servers' stats and health (read-only).
        bool watch = false;
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    RingView *ringView() const noexcept { return m_ring; }
    const core::ServerList &servers() const noexcept { return m_servers; }

    // Topology changes; each one animates the keys that move. They return an
    // error message, empty on success.
    QString setServers(const core::ServerList &servers, const QString &why, bool animate = true);
    QString addServer();
    QString removeServer(int index);
    QString setPreset(const QString &preset, const QString &hash);
    // The local demo cluster: real failures of the server at `index`.
    bool demoRunning() const;
    void demoAction(int action, int index); // ClusterBridge::Action

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    void buildDocks();
    QString rebuild(const QString &why, bool animate);
    void logEvent(const QString &text);
    void updateHashChoices();
    void buildDemoActions(QToolBar *bar);
    int selectedServer() const;

    core::ServerList m_servers;
    QString m_preset;
    QString m_hash;
    core::KeySet m_keys;
    std::shared_ptr<const RingScene> m_scene;

    RingView *m_ring;
    ClusterBridge *m_bridge = nullptr;
    QList<QAction *> m_demoActions;
    bool m_demo = false;
    bool m_watch = false;
    ServerTableModel *m_serverModel;
    QTableView *m_serverTable = nullptr;
    KeyInspector *m_inspector = nullptr;
    QListWidget *m_log = nullptr;
    QComboBox *m_presetBox = nullptr;
    QComboBox *m_hashBox = nullptr;
    QLineEdit *m_specEdit = nullptr;
    QSpinBox *m_keyCount = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ringscope::ui
