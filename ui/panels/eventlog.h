#pragma once

#include "ui/bridge/livetypes.h"

#include <QListWidget>

namespace ringscope::ui {

// The log of topology, health, demo, replication and traffic events, newest
// first, coloured by kind; the oldest go past 5,000 lines.
class EventLog : public QListWidget {
    Q_OBJECT

public:
    explicit EventLog(QWidget *parent = nullptr);
    void add(EventKind kind, const QString &text);
};

} // namespace ringscope::ui
