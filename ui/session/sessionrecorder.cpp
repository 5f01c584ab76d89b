#include "ui/session/sessionrecorder.h"
#include "ui/session/clustersession.h"
#include "ui/util/strings.h"

#include "core/placement/keyset.h"

#include <QJsonArray>

namespace ringscope::ui {

SessionRecorder::SessionRecorder(ClusterSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&session, &ClusterSession::sceneChanged, this,
            [this](const std::shared_ptr<const RingScene> &, bool, const QString &why) { writeTopology(why); });
    connect(&session, &ClusterSession::liveChanged, this, [this](const std::vector<LiveServer> &live) { writeLive(live, false); });
    connect(&session, &ClusterSession::statsPolled, this, [this](const std::vector<LiveServer> &live) { writeLive(live, true); });
    connect(&session, &ClusterSession::trafficSampled, this, [this](const TrafficSample &sample) {
        if (m_writer.active())
            m_writer.write(SessionRecord::Type::Traffic, toJson(sample));
    });
    connect(&session, &ClusterSession::event, this, [this](EventKind kind, const QString &text) {
        if (m_writer.active())
            m_writer.write(SessionRecord::Type::Event, {{QStringLiteral("text"), text}, {QStringLiteral("kind"), eventKindName(kind)}});
    });
    connect(&session, &ClusterSession::modeChanged, this, [this](ClusterSession::Mode mode) {
        if (mode == ClusterSession::Mode::Replay)
            stop();
    });
}

QString SessionRecorder::start(const QString &path)
{
    if (m_session.mode() == ClusterSession::Mode::Replay)
        return tr("a session is playing: record a live cluster, not a replay");
    stop();
    const QString title = m_session.title().isEmpty() ? specOf(m_session.servers()) : m_session.title();
    if (QString error = m_writer.open(path, title, static_cast<int>(m_session.keys()->size())); !error.isEmpty())
        return error;
    writeTopology(tr("recording starts"));
    writeLive(m_session.live(), false);
    Q_EMIT activeChanged(true);
    m_session.note(EventKind::Info, tr("recording the session to %1").arg(path));
    return {};
}

void SessionRecorder::stop()
{
    if (!m_writer.active())
        return;
    const QString path = m_writer.path();
    const qint64 records = m_writer.records();
    m_writer.close();
    Q_EMIT activeChanged(false);
    m_session.note(EventKind::Info, tr("recorded %1 records to %2").arg(records).arg(path));
}

void SessionRecorder::writeTopology(const QString &why)
{
    if (!m_writer.active())
        return;
    QJsonArray simulated;
    for (std::size_t i = 0; i < m_session.servers().size(); ++i)
        if (m_session.simulatedFailure(static_cast<int>(i)))
            simulated.append(qs(m_session.servers()[i].label()));
    m_writer.write(SessionRecord::Type::Topology, {{QStringLiteral("servers"), specOf(m_session.servers())},
                                                   {QStringLiteral("preset"), m_session.preset()},
                                                   {QStringLiteral("hash"), m_session.hash()},
                                                   {QStringLiteral("hash_tag"), m_session.hashTag()},
                                                   {QStringLiteral("points"), m_session.pointsPerServer()},
                                                   {QStringLiteral("simulated"), simulated},
                                                   {QStringLiteral("why"), why}});
}

void SessionRecorder::writeLive(const std::vector<LiveServer> &live, bool poll)
{
    if (!m_writer.active())
        return;
    // The servers of the picture that are watched: what-if ones are drawn
    // from the topology record.
    QJsonArray servers;
    for (const auto &l : live)
        if (l.watched)
            servers.append(toJson(l));
    m_writer.write(SessionRecord::Type::Live, {{QStringLiteral("servers"), servers}, {QStringLiteral("poll"), poll}});
}

} // namespace ringscope::ui
