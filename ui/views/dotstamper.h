#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>

#include <cstdint>
#include <vector>

namespace ringscope::ui {

// Key dots stamped straight into an image's pixels: an antialiased disc mask
// blended per pixel over premultiplied ARGB. QPainter's antialiased round
// points cost ~6 µs each, which is 120 ms for 20,000 keys; this is a few
// nanoseconds a pixel. The image must outlive the stamper and not be
// painted on while it stamps.
class DotStamper {
public:
    DotStamper(QImage &image, double diameter); // diameter in device pixels
    void setColor(const QColor &color);
    void stamp(QPointF at); // `at` in device pixels

private:
    QRgb *m_bits;
    qsizetype m_stride;
    int m_width, m_height;
    int m_n;
    std::vector<float> m_mask;
    std::vector<std::uint32_t> m_alpha; // the mask times the colour's alpha, 0–255
    QRgb m_color = 0;
};

} // namespace ringscope::ui
