#pragma once

// Conversions between the core's std::string / string_view and QString.
#include "core/distribution/server.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

namespace ringscope::ui {

// Text from the core (UTF-8).
inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Names from the core's tables (ASCII).
inline QString latin(std::string_view s)
{
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

// The servers as a SPEC ("host:port[:weight][ name]" separated by commas),
// which parseServerList reads back.
inline QString specOf(const core::ServerList &servers)
{
    QStringList parts;
    for (const auto &s : servers) {
        QString part = qs(s.address());
        if (s.weight != 1)
            part += QLatin1Char(':') + QString::number(s.weight);
        if (!s.name.empty())
            part += QLatin1Char(' ') + qs(s.name);
        parts << part;
    }
    return parts.join(QLatin1Char(','));
}

} // namespace ringscope::ui
