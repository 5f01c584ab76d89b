#pragma once

#include "ui/bridge/livetypes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace ringscope::ui {

// A recorded session: what the window showed, as JSON lines, so that a class
// without a cluster can watch it again. The first line says what the file is;
// then one record a line, each with its time in milliseconds from the start:
//   {"t": 1200, "type": "topology", "servers": SPEC, "preset": …, "why": …}
//   {"t": 1500, "type": "live", "servers": [{"address": …, "health": "up", …}]}
//   {"t": 2000, "type": "traffic", "gets": …, "hit_ratio": …}
//   {"t": 2100, "type": "event", "text": …, "kind": "health"}
struct SessionRecord {
    enum class Type { Topology, Live, Traffic, Event };
    qint64 t = 0;
    Type type = Type::Event;
    QJsonObject data;
};

struct Session {
    QString title;
    int keys = 0; // the sample keys of the recording (synthetic)
    std::vector<SessionRecord> records; // in time order
};

class SessionWriter {
public:
    // Starts a file; what went wrong, or empty.
    QString open(const QString &path, const QString &title, int keys);
    void close();
    bool active() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }
    void write(SessionRecord::Type type, QJsonObject data);
    qint64 records() const noexcept { return m_records; }

private:
    QFile m_file;
    QElapsedTimer m_clock;
    qint64 m_records = 0;
};

// Reads a session file; nothing, and a message naming the line, when it is not one.
std::optional<Session> readSession(const QString &path, QString &error);

QJsonObject toJson(const LiveServer &live);
LiveServer liveFromJson(const QJsonObject &o);
QJsonObject toJson(const TrafficSample &sample);
TrafficSample trafficFromJson(const QJsonObject &o);

} // namespace ringscope::ui
