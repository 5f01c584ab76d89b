#pragma once

// Small helpers shared by the GUI tests.
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"
#include "ui/session/clustersession.h"

#include <QWidget>

#include <memory>

namespace ringscope::test {

inline core::ServerList servers(const char *spec)
{
    return *core::parseServerList(spec).value;
}

inline std::unique_ptr<core::Distribution> make(const char *preset, const core::ServerList &list)
{
    std::string error;
    return core::makeDistribution(*core::findPreset(preset), list, std::nullopt, {}, error);
}

inline ui::ReplicationChoice replication(core::ReplicationMode mode, int replicas, core::ReadPolicy policy,
                                         core::OnFailure onFailure, int quorum = 0)
{
    ui::ReplicationChoice c;
    c.mode = mode;
    c.replicas = replicas;
    c.policy = policy;
    c.onFailure = onFailure;
    c.quorum = quorum;
    return c;
}

// Saves `w` as `name` in $RINGSCOPE_SCREENSHOT_DIR, when it is set (README screenshots).
inline void saveIfAsked(QWidget &w, const char *name)
{
    const QByteArray dir = qgetenv("RINGSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w.grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + QLatin1String(name));
}

} // namespace ringscope::test
