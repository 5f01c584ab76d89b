#include "ui/views/simplenumbersview.h"

#include "core/distribution/distribution.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <optional>


namespace ringscope::ui {
namespace {

constexpr std::size_t kLabelledPoints = 12;

int scaled(std::uint32_t position)
{
    return static_cast<int>((static_cast<std::uint64_t>(position) * 100) >> 32);
}

} // namespace

SimpleNumbersView::SimpleNumbersView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(260, 380);
}

QString SimpleNumbersView::serverLetter(int index)
{
    return index < 26 ? QString(QChar(u'A' + index)) : QStringLiteral("S%1").arg(index + 1);
}

void SimpleNumbersView::setDistribution(const core::Distribution &d, const std::vector<QColor> &colors, int keyCount)
{
    m_colors = colors;
    m_servers.clear();
    for (const auto &s : d.servers())
        m_servers.push_back(QString::fromStdString(s.label()));
    m_rows.clear();
    for (int i = 1; i <= keyCount; ++i) {
        const std::string key = "key" + std::to_string(i);
        const std::uint32_t raw = d.position(key);
        m_rows.push_back({QString::fromStdString(key), scaled(raw), raw, static_cast<int>(d.owner(key))});
    }
    // Every point of the ring (a tick each); labelled when there are few.
    m_points.clear();
    const auto points = d.points();
    m_ring = !points.empty();
    m_hiddenPoints = static_cast<int>(points.size());
    for (const auto &p : points)
        m_points.push_back({static_cast<int>(p.server), static_cast<double>(p.value) * 100.0 / 4294967296.0});
    update();
}

