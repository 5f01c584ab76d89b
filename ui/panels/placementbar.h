#pragma once

#include <QToolBar>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ringscope::ui {

class ClusterSession;

// The cluster toolbar: preset, hash, the server list and the number of sample
// keys. Each edit calls the session; each shows what the session holds.
class PlacementBar : public QToolBar {
    Q_OBJECT

public:
    PlacementBar(ClusterSession &session, QWidget *parent = nullptr);

Q_SIGNALS:
    void connectRequested();
    // A change the session refused: what to tell the user.
    void refused(const QString &title, const QString &error);

private:
    void showSession();

    ClusterSession &m_session;
    QComboBox *m_preset;
    QComboBox *m_hash;
    QLineEdit *m_spec;
    QSpinBox *m_keys;
};

} // namespace ringscope::ui
