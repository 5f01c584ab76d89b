#include "ui/views/ringpainter.h"

#include "ui/views/ringcanvas.h"

#include "core/placement/keyset.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ringscope::ui {
namespace {

constexpr double kTwoPi = RingGeometry::kTwoPi;
constexpr double kCircle = RingGeometry::kCircle;
// Up to this zoom the band is drawn by sampling each pixel; beyond, as arcs.
constexpr double kSampledZoom = 8.0;
// Past this many moved keys the change is animated in aggregate (flows).
constexpr std::uint64_t kAnimateSingly = 20000;

QColor blend(QColor a, QColor b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

RingPainter::RingPainter(std::shared_ptr<const RingScene> scene, const RingGeometry &geometry, Look look)
    : m_scene(std::move(scene))
    , m_geometry(geometry)
    , m_look(std::move(look))
{
    placeDots();
}

QColor RingPainter::shade(std::size_t server, QColor down, float faded) const
{
    QColor c = server < m_look.down.size() && m_look.down[server] ? down : m_scene->servers[server].color;
    if (m_look.highlight >= 0 && static_cast<int>(server) != m_look.highlight)
        c.setAlphaF(faded);
    return c;
}

QColor RingPainter::serverColor(std::uint32_t server) const
{
    return shade(server, QColor(0x99, 0x99, 0x99), 0.25f);
}

QColor RingPainter::dotColor(std::size_t server) const
{
    return shade(server, QColor(0xbb, 0xbb, 0xbb), 0.15f);
}

double RingPainter::dotSize() const
{
    return m_scene && m_scene->keys.size() > 20000 ? 2.0 : 3.5;
}

void RingPainter::placeDots()
{
    // Where every key sits, per owner, and apart the keys that moved (they
    // fly in during the animation): computed with the layer, not per frame.
    m_dots.assign(m_scene ? m_scene->servers.size() : 0, {});
    m_movedDots.assign(m_dots.size(), {});
    m_replicaDots.clear();
    if (!m_scene)
        return;
    const int highlight = m_look.highlight;
    const bool replicas = m_look.replicaLookup && m_look.replicas > 1 && highlight >= 0;
    const double kr = m_geometry.keyRadius();
    const QRectF visible = m_geometry.rect().adjusted(-4, -4, 4, 4);
    // Past kMaxDots keys, a uniform sample (every n-th by hash order) is drawn:
    // the spread looks the same, and a frame stays within budget.
    // The scene keeps each drawn key's offset at radius 1: no trigonometry here.
    const std::size_t stride = m_scene->dotStride;
    const auto &offsets = *m_scene->dotOffsets;
    const QPointF c = m_geometry.center();
    for (std::size_t i = 0, n = 0; i < m_scene->keys.size() && n < offsets.size(); i += stride, ++n) {
        const auto &k = m_scene->keys[i];
        const QPointF at = c + offsets[n] * kr;
        if (!visible.contains(at))
            continue;
        (k.movedFrom != 0 ? m_movedDots : m_dots)[k.owner].append(at);
        if (replicas && static_cast<int>(k.owner) != highlight) {
            const auto keep = m_look.replicaLookup((*m_scene->keySet)[m_scene->inputIndex[i]],
                                                   static_cast<std::size_t>(m_look.replicas));
            if (std::find(keep.begin(), keep.end(), static_cast<std::size_t>(highlight)) != keep.end())
                m_replicaDots.append(at);
        }
    }
}

std::size_t RingPainter::dotCount() const
{
    auto n = static_cast<std::size_t>(m_replicaDots.size());
    for (const auto *set : {&m_dots, &m_movedDots})
        for (const auto &d : *set)
            n += static_cast<std::size_t>(d.size());
    return n;
}

void RingPainter::paint(RingCanvas &canvas, double progress, bool showFlows) const
{
    paintStill(canvas);
    paintMoving(canvas, progress);
    paintOverlay(canvas.painter(), progress, showFlows);
}

void RingPainter::paintStill(RingCanvas &canvas) const
{
    canvas.fill(m_geometry.rect(), m_look.palette.color(QPalette::Base));
    if (!m_scene)
        return;
    drawBand(canvas.painter());
    if (!m_replicaDots.isEmpty()) {
        // A halo in the picked server's colour under each key it keeps as a replica.
        canvas.setDotSize(dotSize() + 4);
        canvas.setDotColor(m_scene->servers[static_cast<std::size_t>(m_look.highlight)].color);
        for (const QPointF &at : std::as_const(m_replicaDots))
            canvas.dot(at);
    }
    // The keys that stay put belong to the still layer too: a frame only
    // adds the keys that moved in the last change.
    drawDots(canvas, m_dots);
    drawLegend(canvas.painter());
}

void RingPainter::drawDots(RingCanvas &canvas, const std::vector<QVector<QPointF>> &dots) const
{
    canvas.setDotSize(dotSize());
    for (std::size_t s = 0; s < dots.size(); ++s) {
        canvas.setDotColor(dotColor(s));
        for (const QPointF &at : dots[s])
            canvas.dot(at);
    }
}

void RingPainter::paintMoving(RingCanvas &canvas, double progress) const
{
    if (!m_scene)
        return;
    if (progress >= 1.0) {
        drawDots(canvas, m_movedDots);
        return;
    }
    const double t = progress;
    if (m_scene->moved > kAnimateSingly) {
        // Too many to follow one by one: they fade in at their places while
        // the flows between servers are drawn in the middle (drawFlows).
        canvas.setDotSize(dotSize());
        for (std::size_t s = 0; s < m_movedDots.size(); ++s) {
            QColor c = m_scene->servers[s].color;
            c.setAlphaF(static_cast<float>(t));
            canvas.setDotColor(c);
            for (const QPointF &at : m_movedDots[s])
                canvas.dot(at);
        }
        return;
    }
    // Keys that changed owner fly in from outside the ring, turning from the
    // old owner's colour into the new one's, a little larger on the way.
    canvas.setDotSize(dotSize() + 2.5 * (1 - t));
    const double kr = m_geometry.keyRadius();
    for (const auto &k : m_scene->keys) {
        if (k.movedFrom == 0)
            continue;
        const double r = kr * RingScene::radiusFactor(k.position);
        const double radius = (m_geometry.ringRadius() * 1.18) * (1 - t) + r * t;
        canvas.setDotColor(blend(QColor::fromRgb(k.movedFrom), m_scene->servers[k.owner].color, t));
        canvas.dot(m_geometry.pointAt(k.position, radius));
    }
}

// The band of arcs, one short radial stroke per pixel of circumference in the
// colour of the server that owns that angle (the arc ending at the next point
// clockwise). Its cost follows the pixels, not the points: 100 servers × 160
// points cost what 4 × 160 do, where one antialiased drawArc per arc costs
// ~60 µs each.
void RingPainter::drawBandSampled(QPainter &p, double r, double thickness) const
{
    const auto &pts = m_scene->points;
    const double outer = r + thickness / 2;
    const double dpr = p.device()->devicePixelRatio();
    const int samples = std::clamp(static_cast<int>(std::ceil(kTwoPi * outer * dpr)), 64, 1 << 16);
    const double step = kTwoPi / samples;
    std::vector<QVector<QLineF>> strokes(m_scene->servers.size());
    const QPointF c = m_geometry.center();
    const QRectF visible = m_geometry.rect().adjusted(-thickness, -thickness, thickness, thickness);
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
        p.setPen(QPen(serverColor(static_cast<std::uint32_t>(s)), width, Qt::SolidLine, Qt::FlatCap));
        p.drawLines(strokes[s]);
    }
}

// Zoomed in: exact arcs, only for the runs that cross the view.
void RingPainter::drawBandArcs(QPainter &p, const QRectF &box, double thickness) const
{
    const auto &pts = m_scene->points;
    const RingGeometry &g = m_geometry;
    // The positions the view can show: from the angles of its corners, when
    // the centre is outside it (else everything).
    bool all = g.rect().contains(g.center());
    std::uint32_t from = 0, to = 0;
    if (!all) {
        std::vector<double> angles;
        for (const QPointF corner : {QPointF(0, 0), QPointF(g.width(), 0), QPointF(0, g.height()), QPointF(g.width(), g.height())})
            angles.push_back(RingGeometry::angleOf(g.positionAt(corner)));
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
            p.strokePath(arc, QPen(serverColor(pts[i].server), thickness, Qt::SolidLine, Qt::FlatCap));
        }
        i = j + 1;
    }
}

