#include "ui/session/clusterrequest.h"
#include "ui/util/strings.h"

#include <QObject>
#include <QStringList>

#include <algorithm>

namespace ringscope::ui {

QString ClusterRequest::title() const
{
    switch (kind) {
    case Kind::Demo:
        return proxy.isEmpty() ? QObject::tr("local demo, %1 servers").arg(demoServers)
                               : QObject::tr("local demo, %1 servers behind %2").arg(demoServers).arg(proxy);
    case Kind::Servers:
    case Kind::ConfigFile:
        return spec;
    case Kind::ElastiCache:
        return QObject::tr("ElastiCache %1").arg(qs(endpoint.address()));
    }
    return {};
}

QString ClusterRequest::toSettings() const
{
    const QChar bar = QLatin1Char('|');
    switch (kind) {
    case Kind::Demo:
        return QStringLiteral("demo|%1|%2").arg(demoServers).arg(proxy);
    case Kind::Servers:
        return QStringLiteral("servers") + bar + spec + bar + preset + bar + hash;
    case Kind::ConfigFile:
        return QStringLiteral("file") + bar + spec + bar + preset + bar + hash;
    case Kind::ElastiCache:
        return QStringLiteral("elasticache") + bar + spec + bar + preset + bar + hash;
    }
    return {};
}

std::optional<ClusterRequest> ClusterRequest::fromSettings(const QString &line)
{
    const QStringList f = line.split(QLatin1Char('|'));
    ClusterRequest r;
    const QString kind = f.value(0);
    if (kind == QLatin1String("demo")) {
        r.kind = Kind::Demo;
        r.demoServers = std::clamp(f.value(1).toInt(), 1, 32);
        r.proxy = f.value(2);
        return r;
    }
    if (kind == QLatin1String("servers"))
        r.kind = Kind::Servers;
    else if (kind == QLatin1String("file"))
        r.kind = Kind::ConfigFile;
    else if (kind == QLatin1String("elasticache"))
        r.kind = Kind::ElastiCache;
    else
        return std::nullopt;
    r.spec = f.value(1);
    r.preset = f.value(2);
    r.hash = f.value(3);
    if (r.spec.isEmpty())
        return std::nullopt;
    return r;
}

} // namespace ringscope::ui
