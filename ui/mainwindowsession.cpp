// The window's session recording and playback (see models/sessionfile.h).
#include "mainwindow.h"

#include "bridge/clusterbridge.h"
#include "core/cluster/keyset.h"
#include "core/cluster/serverspec.h"
#include "panels/plotspanel.h"
#include "util/strings.h"
#include "models/ringscene.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>

namespace ringscope::ui {

QString MainWindow::startRecording(const QString &path)
{
    if (m_replaying)
        return tr("a session is playing: record a live cluster, not a replay");
    if (QString error = m_recorder.open(path, m_title.isEmpty() ? specOf(m_servers) : m_title, static_cast<int>(m_keys->size()));
        !error.isEmpty())
        return error;
    {
        const QSignalBlocker block(m_recordAction);
        m_recordAction->setChecked(true);
    }
    recordTopology(tr("recording starts"));
    logEvent(tr("recording the session to %1").arg(path));
    return {};
}

void MainWindow::stopRecording()
{
    if (!m_recorder.active())
        return;
    const QString path = m_recorder.path();
    const qint64 records = m_recorder.records();
    m_recorder.close();
    {
        const QSignalBlocker block(m_recordAction);
        m_recordAction->setChecked(false);
    }
    logEvent(tr("recorded %1 records to %2").arg(records).arg(path));
}

void MainWindow::recordTopology(const QString &why)
{
    if (!m_recorder.active())
        return;
    QJsonArray simulated;
    for (const QString &label : std::as_const(m_simulated))
        simulated.append(label);
    m_recorder.write(SessionRecord::Type::Topology, {{QStringLiteral("servers"), specOf(m_servers)},
                                                     {QStringLiteral("preset"), m_preset},
                                                     {QStringLiteral("hash"), m_hash},
                                                     {QStringLiteral("hash_tag"), m_hashTag},
                                                     {QStringLiteral("points"), m_points},
                                                     {QStringLiteral("simulated"), simulated},
                                                     {QStringLiteral("why"), why}});
}

QString MainWindow::playSession(const QString &path, double speed)
{
    QString error;
    auto session = readSession(path, error);
    if (!session)
        return error;
    stopRecording();
    // Nothing live while it plays: no demo, no polling, no traffic.
    setTraffic(false, m_rate->value());
    m_bridge->stopDemo();
    m_bridge->unwatch();
    m_bridge->setWritable(false);
    m_demo = false;
    m_watch = false;
    for (auto *a : m_demoActions)
        a->setEnabled(false);
    m_live.clear();
    m_liveWatched.clear();
    m_simulated.clear();
    if (static_cast<std::size_t>(session->keys) != m_keys->size())
        m_keys = std::make_shared<const core::KeySet>(core::KeySet::synthetic(static_cast<std::size_t>(session->keys)));
    m_scene.reset();
    m_title = tr("replay of %1").arg(session->title);
    m_session = std::move(session);
    m_sessionNext = 0;
    m_sessionSpeed = speed > 0 ? speed : 1.0;
    m_replaying = true;
    if (!m_sessionTimer) {
        m_sessionTimer = new QTimer(this);
        m_sessionTimer->setInterval(40);
        connect(m_sessionTimer, &QTimer::timeout, this, &MainWindow::playNext);
    }
    logEvent(tr("playing %1 (%2 records, %3×): no server is contacted").arg(path).arg(m_session->records.size()).arg(m_sessionSpeed));
    m_sessionClock.start();
    m_sessionTimer->start();
    playNext();
    return {};
}

void MainWindow::playNext()
{
    if (!m_session)
        return;
    const auto now = static_cast<qint64>(static_cast<double>(m_sessionClock.elapsed()) * m_sessionSpeed);
    while (m_sessionNext < m_session->records.size() && m_session->records[m_sessionNext].t <= now)
        applyRecord(m_session->records[m_sessionNext++]);
    if (m_sessionNext < m_session->records.size())
        return;
    m_sessionTimer->stop();
    m_replaying = false;
    m_session.reset();
    logEvent(tr("the recorded session is over"));
    updateStatus();
    Q_EMIT sessionFinished();
}

void MainWindow::applyRecord(const SessionRecord &record)
{
    const QJsonObject &o = record.data;
    switch (record.type) {
    case SessionRecord::Type::Topology: {
        const auto servers = core::parseServerList(o.value(QStringLiteral("servers")).toString().toStdString());
        if (!servers) {
            logEvent(tr("the session's servers do not parse: %1").arg(qs(servers.error)));
            return;
        }
        m_servers = *servers.value;
        m_preset = o.value(QStringLiteral("preset")).toString(m_preset);
        m_hash = o.value(QStringLiteral("hash")).toString();
        m_hashTag = o.value(QStringLiteral("hash_tag")).toString();
        m_points = o.value(QStringLiteral("points")).toInt();
        m_simulated.clear();
        for (const auto &label : o.value(QStringLiteral("simulated")).toArray())
            m_simulated.insert(label.toString());
        {
            const QSignalBlocker block(m_presetBox);
            m_presetBox->setCurrentText(m_preset);
        }
        remapLive();
        if (const QString error = rebuild(o.value(QStringLiteral("why")).toString(), m_scene != nullptr); !error.isEmpty())
            logEvent(tr("cannot show the recorded topology: %1").arg(error));
        break;
    }
    case SessionRecord::Type::Live: {
        std::vector<LiveServer> live;
        for (const auto &s : o.value(QStringLiteral("servers")).toArray())
            live.push_back(liveFromJson(s.toObject()));
        onLive(live);
        break;
    }
    case SessionRecord::Type::Traffic:
        m_lastSample = trafficFromJson(o);
        m_plots->addTraffic(m_lastSample);
        updateStatus();
        break;
    case SessionRecord::Type::Event: {
        const QString text = o.value(QStringLiteral("text")).toString();
        const QString kind = o.value(QStringLiteral("kind")).toString(QStringLiteral("info"));
        logEvent(text, kind);
        if (kind != QLatin1String("info") && kind != QLatin1String("traffic"))
            m_plots->addMarker(text, kind);
        break;
    }
    }
}

} // namespace ringscope::ui
