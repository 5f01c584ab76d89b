#include "ringview.h"

#include "core/cluster/keyset.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QFileInfo>
#include <QSvgGenerator>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <functional>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ringscope::ui {
namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr double kCircle = 4294967296.0;
// Up to this zoom the band is drawn by sampling each pixel; beyond, as arcs.
constexpr double kSampledZoom = 8.0;
// Past this many moved keys the change is animated in aggregate (flows).
constexpr std::uint64_t kAnimateSingly = 20000;

double angleOf(std::uint32_t position)
{
    return kTwoPi * static_cast<double>(position) / kCircle;
}


// Key dots stamped straight into an image's pixels: an antialiased disc
// mask blended per pixel. QPainter's antialiased round points cost ~6 µs
// each, which is 120 ms for 20,000 keys; this is a few nanoseconds a pixel.
class DotStamper {
public:
    DotStamper(QImage &image, double diameter)
        : m_bits(reinterpret_cast<QRgb *>(image.bits())) // detaches once, not per row
        , m_stride(image.bytesPerLine() / 4)
        , m_width(image.width())
        , m_height(image.height())
        , m_n(static_cast<int>(std::ceil(diameter)) + 1)
        , m_mask(static_cast<std::size_t>(m_n * m_n))
        , m_alpha(m_mask.size())
    {
        const double r = diameter / 2, c = m_n / 2.0;
        constexpr int kSub = 4;
        for (int j = 0; j < m_n; ++j)
            for (int i = 0; i < m_n; ++i) {
                int inside = 0;
                for (int sj = 0; sj < kSub; ++sj)
                    for (int si = 0; si < kSub; ++si) {
                        const double x = i + (si + 0.5) / kSub - c, y = j + (sj + 0.5) / kSub - c;
                        inside += x * x + y * y <= r * r ? 1 : 0;
                    }
                m_mask[static_cast<std::size_t>(j * m_n + i)] = static_cast<float>(inside) / (kSub * kSub);
            }
    }

    void setColor(const QColor &color)
    {
        m_color = qRgba(color.red(), color.green(), color.blue(), 255);
        const auto alpha = static_cast<float>(color.alphaF());
        for (std::size_t k = 0; k < m_mask.size(); ++k)
            m_alpha[k] = static_cast<std::uint32_t>(m_mask[k] * alpha * 255.0f + 0.5f);
    }

