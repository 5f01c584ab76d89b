#pragma once

#include "../models/ringscene.h"

#include <QImage>
#include <QWidget>

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

class QVariantAnimation;

namespace ringscope::ui {

// The hash space as a circle: each server's arcs in its colour, ring points
// as ticks, keys as dots at their hash position coloured by owner. After a
// topology change the keys that changed owner travel in from the outside,
// taking their new owner's colour, with a running count.
//
// Drawing follows Qt's mandelbrot example: the ring layer (arcs, ticks,
// labels) is rendered once into a cached QImage and rebuilt only when the
// scene, the size or the zoom changes; a frame blits it and draws the keys
// with one drawPoints() per colour.
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
    using ReplicaLookup = std::function<std::vector<std::size_t>(std::string_view key, std::size_t count)>;
    void setReplicaLookup(ReplicaLookup lookup, int replicas);
    // With a server picked out, the keys it keeps as a replica get a halo in its colour.
    void setShowReplicas(bool show);
    bool showReplicas() const noexcept { return m_showReplicas; }
    // Also for small changes, draw where the moved keys went while they move.
    void setShowFlows(bool show) { m_showFlows = show; update(); }
    std::size_t replicaDotCount() const; // keys drawn with a halo now
    void replay();

    // Geometry, for tests and hit testing: where a position on the circle is drawn.
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
    QColor serverColor(std::uint32_t server) const; // greyed when down, faded when another is picked
    void drawBand(QPainter &p) const;   // the ring and its point ticks
    void drawLegend(QPainter &p) const; // servers, shares, caption
    void drawBandSampled(QPainter &p, double r, double thickness,
                         const std::function<QColor(std::uint32_t)> &colorOf) const;
    void drawBandArcs(QPainter &p, const QRectF &box, double thickness,
                      const std::function<QColor(std::uint32_t)> &colorOf) const;
    void cacheDots();
    void drawKeys(QImage &frame) const;
    void stampDots(QImage &image, const std::vector<QVector<QPointF>> &dots) const;
    double dotSize() const;
    void drawMinimap(QPainter &p) const;
    void drawFlows(QPainter &p) const;
    void drawOverlay(QPainter &p) const;
    double keyRadius() const { return ringRadius() * 0.86; }
    std::uint32_t positionAt(const QPointF &pos) const;
    int pointIndexFor(std::uint32_t position) const; // owning point, clockwise

    std::shared_ptr<const RingScene> m_scene;
    QImage m_ringLayer;
    QImage m_frame; // the layer with the moved keys, when there are any
    std::vector<QVector<QPointF>> m_dots, m_movedDots; // settled key dots per owner, with the layer
    QVector<QPointF> m_replicaDots; // keys the highlighted server keeps as a replica
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
