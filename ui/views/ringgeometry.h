#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <cstdint>
#include <numbers>

namespace ringscope::ui {

// Where the parts of a picture of the ring are, from the picture's size, zoom
// and pan alone: the centre and radii, a position on the 32-bit circle and a
// point in the picture both ways, and the boxes of the flows, the moved count,
// the caption and the minimap. A value: the view makes one from its state,
// paints with it and hit-tests with it; an export paints with the same one.
class RingGeometry {
public:
    RingGeometry() = default;
    RingGeometry(QSizeF size, double zoom, QPointF pan);

    QSizeF size() const noexcept { return m_size; }
    QRectF rect() const noexcept { return QRectF(QPointF(0, 0), m_size); }
    double width() const noexcept { return m_size.width(); }
    double height() const noexcept { return m_size.height(); }
    double zoom() const noexcept { return m_zoom; }

    QPointF center() const noexcept { return m_center; }
    double ringRadius() const noexcept { return m_ringRadius; }
    double keyRadius() const noexcept { return m_ringRadius * 0.86; } // the key band's outer edge
    double bandThickness() const;                                      // of the band of arcs
    QRectF ringBox() const;                                            // the circle of the band's middle
    // How far from the band's middle a click still picks its arc.
    double hitBand() const;

    static double angleOf(std::uint32_t position); // radians, clockwise from 12 o'clock
    QPointF pointAt(std::uint32_t position, double radius) const;
    std::uint32_t positionAt(const QPointF &pos) const;
    // Where a key at `position` is drawn once settled (RingScene::radiusFactor).
    QPointF keyPoint(std::uint32_t position) const;

    QRectF flowsArea() const;      // the Sankey diagram of moved keys, in the ring's hole
    QRectF movedCountBox() const;  // the moved count sits at its bottom right
    QPointF captionAt() const;     // the caption's baseline, bottom left
    QPointF minimapCenter() const; // top right: the moved count has the bottom right
    static constexpr double kMinimapRadius = 46;

    static constexpr double kTwoPi = 2 * std::numbers::pi;
    static constexpr double kCircle = 4294967296.0;

private:
    QSizeF m_size;
    double m_zoom = 1.0;
    QPointF m_center;
    double m_ringRadius = 0;
};

} // namespace ringscope::ui
