#pragma once

// The core's enum names as the user reads them (translated).
#include "core/live/replication.h"
#include "core/net/serverpool.h"

#include <QString>

namespace ringscope::ui {

QString modeText(core::ReplicationMode mode);
QString policyText(core::ReadPolicy policy);
QString onFailureText(core::OnFailure onFailure);
QString healthText(core::ServerState state);

} // namespace ringscope::ui