void RingPainter::drawBand(QPainter &p) const
{
    const double r = m_geometry.ringRadius();
    const double thickness = m_geometry.bandThickness();
    const QRectF box = m_geometry.ringBox();
    const auto &pts = m_scene->points;
    if (pts.empty()) {
        // Modulo, jump, rendezvous…: no ring; the key's hash still has a place.
        p.setPen(QPen(m_look.palette.color(QPalette::Mid), thickness, Qt::SolidLine, Qt::FlatCap));
        p.drawEllipse(box);
        return;
    }
    if (m_geometry.zoom() <= kSampledZoom)
        drawBandSampled(p, r, thickness);
    else
        drawBandArcs(p, box, thickness);
    // Ticks for the points, when there are few enough to tell apart.
    if (static_cast<double>(pts.size()) <= 1200.0 * m_geometry.zoom()) {
        std::vector<QVector<QLineF>> ticks(m_scene->servers.size());
        for (const auto &pt : pts)
            ticks[pt.server].append(QLineF(m_geometry.pointAt(pt.position, r + thickness / 2),
                                           m_geometry.pointAt(pt.position, r + thickness / 2 + 7)));
        for (std::size_t s = 0; s < ticks.size(); ++s) {
            p.setPen(QPen(serverColor(static_cast<std::uint32_t>(s)).darker(130), 1.2));
            p.drawLines(ticks[s]);
        }
    }
}

