#include "ui/models/servertablemodel.h"

#include <QColor>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace ringscope::ui {
namespace {

QColor healthColor(ServerTableModel::Health h)
{
    switch (h) {
    case ServerTableModel::Health::Up:
        return QColor(0x00, 0x9E, 0x73);
    case ServerTableModel::Health::Warming:
        return QColor(0x56, 0xB4, 0xE9);
    case ServerTableModel::Health::Suspect:
    case ServerTableModel::Health::Hung:
        return QColor(0xE6, 0x9F, 0x00);
    case ServerTableModel::Health::Down:
    case ServerTableModel::Health::Killed:
        return QColor(0xD5, 0x5E, 0x00);
    case ServerTableModel::Health::Ejected:
        return QColor(0xCC, 0x79, 0xA7);
    case ServerTableModel::Health::Unknown:
        break;
    }
    return QColor(0x99, 0x99, 0x99);
}

// A dot for up/warming, a ring for suspect/hung, a cross for down/killed, a
// dash for ejected: the shape says it too, not only the colour.
QIcon healthIcon(ServerTableModel::Health h)
{
    static QHash<int, QIcon> cache;
    if (const auto it = cache.constFind(static_cast<int>(h)); it != cache.constEnd())
        return *it;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = healthColor(h);
    using H = ServerTableModel::Health;
    switch (h) {
    case H::Up:
    case H::Warming:
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QRectF(6, 6, 20, 20));
        if (h == H::Warming) {
            p.setBrush(Qt::white);
            p.drawPie(QRectF(10, 10, 12, 12), 90 * 16, 180 * 16);
        }
        break;
    case H::Suspect:
    case H::Hung:
        p.setPen(QPen(c, 5));
        p.drawEllipse(QRectF(8, 8, 16, 16));
        break;
    case H::Down:
    case H::Killed:
        p.setPen(QPen(c, 6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 8), QPointF(24, 24));
        p.drawLine(QPointF(24, 8), QPointF(8, 24));
        break;
    case H::Ejected:
        p.setPen(QPen(c, 6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(7, 16), QPointF(25, 16));
        break;
    case H::Unknown:
        p.setPen(QPen(c, 3));
        p.drawEllipse(QRectF(8, 8, 16, 16));
        break;
    }
    p.end();
    return cache[static_cast<int>(h)] = QIcon(pixmap);
}

QString percent(double ratio, int decimals = 0)
{
    return QString::number(100.0 * ratio, 'f', decimals) + QLatin1Char('%');
}

const QString kNone = QStringLiteral("—");

} // namespace

ServerTableModel::ServerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString ServerTableModel::healthName(Health h)
{
    switch (h) {
    case Health::Unknown:
        return tr("not watched");
    case Health::Up:
        return tr("up");
    case Health::Suspect:
        return tr("suspect");
    case Health::Down:
        return tr("down");
    case Health::Hung:
        return tr("hung");
    case Health::Killed:
        return tr("killed");
    case Health::Warming:
        return tr("warming");
    case Health::Ejected:
        return tr("ejected");
    }
    return {};
}

void ServerTableModel::setScene(std::shared_ptr<const RingScene> scene, std::vector<std::uint32_t> weights)
{
    beginResetModel();
    m_scene = std::move(scene);
    m_weights = std::move(weights);
    m_points.assign(m_scene ? m_scene->servers.size() : 0, 0);
    if (m_scene)
        for (const auto &p : m_scene->points)
            if (p.server < m_points.size())
                ++m_points[p.server];
    endResetModel();
}

void ServerTableModel::setLive(std::vector<LiveServer> live)
{
    m_live = std::move(live);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, State), index(rowCount() - 1, NumColumns - 1));
}

ServerTableModel::Health ServerTableModel::health(int row) const
{
    if (!m_scene || row < 0 || static_cast<std::size_t>(row) >= m_scene->servers.size())
        return Health::Unknown;
    const auto r = static_cast<std::size_t>(row);
    if (r >= m_live.size())
        return m_scene->servers[r].ejected ? Health::Ejected : Health::Unknown;
    const LiveServer &l = m_live[r];
    if (!l.watched)
        return m_scene->servers[r].ejected ? Health::Ejected : Health::Unknown;
    if (l.stopped)
        return Health::Killed;
    if (l.paused)
        return Health::Hung;
    if (m_scene->servers[r].ejected)
        return Health::Ejected;
    switch (l.health) {
    case core::ServerState::Down:
        return Health::Down;
    case core::ServerState::Suspect:
        return Health::Suspect;
    case core::ServerState::Up:
        break;
    }
    return l.warming || l.resyncing ? Health::Warming : Health::Up;
}

int ServerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_scene ? 0 : static_cast<int>(m_scene->servers.size());
}

int ServerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns;
}

Qt::ItemFlags ServerTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Weight)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ServerTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Weight
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = false;
    const int weight = value.toInt(&ok);
    if (!ok || weight < 1 || weight > 10000)
        return false;
    if (static_cast<std::size_t>(index.row()) < m_weights.size()
        && m_weights[static_cast<std::size_t>(index.row())] == static_cast<std::uint32_t>(weight))
        return true;
    // The window rebuilds the scene with the new weight, which resets this model.
    Q_EMIT weightEdited(index.row(), weight);
    return true;
}

QVariant ServerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const int column = index.column();
    if (role == Qt::DecorationRole && column == Server)
        return m_scene->servers[row].color;
    if (role == Qt::DecorationRole && column == State)
        return healthIcon(health(index.row()));
    if (role == Qt::TextAlignmentRole && column != Server && column != State)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const LiveServer *live = row < m_live.size() ? &m_live[row] : nullptr;
    if (role == Qt::ToolTipRole) {
        if (column == State && live && !live->error.isEmpty())
            return live->error;
        if (column == Misplaced)
            return tr("Keys this server holds that the preset places elsewhere (from the last audit)");
        if (column == OurRequests)
            return tr("Requests RingScope's own traffic generator sent to this server, per second");
        if (column == Latency)
            return tr("Round trip of the last stats request");
        return {};
    }
    if (role == SortRole)
        return column == Server || column == State ? display(row, column) : data(index, Qt::EditRole);
    if (role == Qt::EditRole && column == Weight)
        return row < m_weights.size() ? m_weights[row] : 1u;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    return display(row, column);
}

QVariant ServerTableModel::display(std::size_t row, int column) const
{
    const auto &s = m_scene->servers[row];
    const double total = static_cast<double>(m_scene->keys.size());
    const LiveServer *live = row < m_live.size() ? &m_live[row] : nullptr;
    auto rate = [](double v) { return v < 0 ? QVariant(kNone) : QVariant(QString::number(v, 'f', v < 10 ? 1 : 0)); };
    switch (column) {
    case Server:
        return s.label;
    case State: {
        const Health h = health(static_cast<int>(row));
        if (h == Health::Hung && live && live->health == core::ServerState::Down)
            return tr("hung · down");
        return healthName(h);
    }
    case Weight:
        return row < m_weights.size() ? m_weights[row] : 1u;
    case Points:
        return m_scene->points.empty() ? QVariant(kNone) : QVariant(m_points[row]);
    case Keys:
        return QVariant::fromValue<qulonglong>(s.keys);
    case Share:
        return total > 0 ? percent(static_cast<double>(s.keys) / total, 1) : QString();
    case IdealShare:
        return percent(s.idealShare, 1);
    case Held: // stats are fresh every second; the audit's count only when stats fail
        if (live && live->polled)
            return QVariant::fromValue<qulonglong>(live->items);
        return live && live->held >= 0 ? QVariant(live->held) : QVariant(kNone);
    case Misplaced:
        return live && live->misplaced >= 0 ? QVariant(live->misplaced) : QVariant(kNone);
    case GetsPerSecond:
        return live ? rate(live->getsPerSecond) : QVariant(kNone);
    case SetsPerSecond:
        return live ? rate(live->setsPerSecond) : QVariant(kNone);
    case HitRatio:
        return live && live->hitRatio >= 0 ? QVariant(percent(live->hitRatio)) : QVariant(kNone);
    case Memory:
        if (!live || !live->polled)
            return kNone;
        return live->limitBytes ? QLocale().formattedDataSize(static_cast<qint64>(live->bytes)) + QStringLiteral(" / ")
                + QLocale().formattedDataSize(static_cast<qint64>(live->limitBytes))
                                : QLocale().formattedDataSize(static_cast<qint64>(live->bytes));
    case Evictions:
        return live ? rate(live->evictionsPerSecond) : QVariant(kNone);
    case Latency:
        return live && live->roundTripMs >= 0 ? QVariant(QString::number(live->roundTripMs, 'f', 2) + tr(" ms"))
                                              : QVariant(kNone);
    case OurRequests:
        return live ? rate(live->requestsPerSecond) : QVariant(kNone);
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
    case State:
        return tr("State");
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
    case Held:
        return tr("Keys held");
    case Misplaced:
        return tr("Misplaced");
    case GetsPerSecond:
        return tr("Gets/s");
    case SetsPerSecond:
        return tr("Sets/s");
    case HitRatio:
        return tr("Hit ratio");
    case Memory:
        return tr("Memory");
    case Evictions:
        return tr("Evictions/s");
    case Latency:
        return tr("Latency");
    case OurRequests:
        return tr("Our req/s");
    default:
        return {};
    }
}

} // namespace ringscope::ui
