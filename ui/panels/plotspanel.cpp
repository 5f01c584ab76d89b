// qcustomplot.h uses foreach: it must come before any other Qt header.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/panels/plotspanel.h"

#include "ui/models/ringscene.h"

#include <QFileInfo>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ringscope::ui {
namespace {

constexpr double kWindowSeconds = 180; // visible on the time plots
constexpr double kKeepSeconds = 900;   // kept, for scrolling back

QColor markerColor(const QString &kind)
{
    if (kind == QLatin1String("health"))
        return QColor(0xD5, 0x5E, 0x00);
    if (kind == QLatin1String("recovery"))
        return QColor(0x00, 0x9E, 0x73);
    if (kind == QLatin1String("replication"))
        return QColor(0x56, 0xB4, 0xE9);
    if (kind == QLatin1String("demo"))
        return QColor(0xCC, 0x79, 0xA7);
    return QColor(0x88, 0x88, 0x88);
}

void trim(QCPGraph *g, double before)
{
    g->data()->removeBefore(before);
}

} // namespace

PlotsPanel::PlotsPanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    m_clock.start();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    const QString titles[NumPlots] = {tr("Gets/s"), tr("Hit ratio"), tr("Keys per server"), tr("Last change"),
                                      tr("Latency")};
    for (int i = 0; i < NumPlots; ++i) {
        auto *plot = new QCustomPlot(m_tabs);
        plot->setObjectName(QStringLiteral("plot%1").arg(i));
        plot->setNoAntialiasingOnDrag(true);
        plot->setMinimumHeight(160);
        m_plots[i] = plot;
        m_tabs->addTab(plot, titles[i]);
    }
    auto timeTicker = QSharedPointer<QCPAxisTickerTime>::create();
    timeTicker->setTimeFormat(QStringLiteral("%m:%s"));
    for (const Plot p : {Load, HitRatio, Latency}) {
        QCustomPlot *plot = m_plots[p];
        plot->xAxis->setTicker(timeTicker);
        plot->xAxis->setRange(0, kWindowSeconds);
        plot->legend->setVisible(true);
        plot->legend->setFont(QFont(font().family(), 8));
        // Top right: event labels start at the top left of their line.
        plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
        plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
        plot->axisRect()->setRangeDrag(Qt::Horizontal);
        plot->axisRect()->setRangeZoom(Qt::Horizontal);
    }
    m_plots[Load]->yAxis->setLabel(tr("gets/s (stats)"));
    m_plots[Latency]->yAxis->setLabel(tr("ms"));
    m_plots[Latency]->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plots[Latency]->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_plots[Latency]->yAxis->setRange(0.01, 1000);

    QCustomPlot *hit = m_plots[HitRatio];
    hit->yAxis->setRange(0, 1.05);
    hit->yAxis->setLabel(tr("hit ratio"));
    hit->yAxis2->setVisible(true);
    hit->yAxis2->setLabel(tr("unavailable/s"));
    m_clusterHit = hit->addGraph();
    m_clusterHit->setName(tr("servers (stats)"));
    m_clusterHit->setPen(QPen(QColor(0x00, 0x72, 0xB2), 2));
    m_trafficHit = hit->addGraph();
    m_trafficHit->setName(tr("our traffic"));
    m_trafficHit->setPen(QPen(QColor(0x00, 0x9E, 0x73), 2, Qt::DashLine));
    m_unavailable = hit->addGraph(hit->xAxis, hit->yAxis2);
    m_unavailable->setName(tr("unavailable/s (our traffic)"));
    m_unavailable->setPen(QPen(QColor(0xD5, 0x5E, 0x00), 1.5));
    m_unavailable->setBrush(QColor(0xD5, 0x5E, 0x00, 50));

    QCustomPlot *lat = m_plots[Latency];
    m_p50 = lat->addGraph();
    m_p50->setName(tr("our traffic p50"));
    m_p50->setPen(QPen(Qt::gray, 2, Qt::DashLine));
    m_p99 = lat->addGraph();
    m_p99->setName(tr("our traffic p99"));
    m_p99->setPen(QPen(Qt::darkGray, 2, Qt::DotLine));

    QCustomPlot *keys = m_plots[Keys];
    keys->yAxis->setLabel(tr("share of keys, %"));
    keys->legend->setVisible(true);
    keys->legend->setFont(QFont(font().family(), 8));
    m_owned = new QCPBars(keys->xAxis, keys->yAxis);
    m_owned->setName(tr("owned"));
    m_owned->setPen(Qt::NoPen);
    m_owned->setBrush(QColor(0x00, 0x72, 0xB2, 170));
    m_owned->setWidth(0.6);
    m_ideal = new QCPBars(keys->xAxis, keys->yAxis);
    m_ideal->setName(tr("ideal (weights)"));
    m_ideal->setPen(QPen(QColor(0x33, 0x33, 0x33), 1.5));
    m_ideal->setBrush(Qt::NoBrush);
    m_ideal->setWidth(0.8);

    QCustomPlot *moved = m_plots[Moved];
    moved->yAxis->setLabel(tr("keys"));
    moved->legend->setVisible(true);
    moved->legend->setFont(QFont(font().family(), 8));
    m_in = new QCPBars(moved->xAxis, moved->yAxis);
    m_in->setName(tr("moved in"));
    m_in->setPen(Qt::NoPen);
    m_in->setBrush(QColor(0x00, 0x9E, 0x73));
    m_out = new QCPBars(moved->xAxis, moved->yAxis);
    m_out->setName(tr("moved out"));
    m_out->setPen(Qt::NoPen);
    m_out->setBrush(QColor(0xD5, 0x5E, 0x00));
    for (QCPBars *b : {m_in, m_out, m_owned, m_ideal})
        b->setWidthType(QCPBars::wtPlotCoords);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) { refresh(static_cast<Plot>(index)); });
    for (auto *p : m_plots)
        applyTheme(p);
}

