#include "ui/session/sessionfile.h"

#include "core/config/serverspec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ringscope::ui {
namespace {

constexpr const char *kMagic = "ringscope-session";
constexpr int kVersion = 1;

const char *typeName(SessionRecord::Type type)
{
    switch (type) {
    case SessionRecord::Type::Topology: return "topology";
    case SessionRecord::Type::Live: return "live";
    case SessionRecord::Type::Traffic: return "traffic";
    case SessionRecord::Type::Event: return "event";
    }
    return "event";
}

std::optional<SessionRecord::Type> parseType(const QString &name)
{
    for (const auto t : {SessionRecord::Type::Topology, SessionRecord::Type::Live, SessionRecord::Type::Traffic,
                         SessionRecord::Type::Event})
        if (name == QLatin1String(typeName(t)))
            return t;
    return std::nullopt;
}

QString healthName(core::ServerState s)
{
    return QLatin1String(core::stateName(s));
}

core::ServerState parseHealth(const QString &s)
{
    if (s == QLatin1String(core::stateName(core::ServerState::Down)))
        return core::ServerState::Down;
    if (s == QLatin1String(core::stateName(core::ServerState::Suspect)))
        return core::ServerState::Suspect;
    return core::ServerState::Up;
}

} // namespace

QString SessionWriter::open(const QString &path, const QString &title, int keys)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QObject::tr("cannot write %1: %2").arg(path, m_file.errorString());
    m_clock.start();
    m_records = 0;
    const QJsonObject header{{QStringLiteral("format"), QLatin1String(kMagic)},
                             {QStringLiteral("version"), kVersion},
                             {QStringLiteral("title"), title},
                             {QStringLiteral("keys"), keys}};
    m_file.write(QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
    return {};
}

void SessionWriter::close()
{
    if (m_file.isOpen())
        m_file.close();
}

void SessionWriter::write(SessionRecord::Type type, QJsonObject data)
{
    if (!m_file.isOpen())
        return;
    data.insert(QStringLiteral("t"), m_clock.elapsed());
    data.insert(QStringLiteral("type"), QLatin1String(typeName(type)));
    m_file.write(QJsonDocument(data).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush(); // a crash keeps what was seen
    ++m_records;
}

std::optional<Session> readSession(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    Session session;
    int line = 0;
    bool headerRead = false; // the first line that is not empty
    while (!file.atEnd()) {
        const QByteArray text = file.readLine(16 * 1024 * 1024).trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            error = QObject::tr("%1:%2: not a JSON object (%3)").arg(path).arg(line).arg(parseError.errorString());
            return std::nullopt;
        }
        const QJsonObject o = doc.object();
        if (!headerRead) {
            headerRead = true;
            if (o.value(QStringLiteral("format")).toString() != QLatin1String(kMagic)) {
                error = QObject::tr("%1 is not a RingScope session (its first line does not say \"%2\")").arg(path, QLatin1String(kMagic));
                return std::nullopt;
            }
            if (o.value(QStringLiteral("version")).toInt() > kVersion) {
                error = QObject::tr("%1 was recorded by a newer RingScope (version %2)").arg(path).arg(o.value(QStringLiteral("version")).toInt());
                return std::nullopt;
            }
            session.title = o.value(QStringLiteral("title")).toString();
            session.keys = o.value(QStringLiteral("keys")).toInt(20000);
            if (session.keys < 1 || session.keys > 1000000) {
                error = QObject::tr("%1:%2: keys must be from 1 to 1000000").arg(path).arg(line);
                return std::nullopt;
            }
            continue;
        }
        const auto type = parseType(o.value(QStringLiteral("type")).toString());
        const qint64 t = o.value(QStringLiteral("t")).toInteger(-1);
        if (!type || t < 0) {
            error = QObject::tr("%1:%2: a record needs a known \"type\" and a time \"t\"").arg(path).arg(line);
            return std::nullopt;
        }
        if (*type == SessionRecord::Type::Topology) {
            // Checked here, so that playing never builds an absurd ring.
            const auto servers = core::parseServerList(o.value(QStringLiteral("servers")).toString().toStdString());
            if (!servers) {
                error = QObject::tr("%1:%2: servers: %3").arg(path).arg(line).arg(QString::fromStdString(servers.error));
                return std::nullopt;
            }
            if (servers.value->size() > 1000) {
                error = QObject::tr("%1:%2: more than 1000 servers").arg(path).arg(line);
                return std::nullopt;
            }
            const QJsonValue points = o.value(QStringLiteral("points"));
            if (!points.isUndefined() && (!points.isDouble() || points.toDouble() < 0 || points.toDouble() > 10000)) {
                error = QObject::tr("%1:%2: points must be from 0 to 10000").arg(path).arg(line);
                return std::nullopt;
            }
        }
        session.records.push_back({std::max(t, session.records.empty() ? 0 : session.records.back().t), *type, o});
    }
    if (!headerRead) {
        error = QObject::tr("%1 is empty").arg(path);
        return std::nullopt;
    }
    if (std::none_of(session.records.begin(), session.records.end(),
                     [](const SessionRecord &r) { return r.type == SessionRecord::Type::Topology; })) {
        error = QObject::tr("%1 holds no topology: nothing to show").arg(path);
        return std::nullopt;
    }
    return session;
}

