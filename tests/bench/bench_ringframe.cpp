// The ring view's frame cost, offscreen (prints figures; never a test):
//   bench_ringframe [SERVERS] [POINTS_PER_SERVER] [KEYS] [WIDTH] [HEIGHT]
// defaults 100 × 160 points, 100,000 keys, 1600×1000, antialiasing on.
// Prints: a steady frame (cached ring layer, key dots), a frame that
// rebuilds the layer (topology change, zoom), the naive baseline (one
// antialiased drawArc per arc), and adding a server at 1M keys: recompute
// (scene build) + redraw.
#include "core/placement/keyset.h"
#include "core/distribution/preset.h"
#include "ui/models/ringscene.h"
#include "ui/views/ringview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

using namespace ringscope;

namespace {

core::ServerList cluster(int n)
{
    core::ServerList out;
    for (int i = 0; i < n; ++i)
        out.push_back({"10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1), 11211, 1, {}});
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <typename F>
double timeMs(F &&f, int runs)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        samples.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return median(samples);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    auto arg = [&](int i, long fallback) { return argc > i ? std::atol(argv[i]) : fallback; };
    const int servers = static_cast<int>(arg(1, 100));
    const long pointsPerServer = arg(2, 160);
    const auto keyCount = static_cast<std::size_t>(arg(3, 100000));
    const int width = static_cast<int>(arg(4, 1600)), height = static_cast<int>(arg(5, 1000));

    // ketama with `pointsPerServer` points per server: libmemcached-ketama-weighted has 160.
    std::string error;
    core::PresetOptions options;
    options.pointsPerServer = static_cast<std::uint32_t>(pointsPerServer);
    auto d = core::makeDistribution(*core::findPreset("ketama"), cluster(servers), std::nullopt, options, error);
    if (!d) {
        std::fprintf(stderr, "bench_ringframe: %s\n", error.c_str());
        return 2;
    }
    const auto keys = core::KeySet::synthetic(keyCount);
    auto scene = ui::RingScene::build(*d, keys, QStringLiteral("ketama"), QStringLiteral("md5"), nullptr);

    ui::RingView view;
    view.resize(width, height);
    view.setScene(scene, false);
    QImage frame(width, height, QImage::Format_ARGB32_Premultiplied);
    view.render(&frame); // the first frame builds the layer
    const double steady = timeMs([&] { view.render(&frame); }, 15);
    const double rebuild = timeMs([&] {
        view.setServersDown({}); // same state: no rebuild; so force one the way a click does
        view.setHighlightedServer(-1);
        view.render(&frame);
    }, 9);

    // The naive frame: one antialiased drawArc per arc, one drawEllipse per key.
    const double naive = timeMs([&] {
        QPainter p(&frame);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(frame.rect(), Qt::white);
        const double r = std::min(width, height) * 0.40;
        const QRectF box(width / 2.0 - r, height / 2.0 - r, 2 * r, 2 * r);
        const auto &pts = scene->points;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const std::uint32_t from = i == 0 ? pts.back().position : pts[i - 1].position;
            const double start = 90.0 - 360.0 * from / 4294967296.0;
            const double span = -360.0 * static_cast<std::uint32_t>(pts[i].position - from) / 4294967296.0;
            p.setPen(QPen(scene->servers[pts[i].server].color, 20, Qt::SolidLine, Qt::FlatCap));
            p.drawArc(box, static_cast<int>(start * 16), static_cast<int>(span * 16));
        }
    }, 3);

    std::printf("ring frame %dx%d, %d servers x %ld points, %zu keys, antialiasing on (median)\n", width, height, servers,
                pointsPerServer, keyCount);
    std::printf("  steady frame (cached layer + key dots):      %7.1f ms\n", steady);
    std::printf("  frame that rebuilds the layer (change/zoom): %7.1f ms\n", rebuild);
    std::printf("  naive: one drawArc per arc (arcs only):      %7.1f ms\n", naive);

    // Adding a server at 1M keys: recompute the scene (owners, moved set) and redraw.
    const auto million = std::make_shared<const core::KeySet>(core::KeySet::synthetic(1000000));
    auto big = ui::RingScene::build(*d, million, QStringLiteral("ketama"), QStringLiteral("md5"), nullptr);
    auto more = cluster(servers + 1);
    auto d2 = core::makeDistribution(*core::findPreset("ketama"), more, std::nullopt, options, error);
    QElapsedTimer t;
    t.start();
    auto next = ui::RingScene::build(*d2, million, QStringLiteral("ketama"), QStringLiteral("md5"), big.get());
    const double build = static_cast<double>(t.nsecsElapsed()) / 1e6;
    view.setScene(big, false);
    view.render(&frame);
    t.restart();
    view.setScene(next, false);
    view.render(&frame);
    const double draw = static_cast<double>(t.nsecsElapsed()) / 1e6;
    std::printf("add a server at %d servers, 1,000,000 keys: recompute %.0f ms + redraw %.0f ms = %.0f ms (%llu keys moved)\n",
                servers, build, draw, build + draw, static_cast<unsigned long long>(next->moved));
    return 0;
}