PlotsPanel::~PlotsPanel() = default;

double PlotsPanel::now() const
{
    return static_cast<double>(m_clock.elapsed()) / 1000.0;
}

int PlotsPanel::currentPlot() const
{
    return m_tabs->currentIndex();
}

void PlotsPanel::setCurrentPlot(Plot which)
{
    m_tabs->setCurrentIndex(which);
}

QCPGraph *PlotsPanel::seriesFor(Plot plot, const QString &label, const QColor &color)
{
    auto &series = m_series[plot];
    if (auto *g = series.value(label))
        return g;
    auto *g = m_plots[plot]->addGraph();
    g->setName(label);
    g->setPen(QPen(color, 2));
    series.insert(label, g);
    return g;
}

void PlotsPanel::setScene(std::shared_ptr<const RingScene> scene)
{
    m_scene = std::move(scene);
    if (!m_scene)
        return;
    const auto &servers = m_scene->servers;
    const double total = std::max<double>(1.0, static_cast<double>(m_scene->keys.size()));
    QVector<double> x, owned, ideal, in, out;
    auto keyTicks = QSharedPointer<QCPAxisTickerText>::create();
    auto movedTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const double at = static_cast<double>(i + 1);
        x << at;
        owned << 100.0 * static_cast<double>(servers[i].keys) / total;
        ideal << 100.0 * servers[i].idealShare;
        in << static_cast<double>(servers[i].movedIn);
        out << -static_cast<double>(servers[i].movedOut);
        keyTicks->addTick(at, servers[i].label);
        movedTicks->addTick(at, servers[i].label);
        // A server keeps its colour in the time plots too.
        for (const Plot p : {Load, Latency})
            if (auto *g = m_series[p].value(servers[i].label))
                g->setPen(QPen(servers[i].color, 2));
    }
    m_owned->setData(x, owned, true);
    m_ideal->setData(x, ideal, true);
    QVector<double> mx = x;
    for (std::size_t i = 0; i < m_scene->removed.size(); ++i) {
        const double at = static_cast<double>(servers.size() + i + 1);
        mx << at;
        in << 0;
        out << -static_cast<double>(m_scene->removed[i].movedOut);
        movedTicks->addTick(at, m_scene->removed[i].label + tr(" (gone)"));
    }
    m_in->setData(mx, in, true);
    m_out->setData(mx, out, true);
    const bool many = servers.size() > 8;
    for (const Plot p : {Keys, Moved}) {
        m_plots[p]->xAxis->setTicker(p == Keys ? keyTicks : movedTicks);
        m_plots[p]->xAxis->setTickLabelRotation(many ? 60 : 0);
        m_plots[p]->xAxis->setRange(0.3, static_cast<double>(p == Keys ? x.size() : mx.size()) + 0.7);
    }
    double top = 1;
    for (int i = 0; i < owned.size(); ++i)
        top = std::max({top, owned[i], ideal[i]});
    m_plots[Keys]->yAxis->setRange(0, top * 1.15);
    double extent = 1;
    for (int i = 0; i < in.size(); ++i)
        extent = std::max({extent, in[i], -out[i]});
    m_plots[Moved]->yAxis->setRange(-extent * 1.15, extent * 1.15);
    m_plots[Moved]->xAxis->setLabel(tr("%1 keys moved in the last change").arg(m_scene->moved));
    refresh(Keys);
    refresh(Moved);
}

