#include "simplenumbersview.h"

#include "core/distribution/distribution.h"

#include <QPainter>
#include <QtMath>


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
    const bool labelled = m_points.size() <= kLabelledPoints;
    for (const Mark &m : m_points) {
        const QColor c = static_cast<std::size_t>(m.server) < m_colors.size() ? m_colors[static_cast<std::size_t>(m.server)] : Qt::gray;
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
        const QPointF label = at(m.at, r - 22);
        p.drawText(QRectF(label.x() - 22, label.y() - 9, 44, 18), Qt::AlignCenter,
                   serverLetter(m.server) + QStringLiteral(" ") + QString::number(qRound(m.at)));
    }
    p.setFont(small);
    for (const Row &row : m_rows) {
        if (!m_ring)
            break;
        const QColor c = row.owner >= 0 && static_cast<std::size_t>(row.owner) < m_colors.size()
            ? m_colors[static_cast<std::size_t>(row.owner)]
            : Qt::gray;
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(c);
        // Staggered inwards, so that keys at nearby hashes keep readable labels.
        const QPointF pos = at(row.hash + 0.5, r * (0.74 - 0.12 * static_cast<double>(&row - m_rows.data()) / static_cast<double>(std::max<std::size_t>(1, m_rows.size() - 1))));
        p.drawEllipse(pos, 5, 5);
        p.setPen(text);
        p.drawText(QRectF(pos.x() - 30, pos.y() + 5, 60, 16), Qt::AlignCenter, row.key);
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
