#pragma once

#include "ui/models/ringscene.h"
#include "ui/views/ringgeometry.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>
#include <QVector>

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

class QPainter;

namespace ringscope::ui {

class RingCanvas;

// The one paint path of the ring, for the screen and for every export: the
// band of arcs with its ticks, the key dots (halos, the keys that stay put,
// the keys that moved, in flight or settled), the legend and caption, the
// flows, the moved count and the minimap. It paints a scene as it looks with
// one geometry and one look; where a dot goes is the canvas's business (an
// image's pixels, or a circle in an SVG), never the painter's.
//
// Built when the picture's layer is (scene, size, zoom, highlight… changed):
// it places the dots once, and a frame only paints the moving keys and what
// lies over them.
class RingPainter {
    Q_DECLARE_TR_FUNCTIONS(RingPainter)

public:
    // The servers that keep a key (owner first), `count` of them.
    using ReplicaLookup = std::function<std::vector<std::size_t>(std::string_view key, std::size_t count)>;
    // What the picture shows besides the scene.
    struct Look {
        int highlight = -1;     // the picked server: the others fade
        std::vector<bool> down; // servers that do not answer, drawn grey
        // With a server picked: a halo in its colour on the keys it keeps
        // as a replica (`replicas` is R; the lookup is empty when not shown).
        ReplicaLookup replicaLookup;
        int replicas = 1;
        QPalette palette;
        QFont font;
    };

    RingPainter(std::shared_ptr<const RingScene> scene, const RingGeometry &geometry, Look look);

    const RingGeometry &geometry() const noexcept { return m_geometry; }
    std::size_t replicaDotCount() const noexcept { return static_cast<std::size_t>(m_replicaDots.size()); }
    // The dots of a settled picture: halos, and the keys in view.
    std::size_t dotCount() const;

    // The picture in three layers, in this order. The screen keeps the first
    // in an image between frames; an export paints all three at once.
    // Background, band, halos, the keys that stay put, the legend.
    void paintStill(RingCanvas &canvas) const;
    // The keys that moved in the last change, `progress` (0 → 1) of the way in.
    void paintMoving(RingCanvas &canvas, double progress) const;
    // The flows, the moved count and the minimap.
    void paintOverlay(QPainter &p, double progress, bool showFlows) const;
    void paint(RingCanvas &canvas, double progress, bool showFlows) const;

private:
    // A server's colour, `down` when it does not answer, `faded` alpha when another is picked.
    QColor shade(std::size_t server, QColor down, float faded) const;
    QColor serverColor(std::uint32_t server) const; // for the band and the legend
    QColor dotColor(std::size_t server) const;      // for key dots: paler
    double dotSize() const;
    void placeDots();
    void drawBand(QPainter &p) const;   // the ring and its point ticks
    void drawBandSampled(QPainter &p, double r, double thickness) const;
    void drawBandArcs(QPainter &p, const QRectF &box, double thickness) const;
    void drawLegend(QPainter &p) const; // servers, shares, caption
    void drawDots(RingCanvas &canvas, const std::vector<QVector<QPointF>> &dots) const;
    void drawMoved(QPainter &p, double progress, bool showFlows) const; // the flows and the moved count
    void drawFlows(QPainter &p) const;
    void drawMinimap(QPainter &p) const;

    std::shared_ptr<const RingScene> m_scene;
    RingGeometry m_geometry;
    Look m_look;
    std::vector<QVector<QPointF>> m_dots, m_movedDots; // settled key dots per owner
    QVector<QPointF> m_replicaDots; // keys the highlighted server keeps as a replica
};

} // namespace ringscope::ui