void PlotsPanel::addLive(const std::vector<LiveServer> &live)
{
    if (!m_scene)
        return;
    const double t = now();
    double gets = 0, hits = 0;
    bool any = false;
    for (std::size_t i = 0; i < live.size() && i < m_scene->servers.size(); ++i) {
        const auto &s = m_scene->servers[i];
        const auto &l = live[i];
        if (l.getsPerSecond >= 0)
            seriesFor(Load, s.label, s.color)->addData(t, l.getsPerSecond);
        if (l.roundTripMs >= 0)
            seriesFor(Latency, s.label, s.color)->addData(t, std::max(0.01, l.roundTripMs));
        if (l.getsPerSecond > 0 && l.hitRatio >= 0) {
            gets += l.getsPerSecond;
            hits += l.getsPerSecond * l.hitRatio;
            any = true;
        }
    }
    if (any && gets > 0)
        m_clusterHit->addData(t, hits / gets);
    scrollTimePlots();
}

void PlotsPanel::addTraffic(const TrafficSample &sample)
{
    const double t = now();
    if (sample.hitRatio >= 0)
        m_trafficHit->addData(t, sample.hitRatio);
    m_unavailable->addData(t, sample.unavailablePerSecond);
    if (sample.p50Ms > 0)
        m_p50->addData(t, sample.p50Ms);
    if (sample.p99Ms > 0)
        m_p99->addData(t, sample.p99Ms);
    bool found = false;
    const QCPRange r = m_unavailable->getValueRange(found);
    m_plots[HitRatio]->yAxis2->setRange(0, found ? std::max(1.0, r.upper * 1.2) : 1.0);
    scrollTimePlots();
}

void PlotsPanel::addMarker(const QString &text, const QString &kind)
{
    const double t = now();
    const QColor color = markerColor(kind);
    for (const Plot p : {Load, HitRatio, Latency}) {
        QCustomPlot *plot = m_plots[p];
        auto *line = new QCPItemStraightLine(plot);
        line->point1->setCoords(t, 0);
        line->point2->setCoords(t, 1);
        line->setPen(QPen(color, 1.5, Qt::DashLine));
        auto *label = new QCPItemText(plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(t, 0.02 + 0.07 * (m_markers % 4));
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(text.size() > 40 ? text.left(39) + QChar(0x2026) : text);
        label->setColor(color);
        label->setFont(QFont(font().family(), 8));
        label->setClipToAxisRect(true);
    }
    ++m_markers;
    scrollTimePlots();
}

void PlotsPanel::scrollTimePlots()
{
    const double t = now();
    for (const Plot p : {Load, HitRatio, Latency}) {
        QCustomPlot *plot = m_plots[p];
        for (int g = 0; g < plot->graphCount(); ++g)
            trim(plot->graph(g), t - kKeepSeconds);
        // Markers (a line and its label) older than what is kept go too.
        for (int i = plot->itemCount() - 1; i >= 0; --i) {
            QCPAbstractItem *item = plot->item(i);
            double at = t;
            if (auto *line = qobject_cast<QCPItemStraightLine *>(item))
                at = line->point1->coords().x();
            else if (auto *label = qobject_cast<QCPItemText *>(item))
                at = label->position->coords().x();
            if (at < t - kKeepSeconds)
                plot->removeItem(item);
        }
        // Follow the present unless the user dragged back in time.
        const QCPRange r = plot->xAxis->range();
        if (r.upper >= t - 3 || r.upper < kWindowSeconds)
            plot->xAxis->setRange(std::max(0.0, t - kWindowSeconds), std::max(kWindowSeconds, t + 2));
    }
    if (m_series[Load].size() > 0) {
        bool found = false;
        double top = 10;
        for (auto *g : std::as_const(m_series[Load])) {
            const QCPRange r = g->getValueRange(found, QCP::sdBoth, m_plots[Load]->xAxis->range());
            if (found)
                top = std::max(top, r.upper);
        }
        m_plots[Load]->yAxis->setRange(0, top * 1.15);
    }
    refresh(static_cast<Plot>(currentPlot()));
}

void PlotsPanel::refresh(Plot which)
{
    if (which >= 0 && which < NumPlots && (currentPlot() == which || !isVisible()))
        m_plots[which]->replot(QCustomPlot::rpQueuedReplot);
}

void PlotsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        setDark(m_dark); // the plots' type follows
}

