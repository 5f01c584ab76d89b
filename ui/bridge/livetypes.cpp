#include "ui/bridge/livetypes.h"

namespace ringscope::ui {
namespace {

constexpr struct {
    EventKind kind;
    const char *name;
} kKinds[] = {{EventKind::Info, "info"},     {EventKind::Topology, "topology"},       {EventKind::Health, "health"},
              {EventKind::Recovery, "recovery"},
              {EventKind::Demo, "demo"},     {EventKind::Replication, "replication"}, {EventKind::Traffic, "traffic"}};

} // namespace

QString eventKindName(EventKind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QLatin1String(k.name);
    return QStringLiteral("info");
}

EventKind eventKindFromName(const QString &name)
{
    for (const auto &k : kKinds)
        if (name == QLatin1String(k.name))
            return k.kind;
    return EventKind::Info;
}

} // namespace ringscope::ui
