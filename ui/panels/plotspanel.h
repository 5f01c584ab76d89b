#pragma once

#include "ui/bridge/livetypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPGraph;
class QCPBars;
class QTabWidget;

namespace ringscope::ui {

struct RingScene;

// The plots (QCustomPlot): gets/s per server and hit ratio over time with
// event markers; keys per server against the ideal share; keys moved in and
// out per server by the last change; latency per server. Fed with values
// from the window; only the visible plot is redrawn, and at most once per
// event-loop pass (rpQueuedReplot).
class PlotsPanel : public QWidget {
    Q_OBJECT

public:
    enum Plot { Load, HitRatio, Keys, Moved, Latency, NumPlots };

    explicit PlotsPanel(QWidget *parent = nullptr);
    ~PlotsPanel() override;

    void setScene(std::shared_ptr<const RingScene> scene);
    // One poll round of the scene's servers (same order).
    void addLive(const std::vector<LiveServer> &live);
    void addTraffic(const TrafficSample &sample);
    // A vertical line on the time plots; `kind` picks its colour.
    void addMarker(const QString &text, const QString &kind);
    // Another cluster: the time plots start empty (no series, no markers).
    void clearTimeSeries();
    void setDark(bool dark);

    QCustomPlot *plot(Plot which) const { return m_plots[which]; }
    int currentPlot() const;
    void setCurrentPlot(Plot which);
    // Saves the plot on show as .png or .pdf; the error, or empty.
    QString exportCurrent(const QString &path) const;
    double now() const; // seconds on the time axes
    int markerCount() const { return m_markers; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QCPGraph *seriesFor(Plot plot, const QString &label, const QColor &color);
    void refresh(Plot which);
    void scrollTimePlots();
    void applyTheme(QCustomPlot *plot) const;

    QTabWidget *m_tabs;
    QCustomPlot *m_plots[NumPlots] = {};
    std::shared_ptr<const RingScene> m_scene;
    QHash<QString, QCPGraph *> m_series[NumPlots];
    QCPGraph *m_clusterHit = nullptr, *m_trafficHit = nullptr, *m_unavailable = nullptr;
    QCPGraph *m_p50 = nullptr, *m_p99 = nullptr;
    QCPBars *m_owned = nullptr, *m_ideal = nullptr, *m_in = nullptr, *m_out = nullptr;
    QElapsedTimer m_clock;
    int m_markers = 0;
    bool m_dark = false;
};

} // namespace ringscope::ui
