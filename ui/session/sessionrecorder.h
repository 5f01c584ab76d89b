#pragma once

#include "ui/session/sessionfile.h"

#include <QObject>

namespace ringscope::ui {

class ClusterSession;

// Records what a cluster session shows (topology, health, stats, traffic,
// events) to a session file, from the session's signals. It stops by itself
// when a recorded session starts playing: a replay is not recorded again.
class SessionRecorder : public QObject {
    Q_OBJECT

public:
    explicit SessionRecorder(ClusterSession &session, QObject *parent = nullptr);

    // Starts a file; what went wrong, or empty.
    QString start(const QString &path);
    void stop();
    bool active() const { return m_writer.active(); }

Q_SIGNALS:
    void activeChanged(bool active);

private:
    void writeTopology(const QString &why);
    void writeLive(const std::vector<LiveServer> &live, bool poll);

    ClusterSession &m_session;
    SessionWriter m_writer;
};

} // namespace ringscope::ui
