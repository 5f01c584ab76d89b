#pragma once

#include "ui/views/dotstamper.h"

#include <QColor>
#include <QPainter>
#include <QPointF>
#include <QRectF>

#include <cstddef>
#include <optional>

class QImage;

namespace ringscope::ui {

// Where one picture of the ring goes: a painter for the band, the text and
// the flows, and the key dots. Over an image (the screen's layer and frame, a
// PNG) a DotStamper stamps the dots into its pixels, the painter closed while
// it does; over any other painter (an SVG) each dot is a circle, every
// `stride`-th one. Either way the painter gives the same dots: who draws them
// (RingPainter) does not know which.
class RingCanvas {
public:
    explicit RingCanvas(QImage &image);
    RingCanvas(QPainter &painter, std::size_t stride);
    ~RingCanvas();
    RingCanvas(const RingCanvas &) = delete;
    RingCanvas &operator=(const RingCanvas &) = delete;

    // The picture, `rect`, in one colour (an image: all its pixels, QImage::fill).
    void fill(const QRectF &rect, const QColor &color);
    // Antialiased, in logical pixels; after dots, in the state it had before.
    QPainter &painter();
    double devicePixelRatio() const noexcept { return m_dpr; }

    // Dots: a size (diameter, logical pixels), then a colour, then dots.
    void setDotSize(double diameter);
    void setDotColor(const QColor &color);
    void dot(QPointF at); // logical pixels

private:
    void endDots();

    QImage *m_image = nullptr;
    QPainter m_own;                  // over the image
    QPainter *m_painter = nullptr;   // m_own or the caller's
    std::optional<DotStamper> m_stamper;
    bool m_inDots = false;           // the caller's painter is saved while dots are drawn
    double m_dpr = 1.0;
    std::size_t m_stride = 1, m_seen = 0;
    double m_radius = 0;
};

} // namespace ringscope::ui
