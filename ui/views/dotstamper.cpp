#include "ui/views/dotstamper.h"

#include <cmath>
#include <cstddef>

namespace ringscope::ui {
namespace {

// Each of the four 8-bit channels of `x` times a / 255, two at a time
// (premultiplied ARGB: the colour over the pixel is then a sum).
QRgb byteMul(QRgb x, std::uint32_t a)
{
    std::uint32_t t = (x & 0xff00ff) * a;
    t = (t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8;
    t &= 0xff00ff;
    x = ((x >> 8) & 0xff00ff) * a;
    x = x + ((x >> 8) & 0xff00ff) + 0x800080;
    x &= 0xff00ff00;
    return x | t;
}

} // namespace

DotStamper::DotStamper(QImage &image, double diameter)
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

void DotStamper::setColor(const QColor &color)
{
    m_color = qRgba(color.red(), color.green(), color.blue(), 255);
    const auto alpha = static_cast<float>(color.alphaF());
    for (std::size_t k = 0; k < m_mask.size(); ++k)
        m_alpha[k] = static_cast<std::uint32_t>(m_mask[k] * alpha * 255.0f + 0.5f);
}

void DotStamper::stamp(QPointF at)
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

} // namespace ringscope::ui