void PlotsPanel::clearTimeSeries()
{
    for (const Plot p : {Load, HitRatio, Latency}) {
        for (QCPGraph *g : std::as_const(m_series[p]))
            m_plots[p]->removeGraph(g);
        m_series[p].clear();
        m_plots[p]->clearItems();
    }
    for (QCPGraph *g : {m_clusterHit, m_trafficHit, m_unavailable, m_p50, m_p99})
        if (g)
            g->data()->clear();
    m_markers = 0;
    m_clock.restart();
    scrollTimePlots();
}

void PlotsPanel::setDark(bool dark)
{
    m_dark = dark;
    for (auto *p : m_plots) {
        applyTheme(p);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

void PlotsPanel::applyTheme(QCustomPlot *plot) const
{
    const QColor background = m_dark ? QColor(0x23, 0x25, 0x29) : QColor(Qt::white);
    const QColor foreground = m_dark ? QColor(0xDD, 0xDD, 0xDD) : QColor(0x22, 0x22, 0x22);
    const QColor grid = m_dark ? QColor(0x44, 0x47, 0x4D) : QColor(0xE0, 0xE0, 0xE0);
    plot->setBackground(background);
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(foreground));
        axis->setTickPen(QPen(foreground));
        axis->setSubTickPen(QPen(foreground));
        axis->setTickLabelColor(foreground);
        axis->setLabelColor(foreground);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(m_dark ? QColor(0x2E, 0x31, 0x36, 220) : QColor(255, 255, 255, 220));
    plot->legend->setTextColor(foreground);
    // Type in proportion to the widget's (presentation mode enlarges it).
    const double base = font().pointSizeF() > 0 ? font().pointSizeF() : 9.0;
    QFont ticks = font(), labels = font(), legend = font();
    ticks.setPointSizeF(base * 0.9);
    legend.setPointSizeF(base * 0.85);
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setTickLabelFont(ticks);
        axis->setLabelFont(labels);
    }
    plot->legend->setFont(legend);
    plot->xAxis->ticker()->setTickCount(base > 12 ? 3 : 5); // large type: fewer labels side by side
    plot->legend->setBorderPen(QPen(grid));
    if (m_ideal)
        m_ideal->setPen(QPen(foreground, 1.5));
}

QString PlotsPanel::exportCurrent(const QString &path) const
{
    QCustomPlot *plot = m_plots[currentPlot()];
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = std::max(plot->width(), 800), h = std::max(plot->height(), 450);
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = plot->savePng(path, w, h, 2.0);
    else if (suffix == QLatin1String("pdf"))
        ok = plot->savePdf(path, w, h);
    else
        return tr("%1: export a plot as .png or .pdf").arg(path);
    return ok ? QString() : tr("cannot write %1").arg(path);
}

} // namespace ringscope::ui
