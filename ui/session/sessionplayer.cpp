#include "ui/session/sessionplayer.h"
#include "ui/session/clustersession.h"

#include <QJsonArray>

namespace ringscope::ui {

SessionPlayer::SessionPlayer(ClusterSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_timer.setInterval(40);
    connect(&m_timer, &QTimer::timeout, this, &SessionPlayer::next);
    connect(&session, &ClusterSession::modeChanged, this, [this](ClusterSession::Mode mode) {
        if (mode != ClusterSession::Mode::Replay && m_file) { // a real cluster ends the replay
            m_timer.stop();
            m_file.reset();
        }
    });
}

QString SessionPlayer::play(const QString &path, double speed)
{
    QString error;
    auto file = readSession(path, error);
    if (!file)
        return error;
    stop();
    m_session.beginReplay(file->title, file->keys);
    m_file = std::move(file);
    m_next = 0;
    m_speed = speed > 0 ? speed : 1.0;
    m_session.note(EventKind::Info,
                   tr("playing %1 (%2 records, %3×): no server is contacted").arg(path).arg(m_file->records.size()).arg(m_speed));
    m_clock.start();
    m_timer.start();
    next();
    return {};
}

void SessionPlayer::stop()
{
    if (!m_file)
        return;
    m_timer.stop();
    m_file.reset();
    m_session.endReplay();
}

void SessionPlayer::next()
{
    if (!m_file)
        return;
    const auto now = static_cast<qint64>(static_cast<double>(m_clock.elapsed()) * m_speed);
    while (m_file && m_next < m_file->records.size() && m_file->records[m_next].t <= now)
        apply(m_file->records[m_next++]);
    if (!m_file || m_next < m_file->records.size())
        return;
    m_timer.stop();
    m_file.reset();
    m_session.endReplay();
    Q_EMIT finished();
}

void SessionPlayer::apply(const SessionRecord &record)
{
    const QJsonObject &o = record.data;
    switch (record.type) {
    case SessionRecord::Type::Topology: {
        QStringList simulated;
        for (const auto &label : o.value(QStringLiteral("simulated")).toArray())
            simulated << label.toString();
        const QString error = m_session.replayTopology(
            o.value(QStringLiteral("servers")).toString(), o.value(QStringLiteral("preset")).toString(m_session.preset()),
            o.value(QStringLiteral("hash")).toString(), o.value(QStringLiteral("hash_tag")).toString(),
            o.value(QStringLiteral("points")).toInt(), simulated, o.value(QStringLiteral("why")).toString());
        if (!error.isEmpty())
            m_session.note(EventKind::Info, error);
        break;
    }
    case SessionRecord::Type::Live: {
        std::vector<LiveServer> live;
        for (const auto &s : o.value(QStringLiteral("servers")).toArray())
            live.push_back(liveFromJson(s.toObject()));
        // Files from before "poll" was written had a record per poll.
        m_session.replayLive(std::move(live), o.value(QStringLiteral("poll")).toBool(true));
        break;
    }
    case SessionRecord::Type::Traffic:
        m_session.replayTraffic(trafficFromJson(o));
        break;
    case SessionRecord::Type::Event:
        m_session.note(eventKindFromName(o.value(QStringLiteral("kind")).toString()), o.value(QStringLiteral("text")).toString());
        break;
    }
}

} // namespace ringscope::ui