QJsonObject toJson(const LiveServer &l)
{
    return {{QStringLiteral("address"), l.address},
            {QStringLiteral("watched"), l.watched},
            {QStringLiteral("health"), healthName(l.health)},
            {QStringLiteral("paused"), l.paused},
            {QStringLiteral("stopped"), l.stopped},
            {QStringLiteral("polled"), l.polled},
            {QStringLiteral("items"), static_cast<qint64>(l.items)},
            {QStringLiteral("bytes"), static_cast<qint64>(l.bytes)},
            {QStringLiteral("limit_bytes"), static_cast<qint64>(l.limitBytes)},
            {QStringLiteral("gets"), l.getsPerSecond},
            {QStringLiteral("sets"), l.setsPerSecond},
            {QStringLiteral("hit_ratio"), l.hitRatio},
            {QStringLiteral("evictions"), l.evictionsPerSecond},
            {QStringLiteral("rtt_ms"), l.roundTripMs},
            {QStringLiteral("requests"), l.requestsPerSecond},
            {QStringLiteral("outstanding"), static_cast<qint64>(l.outstanding)},
            {QStringLiteral("warming"), l.warming},
            {QStringLiteral("resyncing"), l.resyncing},
            {QStringLiteral("untrusted"), l.untrusted},
            {QStringLiteral("held"), l.held},
            {QStringLiteral("misplaced"), l.misplaced},
            {QStringLiteral("error"), l.error}};
}

LiveServer liveFromJson(const QJsonObject &o)
{
    LiveServer l;
    l.address = o.value(QStringLiteral("address")).toString();
    l.watched = o.value(QStringLiteral("watched")).toBool(true);
    l.health = parseHealth(o.value(QStringLiteral("health")).toString());
    l.paused = o.value(QStringLiteral("paused")).toBool();
    l.stopped = o.value(QStringLiteral("stopped")).toBool();
    l.polled = o.value(QStringLiteral("polled")).toBool();
    l.items = static_cast<std::uint64_t>(std::max<qint64>(0, o.value(QStringLiteral("items")).toInteger()));
    l.bytes = static_cast<std::uint64_t>(std::max<qint64>(0, o.value(QStringLiteral("bytes")).toInteger()));
    l.limitBytes = static_cast<std::uint64_t>(std::max<qint64>(0, o.value(QStringLiteral("limit_bytes")).toInteger()));
    l.getsPerSecond = o.value(QStringLiteral("gets")).toDouble(-1);
    l.setsPerSecond = o.value(QStringLiteral("sets")).toDouble(-1);
    l.hitRatio = o.value(QStringLiteral("hit_ratio")).toDouble(-1);
    l.evictionsPerSecond = o.value(QStringLiteral("evictions")).toDouble(-1);
    l.roundTripMs = o.value(QStringLiteral("rtt_ms")).toDouble(-1);
    l.requestsPerSecond = o.value(QStringLiteral("requests")).toDouble(-1);
    l.outstanding = static_cast<std::size_t>(std::max<qint64>(0, o.value(QStringLiteral("outstanding")).toInteger()));
    l.warming = o.value(QStringLiteral("warming")).toBool();
    l.resyncing = o.value(QStringLiteral("resyncing")).toBool();
    l.untrusted = o.value(QStringLiteral("untrusted")).toBool();
    l.held = o.value(QStringLiteral("held")).toInteger(-1);
    l.misplaced = o.value(QStringLiteral("misplaced")).toInteger(-1);
    l.error = o.value(QStringLiteral("error")).toString();
    return l;
}

QJsonObject toJson(const TrafficSample &s)
{
    return {{QStringLiteral("gets"), s.getsPerSecond},          {QStringLiteral("sets"), s.setsPerSecond},
            {QStringLiteral("hit_ratio"), s.hitRatio},          {QStringLiteral("unavailable"), s.unavailablePerSecond},
            {QStringLiteral("errors"), s.errorsPerSecond},      {QStringLiteral("p50_ms"), s.p50Ms},
            {QStringLiteral("p99_ms"), s.p99Ms}};
}

TrafficSample trafficFromJson(const QJsonObject &o)
{
    TrafficSample s;
    s.getsPerSecond = o.value(QStringLiteral("gets")).toDouble();
    s.setsPerSecond = o.value(QStringLiteral("sets")).toDouble();
    s.hitRatio = o.value(QStringLiteral("hit_ratio")).toDouble(-1);
    s.unavailablePerSecond = o.value(QStringLiteral("unavailable")).toDouble();
    s.errorsPerSecond = o.value(QStringLiteral("errors")).toDouble();
    s.p50Ms = o.value(QStringLiteral("p50_ms")).toDouble();
    s.p99Ms = o.value(QStringLiteral("p99_ms")).toDouble();
    return s;
}

} // namespace ringscope::ui
