// How long the GUI thread is ever busy at a stretch (prints figures; never a
// test): the window on a local demo cluster of SERVERS real memcached with
// KEYS sample keys written into them, traffic on, stats polled every second,
// an audit (metadump of every key) every 5 s, and one server killed.
//   bench_gui_stall [SERVERS] [KEYS] [SECONDS]     defaults 20, 1000000, 20
#include "ui/bridge/trafficrunner.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    auto arg = [&](int i, long fallback) { return argc > i ? std::atol(argv[i]) : fallback; };
    ringscope::ui::MainWindow::Options options;
    options.demoServers = static_cast<int>(arg(1, 20));
    options.keyCount = static_cast<int>(arg(2, 1000000));
    options.trafficRate = 500;
    const long seconds = arg(3, 20);

    QElapsedTimer clock;
    clock.start();
    ringscope::ui::MainWindow window(options);
    window.resize(1600, 1000);
    window.show();
    std::printf("window with %d sample keys built in %lld ms\n", options.keyCount, static_cast<long long>(clock.elapsed()));
    bool seeded = false;
    QObject::connect(&window.session().traffic(), &ringscope::ui::TrafficRunner::seeded, &app, [&](qulonglong keys, qulonglong failed) {
        std::printf("wrote %llu sample keys (%llu failed) by %lld ms\n", keys, failed, static_cast<long long>(clock.elapsed()));
        seeded = true;
    });
    QObject::connect(&window.session(), &ringscope::ui::ClusterSession::audited, &app, [&](qulonglong keys, qulonglong misplaced) {
        std::printf("audit: %llu keys, %llu misplaced, at %lld ms\n", keys, misplaced, static_cast<long long>(clock.elapsed()));
    });

    // The longest gap between 2 ms ticks, measured once the cluster runs.
    std::vector<qint64> gaps;
    qint64 last = -1;
    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        if (last >= 0)
            gaps.push_back(now - last);
        last = now;
    });
    QTimer::singleShot(0, &app, [&] {
        auto waitRunning = new QTimer(&app);
        QObject::connect(waitRunning, &QTimer::timeout, &app, [&, waitRunning] {
            if (!window.session().demoRunning() || !seeded)
                return;
            waitRunning->stop();
            std::printf("demo running and seeded at %lld ms; measuring for %ld s, killing a server halfway\n",
                        static_cast<long long>(clock.elapsed()), seconds);
            tick.start();
            QTimer::singleShot(static_cast<int>(seconds * 500), &app, [&] {
                window.session().demoAction(ringscope::ui::DemoCluster::Action::Kill, 1);
            });
            QTimer::singleShot(static_cast<int>(seconds * 1000), &app, [&] {
                tick.stop();
                std::sort(gaps.begin(), gaps.end());
                if (!gaps.empty())
                    std::printf("gaps between 2 ms ticks: median %lld ms, p99 %lld ms, longest %lld ms (%zu ticks)\n",
                                static_cast<long long>(gaps[gaps.size() / 2]),
                                static_cast<long long>(gaps[gaps.size() * 99 / 100]),
                                static_cast<long long>(gaps.back()), gaps.size());
                QApplication::quit();
            });
        });
        waitRunning->start(50);
    });
    return QApplication::exec();
}
