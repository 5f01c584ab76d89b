#include "ui/views/ringview.h"

#include "ui/views/ringcanvas.h"

#include "core/placement/keyset.h"

#include <QFileInfo>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ringscope::ui {

RingView::RingView(QWidget *parent)
    : QWidget(parent)
    , m_animation(new QVariantAnimation(this))
{
    setMouseTracking(true);
    setMinimumSize(320, 320);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        m_progress = v.toDouble();
        update();
    });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        m_progress = 1.0;
        update();
        Q_EMIT animationFinished();
    });
}

RingView::~RingView() = default;

void RingView::setScene(std::shared_ptr<const RingScene> scene, bool animate)
{
    m_scene = std::move(scene);
    m_layerDirty = true;
    if (m_highlight >= 0 && (!m_scene || m_highlight >= static_cast<int>(m_scene->servers.size())))
        m_highlight = -1;
    m_animation->stop();
    if (animate && m_scene && m_scene->moved > 0)
        replay();
    else
        m_progress = 1.0;
    update();
}

void RingView::replay()
{
    if (!m_scene || m_scene->moved == 0)
        return;
    m_animation->stop();
    m_animation->setDuration(static_cast<int>(1800 / m_speed));
    m_progress = 0.0;
    m_animation->start();
}

bool RingView::animating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void RingView::setAnimationSpeed(double factor)
{
    m_speed = std::clamp(factor, 0.1, 10.0);
}

void RingView::setReplicaLookup(ReplicaLookup lookup, int replicas)
{
    m_lookup = std::move(lookup);
    m_replicas = std::max(1, replicas);
    if (m_showReplicas) {
        m_layerDirty = true;
        update();
    }
}

void RingView::setShowReplicas(bool show)
{
    m_showReplicas = show;
    m_layerDirty = true;
    update();
}

std::size_t RingView::replicaDotCount() const
{
    return m_painter ? m_painter->replicaDotCount() : 0;
}

void RingView::setServersDown(std::vector<bool> down)
{
    if (down == m_down)
        return;
    m_down = std::move(down);
    m_layerDirty = true;
    update();
}

void RingView::setHighlightedServer(int server)
{
    const bool known = m_scene && server >= 0 && static_cast<std::size_t>(server) < m_scene->servers.size();
    m_highlight = known ? server : -1;
    m_layerDirty = true;
    update();
}

RingGeometry RingView::geometry() const
{
    return RingGeometry(QSizeF(size()), m_zoom, m_pan);
}

QPointF RingView::center() const
{
    return geometry().center();
}

double RingView::ringRadius() const
{
    return geometry().ringRadius();
}

QPointF RingView::pointAt(std::uint32_t position, double radius) const
{
    return geometry().pointAt(position, radius);
}

int RingView::pointIndexFor(std::uint32_t position) const
{
    const auto &pts = m_scene->points;
    const auto it = std::lower_bound(pts.begin(), pts.end(), position,
                                     [](const RingScene::Point &p, std::uint32_t v) { return p.position < v; });
    return it == pts.end() ? 0 : static_cast<int>(it - pts.begin());
}

int RingView::serverAt(const QPointF &pos) const
{
    if (!m_scene || m_scene->points.empty())
        return -1;
    const RingGeometry g = geometry();
    const double r = std::hypot(pos.x() - g.center().x(), pos.y() - g.center().y());
    if (std::abs(r - g.ringRadius()) > g.hitBand())
        return -1;
    return static_cast<int>(m_scene->points[static_cast<std::size_t>(pointIndexFor(g.positionAt(pos)))].server);
}

QPointF RingView::keyPoint(std::size_t index) const
{
    return geometry().keyPoint(m_scene->keys[index].position);
}

