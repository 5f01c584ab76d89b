#include "ui/util/names.h"

#include <QCoreApplication>

namespace ringscope::ui {

QString modeText(core::ReplicationMode mode)
{
    switch (mode) {
    case core::ReplicationMode::None: return QCoreApplication::translate("names", "none");
    case core::ReplicationMode::MasterSlave: return QCoreApplication::translate("names", "master-slave");
    case core::ReplicationMode::Ring: return QCoreApplication::translate("names", "ring");
    case core::ReplicationMode::MultiMaster: return QCoreApplication::translate("names", "multi-master");
    }
    return QString::fromLatin1(core::modeName(mode));
}

QString policyText(core::ReadPolicy policy)
{
    switch (policy) {
    case core::ReadPolicy::Primary: return QCoreApplication::translate("names", "primary");
    case core::ReadPolicy::RoundRobin: return QCoreApplication::translate("names", "round-robin");
    case core::ReadPolicy::LeastOutstanding: return QCoreApplication::translate("names", "least outstanding");
    case core::ReadPolicy::Hash: return QCoreApplication::translate("names", "hash");
    }
    return QString::fromLatin1(core::policyName(policy));
}

QString onFailureText(core::OnFailure onFailure)
{
    switch (onFailure) {
    case core::OnFailure::Miss: return QCoreApplication::translate("names", "miss");
    case core::OnFailure::Rehash: return QCoreApplication::translate("names", "rehash");
    }
    return QString::fromLatin1(core::onFailureName(onFailure));
}

QString healthText(core::ServerState state)
{
    switch (state) {
    case core::ServerState::Up: return QCoreApplication::translate("names", "up");
    case core::ServerState::Suspect: return QCoreApplication::translate("names", "suspect");
    case core::ServerState::Down: return QCoreApplication::translate("names", "down");
    }
    return QString::fromLatin1(core::stateName(state));
}

} // namespace ringscope::ui