void RingPainter::drawLegend(QPainter &p) const
{
    const auto &pts = m_scene->points;
    const QPalette &palette = m_look.palette;
    const int highlight = m_look.highlight;
    // Legend: colour, server, keys owned against its weighted share.
    QFont f = m_look.font;
    p.setFont(f);
    const QFontMetricsF fm(f);
    double y = 12 + fm.ascent();
    const double total = static_cast<double>(m_scene->keys.size());
    // A translucent panel behind the legend keeps it readable over the ring.
    QColor panel = palette.color(QPalette::Base);
    panel.setAlphaF(0.85f);
    p.setPen(Qt::NoPen);
    p.setBrush(panel);
    // As many rows as fit in a third of the height; the rest are counted.
    const auto fit = static_cast<std::size_t>(std::max(3.0, m_geometry.height() / 3.0 / (fm.height() + 2)));
    const std::size_t rows = m_scene->servers.size() <= fit ? m_scene->servers.size() : fit - 1;
    const bool more = rows < m_scene->servers.size();
    p.drawRoundedRect(QRectF(6, 6, fm.averageCharWidth() * 66,
                             (fm.height() + 2) * static_cast<double>(rows + (more ? 1 : 0)) + 12),
                      6, 6);
    // The picked server always has its row.
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t s = more && highlight >= static_cast<int>(rows - 1) && row == rows - 1
            ? static_cast<std::size_t>(highlight)
            : row;
        const auto &srv = m_scene->servers[s];
        p.setPen(Qt::NoPen);
        p.setBrush(serverColor(static_cast<std::uint32_t>(s)));
        p.drawRoundedRect(QRectF(12, y - fm.ascent() + 1, 14, fm.ascent() - 1), 3, 3);
        p.setPen(palette.color(QPalette::Text));
        const double share = total > 0 ? 100.0 * static_cast<double>(srv.keys) / total : 0;
        const bool down = s < m_look.down.size() && m_look.down[s];
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
        p.setPen(palette.color(QPalette::PlaceholderText));
        p.drawText(QPointF(32, y), tr("… and %1 more servers (the Servers table lists them all)")
                                       .arg(m_scene->servers.size() - rows));
    }
    p.setPen(palette.color(QPalette::PlaceholderText));
    const QString caption = pts.empty() ? tr("%1 (%2): no ring — owner from the hash alone").arg(m_scene->preset, m_scene->hash)
                                        : tr("%1 (%2): %3 ring points").arg(m_scene->preset, m_scene->hash).arg(pts.size());
    p.drawText(m_geometry.captionAt(), caption);
}

