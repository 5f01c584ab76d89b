#pragma once

#include "core/distribution/server.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace ringscope::ui {

// What to open: a local demo cluster, a server list, a proxy's config file
// or an ElastiCache configuration endpoint.
struct ClusterRequest {
    enum class Kind { Demo, Servers, ConfigFile, ElastiCache };
    Kind kind = Kind::Demo;
    int demoServers = 4;
    QString proxy;          // demo: "", "twemproxy", "nginx-rr", "nginx-least-conn", "nginx-hash"
    QString spec;           // Servers: the SPEC; ConfigFile: the path (#pool allowed)
    QString preset, hash;   // empty: the config's own, else the default
    QString hashTag;        // twemproxy's hash_tag of the pool, if any
    core::Server endpoint;  // ElastiCache
    core::ServerList servers; // Servers / ConfigFile, once checked
    QString title() const;  // for the window and the recent list
};

// The Connect dialog. OK checks the input there and then (the SPEC parses,
// the file reads, the preset exists) and stays open with a message that
// names the problem when something is wrong.
class ConnectDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    void setRequest(const ClusterRequest &request);
    ClusterRequest request() const { return m_request; }
    // Checks the current input; empty when it is good (and request() holds it).
    QString check();
    QString error() const;

    void accept() override;

private:
    QTabWidget *m_tabs;
    QSpinBox *m_demoServers;
    QComboBox *m_proxy;
    QLineEdit *m_spec;
    QLineEdit *m_file;
    QLineEdit *m_endpoint;
    QComboBox *m_preset;
    QComboBox *m_hash;
    QLabel *m_error;
    ClusterRequest m_request;
};

} // namespace ringscope::ui