void SimpleNumbersView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::WindowText);
    const int tableHeight = 20 * (static_cast<int>(m_rows.size()) + 1) + 60;
    const double side = m_ring ? std::min<double>(width(), height() - tableHeight) - 50 : 0;
    if (m_ring && side < 60)
        return;
    const QPointF centre(width() / 2.0, 25 + side / 2);
    const double r = side / 2;
    const auto at = [&](double value, double radius) {
        const double a = value / 100.0 * 2 * M_PI - M_PI / 2; // 0 at the top, clockwise
        return centre + QPointF(std::cos(a) * radius, std::sin(a) * radius);
    };
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    if (m_ring) {
        p.setPen(QPen(text, 2));
        p.drawEllipse(centre, r, r);
        p.setFont(small);
        for (int v = 0; v < 100; v += 10) {
            p.drawLine(at(v, r - 4), at(v, r + 4));
            const QPointF c = at(v, r + 14);
            p.drawText(QRectF(c.x() - 14, c.y() - 8, 28, 16), Qt::AlignCenter, QString::number(v));
        }
    }
    QFont bold = font();
    bold.setBold(true);
    m_labels.clear();
    // The keys' dots, staggered inwards so that keys at nearby hashes keep
    // apart; labels keep off them too.
    std::vector<QPointF> keyAt;
    std::vector<QRectF> dots;
    for (std::size_t i = 0; m_ring && i < m_rows.size(); ++i) {
        const double inwards = 0.12 * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(1, m_rows.size() - 1));
        keyAt.push_back(at(m_rows[i].hash + 0.5, r * (0.74 - inwards)));
        dots.emplace_back(keyAt.back() - QPointF(6, 6), QSizeF(12, 12));
    }
    // Labels go where they overlap no other label and no key's dot: the first
    // free one of four places round their anchor, then the same nearer the centre.
    const auto placeLabel = [&](QPointF anchor, const QString &label, const QFont &f) -> std::optional<QRectF> {
        const QFontMetricsF metrics(f);
        const QSizeF size(metrics.horizontalAdvance(label) + 4, metrics.height());
        const QPointF inward = centre - anchor;
        const double length = std::hypot(inward.x(), inward.y());
        const QPointF step = length > 0 ? inward * (size.height() / length) : QPointF();
        // Below, above, right, left: clear of a dot (6 px round the anchor).
        const double dy = 7 + size.height() / 2, dx = 7 + size.width() / 2;
        const QPointF around[] = {{0, dy}, {0, -dy}, {dx, 0}, {-dx, 0}};
        const auto inside = [&](QPointF corner) {
            return std::hypot(corner.x() - centre.x(), corner.y() - centre.y()) < r - 6;
        };
        for (int ring = 0; ring < 4; ++ring)
            for (const QPointF &offset : around) {
                const QPointF c = anchor + step * ring + offset;
                const QRectF rect(c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(), size.height());
                const auto clear = [&](const QRectF &o) { return !o.intersects(rect); };
                if (inside(rect.topLeft()) && inside(rect.topRight()) && inside(rect.bottomLeft())
                    && inside(rect.bottomRight()) && std::all_of(m_labels.begin(), m_labels.end(), clear)
                    && std::all_of(dots.begin(), dots.end(), clear)) {
                    m_labels.push_back(rect);
                    return rect;
                }
            }
        return std::nullopt;
    };
    const auto colourOf = [this](int server) -> QColor {
        return server >= 0 && static_cast<std::size_t>(server) < m_colors.size() ? m_colors[static_cast<std::size_t>(server)]
                                                                                 : QColor(Qt::gray);
    };
    const bool labelled = m_points.size() <= kLabelledPoints;
    for (const Mark &m : m_points) {
        const QColor c = colourOf(m.server);
        const QPointF pos = at(m.at, r);
        if (!labelled) {
            p.setPen(QPen(c, 2));
            p.drawLine(at(m.at, r - 7), at(m.at, r + 1));
            continue;
        }
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(c);
        p.drawRect(QRectF(pos.x() - 6, pos.y() - 6, 12, 12));
        p.setFont(bold);
        p.setPen(text);
        const QString label = serverLetter(m.server) + QStringLiteral(" ") + QString::number(qRound(m.at));
        if (const auto rect = placeLabel(at(m.at, r - 16), label, bold))
            p.drawText(*rect, Qt::AlignCenter, label);
    }
    p.setFont(small);
    for (std::size_t i = 0; i < keyAt.size(); ++i) {
        const Row &row = m_rows[i];
        const QColor c = colourOf(row.owner);
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(c);
        const QPointF pos = keyAt[i];
        p.drawEllipse(pos, 5, 5);
        p.setPen(text);
        if (const auto rect = placeLabel(pos, row.key, small)) {
            // A label pushed away from its dot gets a thin line to it.
            const QPointF nearest(std::clamp(pos.x(), rect->left(), rect->right()),
                                  std::clamp(pos.y(), rect->top(), rect->bottom()));
            if (std::hypot(nearest.x() - pos.x(), nearest.y() - pos.y()) > 8) {
                p.setPen(QPen(c.darker(130), 1));
                p.drawLine(pos, nearest);
                p.setPen(text);
            }
            p.drawText(*rect, Qt::AlignCenter, row.key);
        }
    }
    // The table under the circle.
    double y = m_ring ? 25 + side + 24 : 8;
    const double x0 = 10, w = width() - 20;
    p.setFont(bold);
    p.drawText(QRectF(x0, y, w / 3, 20), Qt::AlignLeft, tr("key"));
    p.drawText(QRectF(x0 + w / 3, y, w / 3, 20), Qt::AlignLeft, m_ring ? tr("hash (0–100)") : tr("hash"));
    p.drawText(QRectF(x0 + 2 * w / 3, y, w / 3, 20), Qt::AlignLeft, tr("server"));
    p.setFont(font());
    for (const Row &row : m_rows) {
        y += 20;
        p.drawText(QRectF(x0, y, w / 3, 20), Qt::AlignLeft, row.key);
        p.drawText(QRectF(x0 + w / 3, y, w / 3, 20), Qt::AlignLeft, QString::number(m_ring ? static_cast<std::uint32_t>(row.hash) : row.raw));
        p.drawText(QRectF(x0 + 2 * w / 3, y, w / 3, 20), Qt::AlignLeft,
                   row.owner >= 0 ? serverLetter(row.owner) : QStringLiteral("—"));
    }
    y += 26;
    p.setFont(small);
    QString note = m_ring ? tr("%1 server points on the ring. A key belongs to the first point clockwise from its hash.")
                                .arg(m_hiddenPoints)
                          : tr("No ring: the server is computed from the hash itself, e.g. hash mod %1 for modulo over %1 servers.")
                                .arg(m_servers.size());
    p.drawText(QRectF(x0, y, w, height() - y), Qt::TextWordWrap, note);
}

} // namespace ringscope::ui
