#include "servertablemodel.h"

#include <QColor>

namespace ringscope::ui {

ServerTableModel::ServerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ServerTableModel::setScene(std::shared_ptr<const RingScene> scene, std::vector<std::uint32_t> weights)
{
    beginResetModel();
    m_scene = std::move(scene);
    m_weights = std::move(weights);
    m_points.assign(m_scene ? m_scene->servers.size() : 0, 0);
    if (m_scene)
        for (const auto &p : m_scene->points)
            ++m_points[p.server];
    endResetModel();
}

void ServerTableModel::setLive(std::vector<LiveServer> live)
{
    m_live = std::move(live);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, State), index(rowCount() - 1, NumColumns - 1));
}

int ServerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_scene ? 0 : static_cast<int>(m_scene->servers.size());
}

int ServerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns;
}

QVariant ServerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const auto &s = m_scene->servers[row];
    const double total = static_cast<double>(m_scene->keys.size());
    if (role == Qt::DecorationRole && index.column() == Server)
        return s.color;
    if (role == Qt::TextAlignmentRole && index.column() != Server)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const LiveServer *live = row < m_live.size() ? &m_live[row] : nullptr;
    if (role == Qt::ForegroundRole && index.column() == State && live) {
        if (live->stopped || live->health == core::ServerState::Down)
            return QColor(0xD5, 0x5E, 0x00);
        if (live->paused || live->health == core::ServerState::Suspect)
            return QColor(0xE6, 0x9F, 0x00);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == State && live && !live->error.isEmpty())
        return live->error;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    auto rate = [](double v) { return v < 0 ? QVariant(QStringLiteral("—")) : QVariant(QString::number(v, 'f', 0)); };
    switch (index.column()) {
    case Server:
        return s.label;
    case State:
        if (!live)
            return tr("not watched");
        if (live->stopped)
            return tr("killed");
        if (live->paused)
            return live->health == core::ServerState::Down ? tr("hung · down") : tr("hung");
        return QString::fromLatin1(core::stateName(live->health));
    case Held:
        return live && live->polled ? QVariant::fromValue<qulonglong>(live->items) : QVariant(QStringLiteral("—"));
    case GetsPerSecond:
        return live ? rate(live->getsPerSecond) : QVariant(QStringLiteral("—"));
    case HitRatio:
        return live && live->hitRatio >= 0 ? QVariant(QString(QString::number(100 * live->hitRatio, 'f', 0) + QLatin1Char('%')))
                                           : QVariant(QStringLiteral("—"));
    case Weight:
        return row < m_weights.size() ? m_weights[row] : 1u;
    case Points:
        return m_scene->points.empty() ? QVariant(QStringLiteral("—")) : QVariant(m_points[row]);
    case Keys:
        return QVariant::fromValue<qulonglong>(s.keys);
    case Share:
        return total > 0 ? QString(QString::number(100.0 * static_cast<double>(s.keys) / total, 'f', 1) + QLatin1Char('%'))
                         : QString();
    case IdealShare:
        return QString(QString::number(100.0 * s.idealShare, 'f', 1) + QLatin1Char('%'));
    default:
        return {};
    }
}

QVariant ServerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Server:
        return tr("Server");
    case Weight:
        return tr("Weight");
    case Points:
        return tr("Points");
    case Keys:
        return tr("Keys owned");
    case Share:
        return tr("Share");
    case IdealShare:
        return tr("Ideal");
    case State:
        return tr("State");
    case Held:
        return tr("Keys held");
    case GetsPerSecond:
        return tr("Gets/s");
    case HitRatio:
        return tr("Hit ratio");
    default:
        return {};
    }
}

} // namespace ringscope::ui