    // `at` in device pixels.
    void stamp(QPointF at)
    {
        const int x0 = static_cast<int>(std::floor(at.x() - m_n / 2.0 + 0.5));
        const int y0 = static_cast<int>(std::floor(at.y() - m_n / 2.0 + 0.5));
        if (x0 + m_n <= 0 || y0 + m_n <= 0 || x0 >= m_width || y0 >= m_height)
            return;
        const bool inside = x0 >= 0 && y0 >= 0 && x0 + m_n <= m_width && y0 + m_n <= m_height;
        const std::uint32_t *alpha = m_alpha.data();
        for (int j = 0; j < m_n; ++j, alpha += m_n) {
            const int y = y0 + j;
            if (!inside && (y < 0 || y >= m_height))
                continue;
            QRgb *line = m_bits + static_cast<std::ptrdiff_t>(y) * m_stride + x0;
            for (int i = 0; i < m_n; ++i) {
                const std::uint32_t a = alpha[i];
                if (a == 0 || (!inside && (x0 + i < 0 || x0 + i >= m_width)))
                    continue;
                line[i] = byteMul(m_color, a) + byteMul(line[i], 255 - a);
            }
        }
    }

private:
    // Each of the four 8-bit channels of `x` times a / 255, two at a time
    // (premultiplied ARGB: the colour over the pixel is then a sum).
    static QRgb byteMul(QRgb x, std::uint32_t a)
    {
        std::uint32_t t = (x & 0xff00ff) * a;
        t = (t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8;
        t &= 0xff00ff;
        x = ((x >> 8) & 0xff00ff) * a;
        x = x + ((x >> 8) & 0xff00ff) + 0x800080;
        x &= 0xff00ff00;
        return x | t;
    }

private:
    QRgb *m_bits;
    qsizetype m_stride;
    int m_width, m_height;
    int m_n;
    std::vector<float> m_mask;
    std::vector<std::uint32_t> m_alpha; // the mask times the colour's alpha, 0–255
    QRgb m_color = 0;
};

QColor blend(QColor a, QColor b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

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
    return static_cast<std::size_t>(m_replicaDots.size());
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

QPointF RingView::center() const
{
    return QPointF(width() / 2.0, height() / 2.0) + m_pan;
}

double RingView::ringRadius() const
{
    return std::min(width(), height()) * 0.40 * m_zoom;
}

QPointF RingView::pointAt(std::uint32_t position, double radius) const
{
    const double a = angleOf(position);
    return center() + QPointF(radius * std::sin(a), -radius * std::cos(a));
}

std::uint32_t RingView::positionAt(const QPointF &pos) const
{
    const QPointF d = pos - center();
    double a = std::atan2(d.x(), -d.y());
    if (a < 0)
        a += kTwoPi;
    return static_cast<std::uint32_t>(std::min(kCircle - 1, a / kTwoPi * kCircle));
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
    const double r = std::hypot(pos.x() - center().x(), pos.y() - center().y());
    const double band = std::max(6.0, ringRadius() * 0.06);
    if (std::abs(r - ringRadius()) > band)
        return -1;
    return static_cast<int>(m_scene->points[static_cast<std::size_t>(pointIndexFor(positionAt(pos)))].server);
}

QPointF RingView::keyPoint(std::size_t index) const
{
    const std::uint32_t position = m_scene->keys[index].position;
    return pointAt(position, keyRadius() * RingScene::radiusFactor(position));
}

int RingView::keyAt(const QPointF &pos) const
{
    if (!m_scene || m_scene->keys.empty())
        return -1;
    const auto &keys = m_scene->keys;
    const std::uint32_t at = positionAt(pos);
    const auto it = std::lower_bound(keys.begin(), keys.end(), at,
                                     [](const RingScene::Key &k, std::uint32_t v) { return k.position < v; });
    const auto mid = it - keys.begin();
    int best = -1;
    double bestDistance = 6.0;
    const auto n = static_cast<std::ptrdiff_t>(keys.size());
    for (std::ptrdiff_t off = -200; off <= 200; ++off) {
        const std::ptrdiff_t i = ((mid + off) % n + n) % n;
        const QPointF p = keyPoint(static_cast<std::size_t>(i));
        const double d = std::hypot(p.x() - pos.x(), p.y() - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

// The band of arcs, one short radial stroke per pixel of circumference in the
// colour of the server that owns that angle (the arc ending at the next point
// clockwise). Its cost follows the pixels, not the points: 100 servers × 160
// points cost what 4 × 160 do, where one antialiased drawArc per arc costs
// ~60 µs each.
void RingView::drawBandSampled(QPainter &p, double r, double thickness,
                               const std::function<QColor(std::uint32_t)> &colorOf) const
{
    const auto &pts = m_scene->points;
    const double outer = r + thickness / 2;
    const int samples = std::clamp(static_cast<int>(std::ceil(kTwoPi * outer * devicePixelRatioF())), 64, 1 << 16);
    const double step = kTwoPi / samples;
    std::vector<QVector<QLineF>> strokes(m_scene->servers.size());
    const QPointF c = center();
    const QRectF visible = QRectF(rect()).adjusted(-thickness, -thickness, thickness, thickness);
    std::size_t at = 0; // the first point at or after the sample's position
    for (int i = 0; i < samples; ++i) {
        const double a = (i + 0.5) * step;
        const auto position = static_cast<std::uint32_t>(a / kTwoPi * kCircle);
        while (at < pts.size() && pts[at].position < position)
            ++at;
        const std::uint32_t owner = pts[at == pts.size() ? 0 : at].server;
        const QPointF dir(std::sin(a), -std::cos(a));
        const QPointF inner = c + dir * (r - thickness / 2), outerPoint = c + dir * outer;
        if (!visible.contains(inner) && !visible.contains(outerPoint))
            continue;
        strokes[owner].append(QLineF(inner, outerPoint));
    }
    const double width = kTwoPi * outer / samples * 1.35; // overlap a little: no seams
    for (std::size_t s = 0; s < strokes.size(); ++s) {
        p.setPen(QPen(colorOf(static_cast<std::uint32_t>(s)), width, Qt::SolidLine, Qt::FlatCap));
        p.drawLines(strokes[s]);
    }
}

// Zoomed in: exact arcs, only for the runs that cross the view.
void RingView::drawBandArcs(QPainter &p, const QRectF &box, double thickness,
                            const std::function<QColor(std::uint32_t)> &colorOf) const
{
    const auto &pts = m_scene->points;
    // The positions the view can show: from the angles of its corners, when
    // the centre is outside it (else everything).
    bool all = QRectF(rect()).contains(center());
    std::uint32_t from = 0, to = 0;
    if (!all) {
        std::vector<double> angles;
        for (const QPointF corner : {QPointF(0, 0), QPointF(width(), 0), QPointF(0, height()), QPointF(width(), height())})
            angles.push_back(angleOf(positionAt(corner)));
        std::sort(angles.begin(), angles.end());
        // The window is the complement of the largest gap between corner angles.
        std::size_t gapEnd = 0;
        double gap = angles.front() + kTwoPi - angles.back();
        for (std::size_t i = 1; i < angles.size(); ++i)
            if (angles[i] - angles[i - 1] > gap) {
                gap = angles[i] - angles[i - 1];
                gapEnd = i;
            }
        const double start = angles[gapEnd], end = angles[(gapEnd + angles.size() - 1) % angles.size()];
        from = static_cast<std::uint32_t>(std::fmod(start - 0.01 + kTwoPi, kTwoPi) / kTwoPi * (kCircle - 1));
        to = static_cast<std::uint32_t>(std::fmod(end + 0.01, kTwoPi) / kTwoPi * (kCircle - 1));
    }
    auto inWindow = [&](std::uint32_t a, std::uint32_t b) { // the run a → b (clockwise) meets from → to
        if (all)
            return true;
        const std::uint32_t window = to - from, run = b - a;
        return static_cast<std::uint32_t>(a - from) <= window || static_cast<std::uint32_t>(from - a) <= run;
    };
    std::size_t i = 0;
    while (i < pts.size()) {
        std::size_t j = i;
        while (j + 1 < pts.size() && pts[j + 1].server == pts[i].server)
            ++j;
        const std::uint32_t start = i == 0 ? pts.back().position : pts[i - 1].position;
        const std::uint32_t end = pts[j].position;
        if (inWindow(start, end)) {
            const double startDeg = 90.0 - 360.0 * static_cast<double>(start) / kCircle;
            double spanDeg = -360.0 * static_cast<double>(static_cast<std::uint32_t>(end - start)) / kCircle;
            if (pts.size() == 1 || (i == 0 && j + 1 == pts.size()))
                spanDeg = -360.0;
            // A path, not drawArc: drawArc rounds angles to 1/16°, which is
            // ~150 px on a ring zoomed 400×.
            QPainterPath arc;
            arc.arcMoveTo(box, startDeg);
            arc.arcTo(box, startDeg, spanDeg);
            p.strokePath(arc, QPen(colorOf(pts[i].server), thickness, Qt::SolidLine, Qt::FlatCap));
        }
        i = j + 1;
    }
}

void RingView::renderRingLayer()
{
    const qreal dpr = devicePixelRatioF();
    m_ringLayer = QImage((size() * dpr), QImage::Format_ARGB32_Premultiplied);
    m_ringLayer.setDevicePixelRatio(dpr);
    m_ringLayer.fill(palette().color(QPalette::Base));
    m_layerDirty = false;
    if (!m_scene)
        return;
    QPainter p(&m_ringLayer);
    p.setRenderHint(QPainter::Antialiasing);
    drawBand(p);
    // The keys that stay put belong to the layer too: a frame only blits it
    // and draws the keys that moved in the last change.
    p.end();
    cacheDots();
    if (!m_replicaDots.isEmpty()) {
        // A halo in the picked server's colour under each key it keeps as a replica.
        DotStamper halo(m_ringLayer, (dotSize() + 4) * dpr);
        halo.setColor(m_scene->servers[static_cast<std::size_t>(m_highlight)].color);
        for (const QPointF &at : std::as_const(m_replicaDots))
            halo.stamp(at * dpr);
    }
    stampDots(m_ringLayer, m_dots);
    p.begin(&m_ringLayer);
    p.setRenderHint(QPainter::Antialiasing);
    drawLegend(p);
}

QColor RingView::serverColor(std::uint32_t server) const
{
    QColor c = server < m_down.size() && m_down[server] ? QColor(0x99, 0x99, 0x99) : m_scene->servers[server].color;
    if (m_highlight >= 0 && static_cast<int>(server) != m_highlight)
        c.setAlphaF(0.25f);
    return c;
}

void RingView::drawBand(QPainter &p) const
{
    const double r = ringRadius();
    const double thickness = std::max(6.0, r * 0.07);
    const QRectF box(center().x() - r, center().y() - r, 2 * r, 2 * r);
    const auto &pts = m_scene->points;
    auto colorOf = [this](std::uint32_t server) { return serverColor(server); };
    if (pts.empty()) {
        // Modulo, jump, rendezvous…: no ring; the key's hash still has a place.
        p.setPen(QPen(palette().color(QPalette::Mid), thickness, Qt::SolidLine, Qt::FlatCap));
        p.drawEllipse(box);
    } else {
        if (m_zoom <= kSampledZoom)
            drawBandSampled(p, r, thickness, colorOf);
        else
            drawBandArcs(p, box, thickness, colorOf);
        // Ticks for the points, when there are few enough to tell apart.
        if (static_cast<double>(pts.size()) <= 1200.0 * m_zoom) {
            std::vector<QVector<QLineF>> ticks(m_scene->servers.size());
            for (const auto &pt : pts)
                ticks[pt.server].append(QLineF(pointAt(pt.position, r + thickness / 2),
                                               pointAt(pt.position, r + thickness / 2 + 7)));
            for (std::size_t s = 0; s < ticks.size(); ++s) {
                p.setPen(QPen(colorOf(static_cast<std::uint32_t>(s)).darker(130), 1.2));
                p.drawLines(ticks[s]);
            }
        }
    }

}

void RingView::drawLegend(QPainter &p) const
{
    const auto &pts = m_scene->points;
    auto colorOf = [this](std::uint32_t server) { return serverColor(server); };
    // Legend: colour, server, keys owned against its weighted share.
    QFont f = font();
    p.setFont(f);
    const QFontMetricsF fm(f);
    double y = 12 + fm.ascent();
    const double total = static_cast<double>(m_scene->keys.size());
    // A translucent panel behind the legend keeps it readable over the ring.
    QColor panel = palette().color(QPalette::Base);
    panel.setAlphaF(0.85f);
    p.setPen(Qt::NoPen);
    p.setBrush(panel);
    // As many rows as fit in a third of the height; the rest are counted.
    const auto fit = static_cast<std::size_t>(std::max(3.0, height() / 3.0 / (fm.height() + 2)));
    const std::size_t rows = m_scene->servers.size() <= fit ? m_scene->servers.size() : fit - 1;
    const bool more = rows < m_scene->servers.size();
    p.drawRoundedRect(QRectF(6, 6, fm.averageCharWidth() * 66,
                             (fm.height() + 2) * static_cast<double>(rows + (more ? 1 : 0)) + 12),
                      6, 6);
    // The picked server always has its row.
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t s = more && m_highlight >= static_cast<int>(rows - 1) && row == rows - 1
            ? static_cast<std::size_t>(m_highlight)
            : row;
        const auto &srv = m_scene->servers[s];
        p.setPen(Qt::NoPen);
        p.setBrush(colorOf(static_cast<std::uint32_t>(s)));
        p.drawRoundedRect(QRectF(12, y - fm.ascent() + 1, 14, fm.ascent() - 1), 3, 3);
        p.setPen(palette().color(QPalette::Text));
        const double share = total > 0 ? 100.0 * static_cast<double>(srv.keys) / total : 0;
        const bool down = s < m_down.size() && m_down[s];
        const QString moved = m_scene->generation > 1 && (srv.movedIn || srv.movedOut)
            ? tr("  +%1 −%2").arg(srv.movedIn).arg(srv.movedOut)
            : QString();
        p.drawText(QPointF(32, y), tr("%1  %2 keys  %3% (ideal %4%)%5%6")
                                       .arg(srv.label)
                                       .arg(srv.keys)
                                       .arg(share, 0, 'f', 1)
                                       .arg(100.0 * srv.idealShare, 0, 'f', 1)
                                       .arg(moved, down ? tr("  — not answering") : QString()));
        y += fm.height() + 2;
    }
    if (more) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QPointF(32, y), tr("… and %1 more servers (the Servers table lists them all)")
                                       .arg(m_scene->servers.size() - rows));
    }
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QString caption = pts.empty() ? tr("%1 (%2): no ring — owner from the hash alone").arg(m_scene->preset, m_scene->hash)
                                        : tr("%1 (%2): %3 ring points").arg(m_scene->preset, m_scene->hash).arg(pts.size());
    p.drawText(QPointF(12, height() - 12), caption);
}

void RingView::cacheDots()
{
    // Where every key sits, per owner, and apart the keys that moved (they
    // fly in during the animation): computed with the layer, not per frame.
    m_dots.assign(m_scene ? m_scene->servers.size() : 0, {});
    m_movedDots.assign(m_dots.size(), {});
    m_replicaDots.clear();
    if (!m_scene)
        return;
    const bool replicas = m_showReplicas && m_lookup && m_replicas > 1 && m_highlight >= 0;
    const double kr = keyRadius();
    const QRectF visible = QRectF(rect()).adjusted(-4, -4, 4, 4);
    // Past kMaxDots keys, a uniform sample (every n-th by hash order) is drawn:
    // the spread looks the same, and a frame stays within budget.
    // The scene keeps each drawn key's offset at radius 1: no trigonometry here.
    const std::size_t stride = m_scene->dotStride;
    const auto &offsets = *m_scene->dotOffsets;
    const QPointF c = center();
    for (std::size_t i = 0, n = 0; i < m_scene->keys.size() && n < offsets.size(); i += stride, ++n) {
        const auto &k = m_scene->keys[i];
        const QPointF at = c + offsets[n] * kr;
        if (!visible.contains(at))
            continue;
        (k.movedFrom != 0 ? m_movedDots : m_dots)[k.owner].append(at);
        if (replicas && static_cast<int>(k.owner) != m_highlight) {
            const auto keep = m_lookup((*m_scene->keySet)[m_scene->inputIndex[i]], static_cast<std::size_t>(m_replicas));
            if (std::find(keep.begin(), keep.end(), static_cast<std::size_t>(m_highlight)) != keep.end())
                m_replicaDots.append(at);
        }
    }
}

double RingView::dotSize() const
{
    return m_scene && m_scene->keys.size() > 20000 ? 2.0 : 3.5;
}

void RingView::stampDots(QImage &image, const std::vector<QVector<QPointF>> &dots) const
{
    const double dpr = image.devicePixelRatio();
    DotStamper stamper(image, dotSize() * dpr);
    for (std::size_t s = 0; s < dots.size(); ++s) {
        QColor c = s < m_down.size() && m_down[s] ? QColor(0xbb, 0xbb, 0xbb) : m_scene->servers[s].color;
        if (m_highlight >= 0 && static_cast<int>(s) != m_highlight)
            c.setAlphaF(0.15f);
        stamper.setColor(c);
        for (const QPointF &at : dots[s])
            stamper.stamp(at * dpr);
    }
}

void RingView::drawKeys(QImage &frame) const
{
    if (!m_scene)
        return;
    if (m_progress >= 1.0) {
        stampDots(frame, m_movedDots);
        return;
    }
    const double t = m_progress;
    if (m_scene->moved > kAnimateSingly) {
        // Too many to follow one by one: they fade in at their places while
        // the flows between servers are drawn in the middle (drawFlows).
        const double dpr = frame.devicePixelRatio();
        DotStamper stamper(frame, dotSize() * dpr);
        for (std::size_t s = 0; s < m_movedDots.size(); ++s) {
            QColor c = m_scene->servers[s].color;
            c.setAlphaF(static_cast<float>(t));
            stamper.setColor(c);
            for (const QPointF &at : m_movedDots[s])
                stamper.stamp(at * dpr);
        }
        return;
    }
    // Keys that changed owner fly in from outside the ring, turning from the
    // old owner's colour into the new one's, a little larger on the way.
    const double dpr = frame.devicePixelRatio();
    DotStamper stamper(frame, (dotSize() + 2.5 * (1 - t)) * dpr);
    const double kr = keyRadius();
    for (const auto &k : m_scene->keys) {
        if (k.movedFrom == 0)
            continue;
        const double r = kr * RingScene::radiusFactor(k.position);
        const double radius = (ringRadius() * 1.18) * (1 - t) + r * t;
        stamper.setColor(blend(QColor::fromRgb(k.movedFrom), m_scene->servers[k.owner].color, t));
        stamper.stamp(pointAt(k.position, radius) * dpr);
    }
}

void RingView::drawFlows(QPainter &p) const
{
    // A small Sankey diagram in the ring's hole: old owners on the left, new
    // ones on the right, a band per flow as wide as its share of the moved keys.
    const auto &flows = m_scene->flows;
    if (flows.empty() || m_scene->moved == 0)
        return;
    const double r = keyRadius() * 0.72;
    const QRectF area(center().x() - r * 0.75, center().y() - r * 0.62, r * 1.5, r * 1.24);
    if (area.width() < 120)
        return;
    const std::size_t shown = std::min<std::size_t>(flows.size(), 12);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < shown; ++i)
        total += flows[i].keys;
    // Nodes: each side's servers in the order they first appear, with their sums.
    struct Node {
        QString label;
        QColor color;
        std::uint64_t keys = 0;
        double top = 0, used = 0;
    };
    std::vector<Node> left, right;
    auto nodeOf = [](std::vector<Node> &side, const QString &label, const QColor &color) -> Node & {
        for (auto &n : side)
            if (n.label == label)
                return n;
        side.push_back({label, color});
        return side.back();
    };
    for (std::size_t i = 0; i < shown; ++i) {
        nodeOf(left, flows[i].fromLabel, flows[i].fromColor).keys += flows[i].keys;
        const auto &to = m_scene->servers[flows[i].to];
        nodeOf(right, to.label, to.color).keys += flows[i].keys;
    }
    const double gap = 4, nodeWidth = 8;
    auto layout = [&](std::vector<Node> &side) {
        const double usable = area.height() - gap * static_cast<double>(side.size() - 1);
        double y = area.top();
        for (auto &n : side) {
            n.top = y;
            y += usable * static_cast<double>(n.keys) / static_cast<double>(total) + gap;
        }
    };
    layout(left);
    layout(right);
    const double scale = (area.height() - gap * static_cast<double>(std::max(left.size(), right.size()) - 1))
        / static_cast<double>(total);
    QColor panel = palette().color(QPalette::Base);
    panel.setAlphaF(0.8f);
    p.setPen(Qt::NoPen);
    p.setBrush(panel);
    p.drawRoundedRect(area.adjusted(-8, -24, 8, 8), 8, 8);
    const double x0 = area.left() + nodeWidth, x1 = area.right() - nodeWidth;
    for (std::size_t i = 0; i < shown; ++i) {
        Node &a = nodeOf(left, flows[i].fromLabel, flows[i].fromColor);
        const auto &to = m_scene->servers[flows[i].to];
        Node &b = nodeOf(right, to.label, to.color);
        const double h = static_cast<double>(flows[i].keys) * scale;
        const double ya = a.top + a.used, yb = b.top + b.used;
        a.used += h;
        b.used += h;
        QPainterPath band(QPointF(x0, ya));
        const double mid = (x0 + x1) / 2;
        band.cubicTo(QPointF(mid, ya), QPointF(mid, yb), QPointF(x1, yb));
        band.lineTo(x1, yb + h);
        band.cubicTo(QPointF(mid, yb + h), QPointF(mid, ya + h), QPointF(x0, ya + h));
        band.closeSubpath();
        QLinearGradient g(x0, 0, x1, 0);
        QColor from = a.color, into = b.color;
        from.setAlphaF(0.55f);
        into.setAlphaF(0.55f);
        g.setColorAt(0, from);
        g.setColorAt(1, into);
        p.setBrush(g);
        p.drawPath(band);
    }
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    const QFontMetricsF fm(f);
    for (const auto *side : {&left, &right})
        for (const auto &n : *side) {
            const bool isLeft = side == &left;
            const double h = static_cast<double>(n.keys) * scale;
            p.setPen(Qt::NoPen);
            p.setBrush(n.color);
            p.drawRect(QRectF(isLeft ? area.left() : area.right() - nodeWidth, n.top, nodeWidth, std::max(1.0, h)));
            const QString text = QStringLiteral("%1  %2").arg(n.label).arg(n.keys);
            const double y = n.top + h / 2 + fm.ascent() / 2 - 1;
            const double w = fm.horizontalAdvance(text);
            const double x = isLeft ? area.left() + nodeWidth + 4 : area.right() - nodeWidth - 4 - w;
            // A backing so that labels stay readable over the bands.
            p.setBrush(panel);
            p.drawRoundedRect(QRectF(x - 2, y - fm.ascent() - 1, w + 4, fm.height() + 1), 3, 3);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QPointF(x, y), text);
        }
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QPointF(area.left(), area.top() - 8),
               flows.size() > shown ? tr("where the moved keys went (largest %1 of %2 flows)").arg(shown).arg(flows.size())
                                    : tr("where the moved keys went"));
}

