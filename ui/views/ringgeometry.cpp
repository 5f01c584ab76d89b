#include "ui/views/ringgeometry.h"

#include "ui/models/ringscene.h"

#include <algorithm>
#include <cmath>

namespace ringscope::ui {

RingGeometry::RingGeometry(QSizeF size, double zoom, QPointF pan)
    : m_size(size)
    , m_zoom(zoom)
    , m_center(QPointF(size.width() / 2.0, size.height() / 2.0) + pan)
    , m_ringRadius(std::min(size.width(), size.height()) * 0.40 * zoom)
{
}

double RingGeometry::bandThickness() const
{
    return std::max(6.0, m_ringRadius * 0.07);
}

QRectF RingGeometry::ringBox() const
{
    const double r = m_ringRadius;
    return QRectF(m_center.x() - r, m_center.y() - r, 2 * r, 2 * r);
}

double RingGeometry::hitBand() const
{
    return std::max(6.0, m_ringRadius * 0.06);
}

double RingGeometry::angleOf(std::uint32_t position)
{
    return kTwoPi * static_cast<double>(position) / kCircle;
}

QPointF RingGeometry::pointAt(std::uint32_t position, double radius) const
{
    const double a = angleOf(position);
    return m_center + QPointF(radius * std::sin(a), -radius * std::cos(a));
}

std::uint32_t RingGeometry::positionAt(const QPointF &pos) const
{
    const QPointF d = pos - m_center;
    double a = std::atan2(d.x(), -d.y());
    if (a < 0)
        a += kTwoPi;
    return static_cast<std::uint32_t>(std::min(kCircle - 1, a / kTwoPi * kCircle));
}

QPointF RingGeometry::keyPoint(std::uint32_t position) const
{
    return pointAt(position, keyRadius() * RingScene::radiusFactor(position));
}

QRectF RingGeometry::flowsArea() const
{
    const double r = keyRadius() * 0.72;
    return QRectF(m_center.x() - r * 0.75, m_center.y() - r * 0.62, r * 1.5, r * 1.24);
}

QRectF RingGeometry::movedCountBox() const
{
    return QRectF(0, 0, width() - 12, height() - 10);
}

QPointF RingGeometry::captionAt() const
{
    return QPointF(12, height() - 12);
}

QPointF RingGeometry::minimapCenter() const
{
    return QPointF(width() - kMinimapRadius - 16, kMinimapRadius + 16);
}

} // namespace ringscope::ui
