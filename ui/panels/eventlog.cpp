#include "ui/panels/eventlog.h"

#include <QDateTime>

namespace ringscope::ui {

EventLog::EventLog(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("eventLog"));
    setUniformItemSizes(true);
}

void EventLog::add(EventKind kind, const QString &text)
{
    auto *item = new QListWidgetItem(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz  ")) + text);
    switch (kind) {
    case EventKind::Health:
        item->setForeground(QColor(0xD5, 0x5E, 0x00));
        break;
    case EventKind::Recovery:
        item->setForeground(QColor(0x00, 0x9E, 0x73));
        break;
    case EventKind::Replication:
        item->setForeground(QColor(0x00, 0x72, 0xB2));
        break;
    case EventKind::Demo:
        item->setForeground(QColor(0xCC, 0x79, 0xA7));
        break;
    default:
        break;
    }
    item->setData(Qt::UserRole, eventKindName(kind));
    insertItem(0, item);
    while (count() > 5000)
        delete takeItem(count() - 1);
}

} // namespace ringscope::ui
