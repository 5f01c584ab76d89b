#pragma once

#include <QColor>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace ringscope::core {
class Distribution;
}

namespace ringscope::ui {

// The textbook picture for the first lessons: the hash space drawn as 0–100,
// a few labelled keys and servers A, B, C…, and the table "key1 → 10 → A".
// The numbers are the real ones scaled down: a key's hash under the current
// preset, times 100 / 2^32, and its real owner.
class SimpleNumbersView : public QWidget {
    Q_OBJECT

public:
    struct Row {
        QString key;
        int hash = 0;   // 0–99
        std::uint32_t raw = 0; // the hash itself
        int owner = -1; // server index
    };
    struct Mark {
        int server = 0;
        double at = 0; // 0–100
    };

    explicit SimpleNumbersView(QWidget *parent = nullptr);

    // Takes what it draws from `d` (not kept); `colors` per server.
    void setDistribution(const core::Distribution &d, const std::vector<QColor> &colors, int keyCount = 6);
    const std::vector<Row> &rows() const noexcept { return m_rows; }
    static QString serverLetter(int index);
    bool hasRing() const noexcept { return m_ring; }
    // Where the last paint put the labels on the circle (servers', then
    // keys'); none overlaps another. A label with no free place nearby is
    // left out (the table under the circle still lists every key).
    const std::vector<QRectF> &labelRects() const noexcept { return m_labels; }
    QSize sizeHint() const override { return {320, 460}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<Row> m_rows;
    std::vector<Mark> m_points; // the ring's points
    std::vector<QColor> m_colors;
    std::vector<QString> m_servers;
    int m_hiddenPoints = 0; // how many points the ring has
    bool m_ring = false;
    std::vector<QRectF> m_labels;
};

} // namespace ringscope::ui
