#include "ui/util/tableexport.h"

#include "ui/models/ringscene.h"

#include <QAbstractItemModel>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QTextStream>

namespace ringscope::ui {
namespace {

constexpr const char *kEnd = "\r\n"; // RFC 4180's record end; a line break inside a quoted field stays as it is

QString field(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

template <typename Fill>
QString writeFile(const QString &path, Fill fill)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) // records end in CRLF (RFC 4180) on every system
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    QTextStream out(&file);
    fill(out);
    out.flush();
    if (out.status() != QTextStream::Ok || !file.commit())
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace

QString exportPath(const QString &chosen, const QString &suffix,
                   const std::function<bool(const QString &existing)> &replace)
{
    if (chosen.endsWith(suffix, Qt::CaseInsensitive))
        return chosen;
    const QString path = chosen + suffix;
    if (QFileInfo::exists(path) && !replace(path))
        return {};
    return path;
}

QString writeCsv(const QAbstractItemModel &model, const QString &path)
{
    return writeFile(path, [&](QTextStream &out) {
        QStringList header;
        for (int c = 0; c < model.columnCount(); ++c)
            header << field(model.headerData(c, Qt::Horizontal).toString());
        out << header.join(QLatin1Char(',')) << kEnd;
        for (int r = 0; r < model.rowCount(); ++r) {
            QStringList row;
            for (int c = 0; c < model.columnCount(); ++c)
                row << field(model.index(r, c).data().toString());
            out << row.join(QLatin1Char(',')) << kEnd;
        }
    });
}

QString writeKeysCsv(const RingScene &scene, const QString &path)
{
    QHash<QRgb, QString> byColor; // the previous owner is known by its colour
    for (const auto &s : scene.servers)
        byColor.insert(s.color.rgba(), s.label);
    for (const auto &s : scene.removed)
        byColor.insert(s.color.rgba(), s.label);
    return writeFile(path, [&](QTextStream &out) {
        out << "key,position,owner,moved_from" << kEnd;
        for (std::size_t i = 0; i < scene.keys.size(); ++i) {
            const auto &k = scene.keys[i];
            out << field(scene.keyName(i)) << ',' << k.position << ',' << field(scene.servers[k.owner].label) << ','
                << (k.movedFrom ? field(byColor.value(k.movedFrom)) : QString()) << kEnd;
        }
    });
}

} // namespace ringscope::ui
