#include "ui/views/ringcanvas.h"

#include <QImage>

#include <algorithm>

namespace ringscope::ui {

RingCanvas::RingCanvas(QImage &image)
    : m_image(&image)
    , m_painter(&m_own)
    , m_dpr(image.devicePixelRatio())
{
}

RingCanvas::RingCanvas(QPainter &painter, std::size_t stride)
    : m_painter(&painter)
    , m_dpr(painter.device() ? painter.device()->devicePixelRatio() : 1.0)
    , m_stride(std::max<std::size_t>(1, stride))
{
    painter.setRenderHint(QPainter::Antialiasing);
}

RingCanvas::~RingCanvas()
{
    endDots();
    if (m_image && m_own.isActive())
        m_own.end();
}

void RingCanvas::fill(const QRectF &rect, const QColor &color)
{
    endDots();
    if (!m_image) {
        m_painter->fillRect(rect, color);
        return;
    }
    if (m_own.isActive())
        m_own.end();
    m_image->fill(color);
}

QPainter &RingCanvas::painter()
{
    endDots();
    if (m_image && !m_own.isActive()) {
        m_own.begin(m_image);
        m_own.setRenderHint(QPainter::Antialiasing);
    }
    return *m_painter;
}

void RingCanvas::endDots()
{
    m_stamper.reset();
    if (m_inDots) {
        m_painter->restore();
        m_inDots = false;
    }
}

void RingCanvas::setDotSize(double diameter)
{
    endDots();
    if (m_image) {
        if (m_own.isActive())
            m_own.end(); // the stamper writes the pixels itself
        m_stamper.emplace(*m_image, diameter * m_dpr);
        return;
    }
    m_painter->save();
    m_inDots = true;
    m_painter->setPen(Qt::NoPen);
    m_radius = diameter / 2;
}

void RingCanvas::setDotColor(const QColor &color)
{
    if (m_stamper)
        m_stamper->setColor(color);
    else if (m_inDots)
        m_painter->setBrush(color);
}

void RingCanvas::dot(QPointF at)
{
    if (m_stamper)
        m_stamper->stamp(at * m_dpr);
    else if (m_inDots && m_seen++ % m_stride == 0)
        m_painter->drawEllipse(at, m_radius, m_radius);
}

} // namespace ringscope::ui
