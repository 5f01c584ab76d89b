#pragma once

#include "core/distribution/server.h"

#include <QWidget>

class QLineEdit;
class QTableWidget;
class QLabel;

namespace ringscope::ui {

// Type a key: its hash and owner under the current preset, and its owner
// under every other preset side by side — who would disagree.
class KeyInspector : public QWidget {
    Q_OBJECT

public:
    explicit KeyInspector(QWidget *parent = nullptr);

    void setCluster(const core::ServerList &servers, const QString &preset, const QString &hash);
    // Copies of each key (R, the owner included) under the current replication.
    void setReplicas(int replicas);
    // twemproxy's hash_tag of the pool: applied to the current preset only
    // (a client without hash tags is exactly who would disagree).
    void setHashTag(const QString &tag);
    // The server picked in the window (-1: none): the last column says where
    // each preset's real client sends the key with it down; with none picked,
    // with the key's own owner down.
    void setPickedServer(int server);
    void inspect(const QString &key);
    // A key under the mouse on the ring: shown unless the user typed one
    // (a typed key stays until its field is cleared).
    void inspectHovered(const QString &key);
    // What the servers say about the key right now (from the bridge).
    void showHeld(const QString &key, const QStringList &holders);

Q_SIGNALS:
    void keyChanged(const QString &key);

private:
    void refresh();

    core::ServerList m_servers;
    QString m_preset;
    QString m_hash;
    int m_replicas = 1;
    QString m_hashTag;
    int m_picked = -1;
    bool m_typed = false; // the field holds what the user typed
    QLineEdit *m_key;
    QLabel *m_summary;
    QTableWidget *m_table;
    QLabel *m_held;
};

} // namespace ringscope::ui