void RingPainter::drawFlows(QPainter &p) const
{
    // A small Sankey diagram in the ring's hole: old owners on the left, new
    // ones on the right, a band per flow as wide as its share of the moved keys.
    const auto &flows = m_scene->flows;
    if (flows.empty() || m_scene->moved == 0)
        return;
    const QRectF area = m_geometry.flowsArea();
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
    QColor panel = m_look.palette.color(QPalette::Base);
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
    QFont f = m_look.font;
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
            p.setPen(m_look.palette.color(QPalette::Text));
            p.drawText(QPointF(x, y), text);
        }
    p.setPen(m_look.palette.color(QPalette::PlaceholderText));
    p.drawText(QPointF(area.left(), area.top() - 8),
               flows.size() > shown ? tr("where the moved keys went (largest %1 of %2 flows)").arg(shown).arg(flows.size())
                                    : tr("where the moved keys went"));
}

void RingPainter::paintOverlay(QPainter &p, double progress, bool showFlows) const
{
    drawMoved(p, progress, showFlows);
    drawMinimap(p);
}

void RingPainter::drawMoved(QPainter &p, double progress, bool showFlows) const
{
    if (!m_scene || m_scene->generation <= 1)
        return;
    // Many keys moved: show where they went, while they move and after.
    if (m_scene->moved > kAnimateSingly || (progress < 1.0 && m_scene->moved > 0 && showFlows))
        drawFlows(p);
    const double shown = progress < 1.0 ? progress : 1.0;
    const auto moved = static_cast<std::uint64_t>(std::llround(static_cast<double>(m_scene->moved) * shown));
    const double pct = m_scene->keys.empty() ? 0 : 100.0 * static_cast<double>(m_scene->moved) / static_cast<double>(m_scene->keys.size());
    const QString text = tr("keys moved: %1 / %2 (%3%)").arg(moved).arg(m_scene->keys.size()).arg(pct, 0, 'f', 1);
    QFont f = m_look.font;
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    p.setFont(f);
    p.setPen(m_look.palette.color(QPalette::Text));
    // Bottom right: the legend has the top left, the caption the bottom left.
    p.drawText(m_geometry.movedCountBox(), Qt::AlignRight | Qt::AlignBottom, text);
}

void RingPainter::drawMinimap(QPainter &p) const
{
    // Zoomed in: a small whole ring in the corner, with the part in view.
    if (!m_scene || m_geometry.zoom() < 1.5)
        return;
    const double mr = RingGeometry::kMinimapRadius;
    const QPointF mc = m_geometry.minimapCenter();
    const QPalette &palette = m_look.palette;
    QColor panel = palette.color(QPalette::Base);
    panel.setAlphaF(0.9f);
    p.setPen(QPen(palette.color(QPalette::Mid), 1));
    p.setBrush(panel);
    p.drawRoundedRect(QRectF(mc.x() - mr - 8, mc.y() - mr - 8, 2 * mr + 16, 2 * mr + 16), 6, 6);
    const auto &pts = m_scene->points;
    if (pts.empty()) {
        p.setPen(QPen(palette.color(QPalette::Mid), 5));
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
    const double scale = mr / m_geometry.ringRadius();
    const QPointF topLeft = mc + (QPointF(0, 0) - m_geometry.center()) * scale;
    const QPointF bottomRight = mc + (QPointF(m_geometry.width(), m_geometry.height()) - m_geometry.center()) * scale;
    p.setPen(QPen(palette.color(QPalette::Text), 1.2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(topLeft, bottomRight).intersected(QRectF(mc.x() - mr - 8, mc.y() - mr - 8, 2 * mr + 16, 2 * mr + 16)));
}

} // namespace ringscope::ui
