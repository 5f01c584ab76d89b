#pragma once

#include <QToolBar>

class QAction;
class QComboBox;
class QSpinBox;

namespace ringscope::ui {

class ClusterSession;

// The traffic and replication toolbar: replication mode, R, W, read policy,
// what a client does when a server fails, and RingScope's traffic with its
// rate. Each edit calls the session; each shows what the session holds.
class TrafficBar : public QToolBar {
    Q_OBJECT

public:
    TrafficBar(ClusterSession &session, QWidget *parent = nullptr);
    QAction *trafficAction() const noexcept { return m_traffic; }

Q_SIGNALS:
    void refused(const QString &title, const QString &error);

private:
    void apply();       // the replication boxes into the session
    void showSession(); // the session into the boxes

    ClusterSession &m_session;
    QComboBox *m_mode;
    QSpinBox *m_replicas;
    QComboBox *m_quorum;
    QComboBox *m_policy;
    QComboBox *m_failure;
    QAction *m_traffic;
    QSpinBox *m_rate;
};

} // namespace ringscope::ui