void RingView::drawOverlay(QPainter &p) const
{
    if (!m_scene || m_scene->generation <= 1)
        return;
    // Many keys moved: show where they went, while they move and after.
    if (m_scene->moved > kAnimateSingly || (m_progress < 1.0 && m_scene->moved > 0 && m_showFlows))
        drawFlows(p);
    const double shown = m_progress < 1.0 ? m_progress : 1.0;
    const auto moved = static_cast<std::uint64_t>(std::llround(static_cast<double>(m_scene->moved) * shown));
    const double pct = m_scene->keys.empty() ? 0 : 100.0 * static_cast<double>(m_scene->moved) / static_cast<double>(m_scene->keys.size());
    const QString text = tr("keys moved: %1 / %2 (%3%)").arg(moved).arg(m_scene->keys.size()).arg(pct, 0, 'f', 1);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    p.setFont(f);
    p.setPen(palette().color(QPalette::Text));
    // Bottom right: the legend has the top left, the caption the bottom left.
    const QRectF box(0, 0, width() - 12, height() - 10);
    p.drawText(box, Qt::AlignRight | Qt::AlignBottom, text);
}

QString RingView::exportTo(const QString &path)
{
    if (!m_scene)
        return tr("nothing to export: no ring yet");
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        QImage image(size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(palette().color(QPalette::Base));
        render(&image);
        return image.save(path, "PNG") ? QString() : tr("cannot write %1").arg(path);
    }
    if (suffix != QLatin1String("svg"))
        return tr("%1: export the ring as .png or .svg").arg(path);
    if (m_layerDirty || m_ringLayer.size() != size() * devicePixelRatioF())
        renderRingLayer(); // the dots' places
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size());
    svg.setViewBox(rect());
    svg.setTitle(tr("RingScope: %1").arg(m_scene->preset));
    svg.setDescription(tr("%1 servers, %2 keys").arg(m_scene->servers.size()).arg(m_scene->keys.size()));
    QPainter p;
    if (!p.begin(&svg))
        return tr("cannot write %1").arg(path);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    drawBand(p);
    // Every key where it has settled: those that stayed and those that moved.
    std::size_t dots = 0;
    for (const auto *set : {&m_dots, &m_movedDots})
        for (const auto &d : *set)
            dots += static_cast<std::size_t>(d.size());
    const std::size_t stride = std::max<std::size_t>(1, (dots + 19999) / 20000);
    const double radius = dotSize() / 2;
    p.setPen(Qt::NoPen);
    for (const auto *set : {&m_dots, &m_movedDots})
        for (std::size_t s = 0; s < set->size(); ++s) {
            p.setBrush(serverColor(static_cast<std::uint32_t>(s)));
            const auto &owned = (*set)[s];
            for (qsizetype i = 0; i < owned.size(); i += static_cast<qsizetype>(stride))
                p.drawEllipse(owned[i], radius, radius);
        }
    drawLegend(p);
    drawOverlay(p);
    return p.end() ? QString() : tr("cannot write %1").arg(path);
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
        drawKeys(m_frame);
    }
    p.drawImage(0, 0, movedKeys ? m_frame : m_ringLayer);
    p.setRenderHint(QPainter::Antialiasing);
    drawOverlay(p);
    drawMinimap(p);
}

