#pragma once

#include "ui/session/clusterrequest.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace ringscope::ui {

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