int RingView::keyAt(const QPointF &pos) const
{
    if (!m_scene || m_scene->keys.empty())
        return -1;
    const RingGeometry g = geometry();
    const auto &keys = m_scene->keys;
    const std::uint32_t at = g.positionAt(pos);
    const auto it = std::lower_bound(keys.begin(), keys.end(), at,
                                     [](const RingScene::Key &k, std::uint32_t v) { return k.position < v; });
    const auto mid = it - keys.begin();
    int best = -1;
    double bestDistance = 6.0;
    const auto n = static_cast<std::ptrdiff_t>(keys.size());
    for (std::ptrdiff_t off = -200; off <= 200; ++off) {
        const std::ptrdiff_t i = ((mid + off) % n + n) % n;
        const QPointF p = g.keyPoint(keys[static_cast<std::size_t>(i)].position);
        const double d = std::hypot(p.x() - pos.x(), p.y() - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

RingPainter::Look RingView::look() const
{
    RingPainter::Look look;
    look.highlight = m_highlight;
    look.down = m_down;
    if (m_showReplicas)
        look.replicaLookup = m_lookup;
    look.replicas = m_replicas;
    look.palette = palette();
    look.font = font();
    return look;
}

void RingView::renderRingLayer()
{
    const qreal dpr = devicePixelRatioF();
    m_ringLayer = QImage((size() * dpr), QImage::Format_ARGB32_Premultiplied);
    m_ringLayer.setDevicePixelRatio(dpr);
    m_painter.emplace(m_scene, geometry(), look());
    RingCanvas layer(m_ringLayer);
    m_painter->paintStill(layer);
    m_layerDirty = false;
}

void RingView::paintEvent(QPaintEvent *)
{
    if (m_layerDirty || m_ringLayer.size() != size() * devicePixelRatioF())
        renderRingLayer();
    QPainter p(this);
    const bool movedKeys = m_scene && m_scene->moved > 0;
    if (movedKeys) {
        // The layer and the keys that moved, stamped into a copy of it.
        m_frame = m_ringLayer.copy();
        m_frame.setDevicePixelRatio(m_ringLayer.devicePixelRatio());
        RingCanvas frame(m_frame);
        m_painter->paintMoving(frame, m_progress);
    }
    p.drawImage(0, 0, movedKeys ? m_frame : m_ringLayer);
    p.setRenderHint(QPainter::Antialiasing);
    m_painter->paintOverlay(p, m_progress, m_showFlows);
}

QString RingView::exportTo(const QString &path)
{
    if (!m_scene)
        return tr("nothing to export: no ring yet");
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return tr("%1: export the ring as .png or .svg").arg(path);
    // What the screen shows, painted afresh by the same painter: the dots are
    // placed for the picture's own resolution.
    const RingPainter painter(m_scene, geometry(), look());
    if (suffix == QLatin1String("png")) {
        QImage image(size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        {
            RingCanvas canvas(image);
            painter.paint(canvas, m_progress, m_showFlows);
        }
        return image.save(path, "PNG") ? QString() : tr("cannot write %1").arg(path);
    }
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size());
    svg.setViewBox(rect());
    svg.setTitle(tr("RingScope: %1").arg(m_scene->preset));
    svg.setDescription(tr("%1 servers, %2 keys").arg(m_scene->servers.size()).arg(m_scene->keys.size()));
    QPainter p;
    if (!p.begin(&svg))
        return tr("cannot write %1").arg(path);
    {
        // Every key a vector dot, up to 20,000 of them.
        RingCanvas canvas(p, (painter.dotCount() + 19999) / 20000);
        painter.paint(canvas, m_progress, m_showFlows);
    }
    return p.end() ? QString() : tr("cannot write %1").arg(path);
}

void RingView::resizeEvent(QResizeEvent *)
{
    m_layerDirty = true;
}

void RingView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_pan = m_panStart + QPointF(event->position().toPoint() - m_dragStart);
        m_layerDirty = true;
        update();
    }
}

void RingView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragStart = event->position().toPoint();
    m_panStart = m_pan;
    m_dragging = true;
}

void RingView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    if ((event->position().toPoint() - m_dragStart).manhattanLength() < 4) {
        const int s = serverAt(event->position());
        setHighlightedServer(s == m_highlight ? -1 : s);
        Q_EMIT serverClicked(s);
    }
}

void RingView::wheelEvent(QWheelEvent *event)
{
    const double factor = std::pow(1.0015, event->angleDelta().y());
    const double next = std::clamp(m_zoom * factor, 0.5, 400.0);
    // Zoom about the cursor: the point under it stays under it.
    const QPointF cursor = event->position();
    const QPointF c = center();
    m_pan += (cursor - c) * (1 - next / m_zoom);
    m_zoom = next;
    m_layerDirty = true;
    update();
}

bool RingView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip && m_scene) {
        auto *help = static_cast<QHelpEvent *>(e);
        const int k = keyAt(help->pos());
        if (k >= 0) {
            const auto &key = m_scene->keys[static_cast<std::size_t>(k)];
            const QString name = m_scene->keyName(static_cast<std::size_t>(k));
            QString replicas;
            if (m_lookup && m_replicas > 1) {
                QStringList others;
                const auto keep = m_lookup((*m_scene->keySet)[m_scene->inputIndex[static_cast<std::size_t>(k)]],
                                           static_cast<std::size_t>(m_replicas));
                for (std::size_t i = 1; i < keep.size(); ++i)
                    if (keep[i] < m_scene->servers.size())
                        others << m_scene->servers[keep[i]].label.toHtmlEscaped();
                replicas = tr("<br>replicas %1").arg(others.join(QStringLiteral(", ")));
            }
            QToolTip::showText(help->globalPos(),
                               tr("<b>%1</b><br>hash %2 (0x%3)<br>owner %4%5")
                                   .arg(name.toHtmlEscaped())
                                   .arg(key.position)
                                   .arg(key.position, 8, 16, QLatin1Char('0'))
                                   .arg(m_scene->servers[key.owner].label.toHtmlEscaped(), replicas),
                               this);
            Q_EMIT keyHovered(name);
        } else if (const int s = serverAt(help->pos()); s >= 0) {
            QToolTip::showText(help->globalPos(), m_scene->servers[static_cast<std::size_t>(s)].label, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::FontChange)
        m_layerDirty = true; // the cached layer has the old colours and type
    return QWidget::event(e);
}

} // namespace ringscope::ui
