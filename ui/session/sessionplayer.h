#pragma once

#include "ui/session/sessionfile.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace ringscope::ui {

class ClusterSession;

// Plays a session file into a cluster session, at its own pace (or faster):
// the session shows what was recorded and contacts no server. Opening a
// real cluster meanwhile ends the replay.
class SessionPlayer : public QObject {
    Q_OBJECT

public:
    explicit SessionPlayer(ClusterSession &session, QObject *parent = nullptr);

    // What went wrong, or empty.
    QString play(const QString &path, double speed = 1.0);
    void stop();
    bool playing() const noexcept { return m_file.has_value(); }

Q_SIGNALS:
    void finished();

private:
    void next();
    void apply(const SessionRecord &record);

    ClusterSession &m_session;
    std::optional<Session> m_file;
    std::size_t m_next = 0;
    double m_speed = 1;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace ringscope::ui
