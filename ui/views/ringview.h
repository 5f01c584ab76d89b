#pragma once

#include "ui/models/ringscene.h"
#include "ui/views/ringgeometry.h"
#include "ui/views/ringpainter.h"

#include <QImage>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

class QVariantAnimation;

namespace ringscope::ui {

// The hash space as a circle: each server's arcs in its colour, ring points
// as ticks, keys as dots at their hash position coloured by owner. After a
// topology change the keys that changed owner travel in from the outside,
// taking their new owner's colour, with a running count.
//
// Drawing follows Qt's mandelbrot example: the still layer (arcs, ticks, the
// keys that stay put, labels) is rendered once into a cached QImage and
// rebuilt only when the scene, the size, the zoom or the look changes; a
// frame blits it with the moving keys stamped in. What is drawn where is
// RingPainter's (the one paint path, the same for exportTo) with a
// RingGeometry; the view keeps the state and answers the pointer.
class RingView : public QWidget {
    Q_OBJECT

public:
    explicit RingView(QWidget *parent = nullptr);
    ~RingView() override;

    void setScene(std::shared_ptr<const RingScene> scene, bool animate);
    const RingScene *scene() const noexcept { return m_scene.get(); }
    void setHighlightedServer(int server);
    // Servers that do not answer are drawn grey: their keys miss.
    void setServersDown(std::vector<bool> down);
    int highlightedServer() const noexcept { return m_highlight; }
    void setAnimationSpeed(double factor); // 1 = normal
    // The servers that keep a key (owner first), for hover and "show
    // replicas"; `replicas` is R. Without it, only owners are known.
    using ReplicaLookup = RingPainter::ReplicaLookup;
    void setReplicaLookup(ReplicaLookup lookup, int replicas);
    // With a server picked out, the keys it keeps as a replica get a halo in its colour.
    void setShowReplicas(bool show);
    bool showReplicas() const noexcept { return m_showReplicas; }
    // Also for small changes, draw where the moved keys went while they move.
    void setShowFlows(bool show) { m_showFlows = show; update(); }
    std::size_t replicaDotCount() const; // keys drawn with a halo now
    void replay();

    // Geometry, for tests and hit testing: where a position on the circle is drawn.
    RingGeometry geometry() const;
    QPointF pointAt(std::uint32_t position, double radius) const;
    double ringRadius() const;
    QPointF center() const;
    // Where key `index` of the scene is drawn once settled.
    QPointF keyPoint(std::size_t index) const;
    // The index of the key whose dot is under `pos`, or -1.
    int keyAt(const QPointF &pos) const;
    // The server whose arc is under `pos`, or -1.
    int serverAt(const QPointF &pos) const;
    bool animating() const;
    // Saves the ring as it is drawn now: .png (at twice the screen's
    // resolution) or .svg (vector: the ring, up to 20,000 key dots, legend
    // and flows). An empty string, or what went wrong.
    QString exportTo(const QString &path);

Q_SIGNALS:
    void serverClicked(int server);
    void keyHovered(const QString &key);
    void animationFinished();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool event(QEvent *event) override;

private:
    void renderRingLayer();
    RingPainter::Look look() const;
    int pointIndexFor(std::uint32_t position) const; // owning point, clockwise

    std::shared_ptr<const RingScene> m_scene;
    std::optional<RingPainter> m_painter; // made with the layer
    QImage m_ringLayer;
    QImage m_frame; // the layer with the moved keys, when there are any
    ReplicaLookup m_lookup;
    int m_replicas = 1;
    bool m_showReplicas = false;
    bool m_showFlows = true;
    bool m_layerDirty = true;
    int m_highlight = -1;
    std::vector<bool> m_down;
    double m_zoom = 1.0;
    QPointF m_pan;
    QPoint m_dragStart;
    QPointF m_panStart;
    bool m_dragging = false;
    double m_progress = 1.0; // animation of the last change, 0 → 1
    double m_speed = 1.0;
    QVariantAnimation *m_animation = nullptr;
};

} // namespace ringscope::ui