void RingView::drawMinimap(QPainter &p) const
{
    // Zoomed in: a small whole ring in the corner, with the part in view.
    if (!m_scene || m_zoom < 1.5)
        return;
    const double mr = 46;
    const QPointF mc(width() - mr - 16, mr + 16); // top right: the moved count has the bottom right
    QColor panel = palette().color(QPalette::Base);
    panel.setAlphaF(0.9f);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(panel);
    p.drawRoundedRect(QRectF(mc.x() - mr - 8, mc.y() - mr - 8, 2 * mr + 16, 2 * mr + 16), 6, 6);
    const auto &pts = m_scene->points;
    if (pts.empty()) {
        p.setPen(QPen(palette().color(QPalette::Mid), 5));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(mc, mr, mr);
    } else {
        const int samples = 180;
        for (int i = 0; i < samples; ++i) {
            const double a = (i + 0.5) * kTwoPi / samples;
            const auto position = static_cast<std::uint32_t>(a / kTwoPi * kCircle);
            const auto it = std::lower_bound(pts.begin(), pts.end(), position,
                                             [](const RingScene::Point &pt, std::uint32_t v) { return pt.position < v; });
            const auto owner = (it == pts.end() ? pts.front() : *it).server;
            const QPointF dir(std::sin(a), -std::cos(a));
            p.setPen(QPen(m_scene->servers[owner].color, 2.2, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(mc + dir * (mr - 3), mc + dir * (mr + 3));
        }
    }
    // The view, in minimap coordinates.
    const double scale = mr / ringRadius();
    const QPointF topLeft = mc + (QPointF(0, 0) - center()) * scale;
    const QPointF bottomRight = mc + (QPointF(width(), height()) - center()) * scale;
    p.setPen(QPen(palette().color(QPalette::Text), 1.2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(topLeft, bottomRight).intersected(QRectF(mc.x() - mr - 8, mc.y() - mr - 8, 2 * mr + 16, 2 * mr + 16)));
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
