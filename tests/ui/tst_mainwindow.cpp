// The desktop program's live parts on the offscreen platform: the Connect
// dialog refusing bad input with a message, the plots showing the scene, the
// what-if and weight changes, traffic with replication through a real
// SIGKILL of a demo server, auto-eject on the ring, the event loop staying
// responsive while servers are polled and killed, and SIGTERM stopping the
// demo cluster with no orphans.
// qcustomplot.h uses foreach: it must come before any other Qt header.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "tests/common/fakeserver.h"
#include "tests/common/processes.h"
#include "core/placement/clusterplacement.h"
#include "core/placement/keyset.h"
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"
#include "ui/mainwindow.h"
#include "ui/bridge/trafficrunner.h"
#include "tests/ui/uitestsupport.h"
#include "ui/models/servertablemodel.h"
#include "ui/panels/connectdialog.h"
#include "ui/panels/plotspanel.h"
#include "ui/models/ringscene.h"
#include "ui/views/ringview.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>

#include <csignal>
#include <fstream>

using namespace ringscope;

namespace {

using test::make;
using test::saveIfAsked;
using test::servers;

// The memcached processes whose parent is `parent` (from /proc).
std::vector<qint64> memcachedChildren(qint64 parent)
{
    std::vector<qint64> out;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        std::ifstream stat("/proc/" + entry.toStdString() + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto open = line.find('('), close = line.rfind(')');
        if (open == std::string::npos || close == std::string::npos)
            continue;
        const std::string comm = line.substr(open + 1, close - open - 1);
        char state = 0;
        long long ppid = 0;
        if (std::sscanf(line.c_str() + close + 1, " %c %lld", &state, &ppid) == 2 && ppid == parent && comm == "memcached")
            out.push_back(pid);
    }
    return out;
}

bool alive(qint64 pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line))
        return false;
    const auto close = line.rfind(')');
    return close != std::string::npos && line.size() > close + 2 && line[close + 2] != 'Z';
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Each test its own settings: no recent list or theme from a user.
        QStandardPaths::setTestModeEnabled(true);
    }

    void connectDialogRefusesBadInput_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QString>("message");
        using K = ui::ClusterRequest::Kind;
        const auto s = static_cast<int>(K::Servers), f = static_cast<int>(K::ConfigFile), e = static_cast<int>(K::ElastiCache);
        QTest::addRow("no servers") << s << QString() << QString() << QString() << QStringLiteral("give at least one host:port");
        QTest::addRow("port out of range") << s << QStringLiteral("10.0.0.1:99999") << QString() << QString()
                                           << QStringLiteral("port '99999' is not a number from 1 to 65535");
        QTest::addRow("port not a number") << s << QStringLiteral("cache-a:abc") << QString() << QString()
                                           << QStringLiteral("port 'abc'");
        QTest::addRow("duplicate") << s << QStringLiteral("a:1,a:1") << QString() << QString()
                                   << QStringLiteral("duplicate server a:1");
        QTest::addRow("no file") << f << QString() << QString() << QString() << QStringLiteral("config file: give the path");
        QTest::addRow("missing file") << f << QStringLiteral("/nonexistent/nutcracker.yml") << QString() << QString()
                                      << QStringLiteral("cannot read /nonexistent/nutcracker.yml");
        QTest::addRow("bad yml") << f << QStringLiteral("@BADYML") << QString() << QString()
                                 << QStringLiteral(":4: unknown hash 'nope'");
        QTest::addRow("no endpoint") << e << QString() << QString() << QString() << QStringLiteral("give host:port");
        QTest::addRow("bad endpoint") << e << QStringLiteral("cfg.example.com:0") << QString() << QString()
                                      << QStringLiteral("port '0'");
        QTest::addRow("hash on a fixed preset") << s << QStringLiteral("10.0.0.1:11211") << QStringLiteral("FIXED")
                                                << QStringLiteral("crc32") << QStringLiteral("fixes its own hash");
    }

    void connectDialogRefusesBadInput()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(QString, preset);
        QFETCH(QString, hash);
        QFETCH(QString, message);
        QTemporaryDir dir;
        if (text == QLatin1String("@BADYML")) {
            text = dir.filePath(QStringLiteral("bad.yml"));
            QFile file(text);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("alpha:\n  servers:\n   - 10.0.0.1:11211:1\n  hash: nope\n");
        }
        if (preset == QLatin1String("FIXED"))
            for (const auto &p : core::allPresets())
                if (!p.hashSelectable) {
                    preset = QString::fromLatin1(p.name.data(), static_cast<qsizetype>(p.name.size()));
                    break;
                }
        ui::ClusterRequest r;
        r.kind = static_cast<ui::ClusterRequest::Kind>(kind);
        r.spec = text;
        r.preset = preset;
        r.hash = hash;
        if (r.kind == ui::ClusterRequest::Kind::ElastiCache && !text.isEmpty()) {
            // The dialog shows the endpoint as text: put it there as typed.
            r.endpoint.host = text.section(QLatin1Char(':'), 0, 0).toStdString();
        }
        ui::ConnectDialog dialog;
        dialog.setRequest(r);
        if (r.kind == ui::ClusterRequest::Kind::ElastiCache)
            for (auto *edit : dialog.findChildren<QLineEdit *>())
                if (edit->placeholderText().contains(QStringLiteral("amazonaws")))
                    edit->setText(text);
        dialog.show();
        dialog.accept();
        QVERIFY2(dialog.error().contains(message), qPrintable(dialog.error()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // stays open
    }

    void connectDialogAcceptsAGoodList()
    {
        ui::ClusterRequest r;
        r.kind = ui::ClusterRequest::Kind::Servers;
        r.spec = QStringLiteral("10.0.0.1:11211,10.0.0.2:11211:2 big");
        r.preset = QStringLiteral("ketama");
        ui::ConnectDialog dialog;
        dialog.setRequest(r);
        dialog.show();
        dialog.accept();
        QCOMPARE(dialog.error(), QString());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.request().servers.size(), std::size_t{2});
        QCOMPARE(dialog.request().servers[1].weight, 2u);
        QCOMPARE(dialog.request().preset, QStringLiteral("ketama"));
    }

    void plotsShowTheLastChange()
    {
        const auto before = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        const auto after = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.4:11211,10.0.0.5:11211");
        const auto keys = core::KeySet::synthetic(4000, 9);
        auto first = ui::RingScene::build(*make("ketama", before), keys, QStringLiteral("ketama"), {}, nullptr);
        auto second = ui::RingScene::build(*make("ketama", after), keys, QStringLiteral("ketama"), {}, first.get());
        // In and out balance: every key that moved left one server and reached another.
        std::uint64_t in = 0, out = 0;
        for (const auto &s : second->servers) {
            in += s.movedIn;
            out += s.movedOut;
        }
        QCOMPARE(second->removed.size(), std::size_t{1});
        QCOMPARE(second->removed[0].label, QStringLiteral("10.0.0.3:11211"));
        QCOMPARE(second->removed[0].movedOut, first->servers[2].keys); // all its keys left
        out += second->removed[0].movedOut;
        QCOMPARE(in, second->moved);
        QCOMPARE(out, second->moved);

        ui::PlotsPanel panel;
        panel.resize(800, 400);
        panel.setScene(second);
        auto *keysPlot = panel.plot(ui::PlotsPanel::Keys);
        auto *owned = qobject_cast<QCPBars *>(keysPlot->plottable(0));
        QVERIFY(owned);
        QCOMPARE(owned->data()->size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(owned->data()->at(i)->value,
                     100.0 * static_cast<double>(second->servers[static_cast<std::size_t>(i)].keys) / 4000.0);
        auto *moved = panel.plot(ui::PlotsPanel::Moved);
        auto *inBars = qobject_cast<QCPBars *>(moved->plottable(0));
        auto *outBars = qobject_cast<QCPBars *>(moved->plottable(1));
        QCOMPARE(inBars->data()->size(), 5); // four servers and the one that left
        QCOMPARE(outBars->data()->at(4)->value, -static_cast<double>(second->removed[0].movedOut));
        QCOMPARE(inBars->data()->at(2)->value, static_cast<double>(second->servers[2].movedIn));

        // Time plots: one series per server, and a marker per event.
        std::vector<ui::LiveServer> live(4);
        for (std::size_t i = 0; i < live.size(); ++i) {
            live[i].getsPerSecond = 10.0 * static_cast<double>(i + 1);
            live[i].hitRatio = 0.5;
            live[i].roundTripMs = 0.2;
        }
        panel.addLive(live);
        panel.addLive(live);
        panel.addMarker(QStringLiteral("10.0.0.4:11211 is down"), QStringLiteral("health"));
        auto *load = panel.plot(ui::PlotsPanel::Load);
        QCOMPARE(load->graphCount(), 4);
        QCOMPARE(load->graph(3)->data()->size(), 2);
        QCOMPARE(load->graph(3)->data()->at(0)->value, 40.0);
        QCOMPARE(panel.markerCount(), 1);
        QCOMPARE(load->itemCount(), 2); // the line and its label
        panel.setCurrentPlot(ui::PlotsPanel::Moved);
        saveIfAsked(panel, "plots-moved.png");
    }

    void whatIfAndWeightChangeTheRingOnly()
    {
        ui::MainWindow::Options options;
        options.servers = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        options.preset = QStringLiteral("libmemcached-ketama-weighted");
        options.keyCount = 3000;
        ui::MainWindow window(options);
        QAbstractItemModelTester tester(window.serverModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const std::uint64_t ownedBefore = window.ringView()->scene()->servers[1].keys;
        QCOMPARE(window.session().simulateFailure(1, true), QString());
        const auto *scene = window.ringView()->scene();
        QVERIFY(scene->servers[1].ejected);
        QCOMPARE(scene->servers[1].keys, std::uint64_t{0});
        QCOMPARE(scene->moved, ownedBefore); // exactly its keys moved, to their next owners
        QCOMPARE(window.serverModel()->index(1, ui::ServerTableModel::State).data().toString(), QStringLiteral("ejected"));
        QCOMPARE(window.session().simulateFailure(0, true), QString()); // a second failure is allowed…
        QVERIFY(!window.session().simulateFailure(2, true).isEmpty());  // …but not the last server standing
        QCOMPARE(window.session().simulateFailure(0, false), QString());
        QCOMPARE(window.session().simulateFailure(1, false), QString());
        QCOMPARE(window.ringView()->scene()->moved, ownedBefore); // they come back

        // A weight edit in the table is a topology change like any other.
        QVERIFY(window.serverModel()->setData(window.serverModel()->index(0, ui::ServerTableModel::Weight), 3));
        QTRY_COMPARE(window.session().servers()[0].weight, 3u);
        QCOMPARE(window.ringView()->scene()->servers[0].idealShare, 0.6);
        QVERIFY(window.ringView()->scene()->servers[0].movedIn > 0);
        QVERIFY(!window.serverModel()->setData(window.serverModel()->index(0, ui::ServerTableModel::Weight), 0));
        QVERIFY(!window.serverModel()->setData(window.serverModel()->index(0, ui::ServerTableModel::Keys), 5));
        // Nothing was contacted: offline, and no write switch to flip.
        QVERIFY(!window.session().writable());
    }

    // What-if on a watched cluster changes the picture only: a server added
    // there is never contacted, the opened one stays watched.
    void whatIfOnAWatchedClusterContactsNothingNew()
    {
        QString error;
        auto real = test::startMemcached(&error);
        QVERIFY2(real, qPrintable(error));
        test::FakeServer imaginary([](const std::string &) { return test::FakeServer::Action{}; });
        ui::MainWindow::Options options;
        options.servers = servers(("127.0.0.1:" + std::to_string(real->port())).c_str());
        options.preset = QStringLiteral("ketama");
        options.keyCount = 1000;
        options.watch = true;
        ui::MainWindow window(options);
        QVERIFY(!window.session().writable()); // opened read-only
        QTRY_COMPARE_WITH_TIMEOUT(window.serverModel()->index(0, ui::ServerTableModel::State).data().toString(),
                                  QStringLiteral("up"), 5000);
        auto next = window.session().servers();
        next.push_back({"127.0.0.1", imaginary.port(), 1, {}});
        QCOMPARE(window.session().setServers(next, QStringLiteral("what-if")), QString());
        QVERIFY(window.ringView()->scene()->moved > 0);
        // The time is the point: stats are polled every second, and for two rounds with the
        // what-if server in the list nothing may connect to it. The rates checked below need
        // polls after this wait, so a machine too loaded to poll fails the test, not passes it.
        QTest::qWait(2500);
        QCOMPARE(imaginary.connections(), 0);
        QCOMPARE(window.serverModel()->index(1, ui::ServerTableModel::State).data().toString(),
                 QStringLiteral("not watched"));
        QCOMPARE(window.serverModel()->index(0, ui::ServerTableModel::State).data().toString(), QStringLiteral("up"));
        QVERIFY(window.serverModel()->index(0, ui::ServerTableModel::GetsPerSecond).data().toString() != QStringLiteral("—"));
    }

    // A list typed while the demo runs is a what-if: its other servers are
    // never contacted; the traffic keeps writing to the demo's own servers only.
    void typedListDuringTheDemoWritesNothingElsewhere()
    {
        test::FakeServer elsewhere([](const std::string &) { return test::FakeServer::Action{}; });
        ui::MainWindow::Options options;
        options.demoServers = 2;
        options.keyCount = 1000;
        options.trafficRate = 300;
        ui::MainWindow window(options);
        QTRY_VERIFY_WITH_TIMEOUT(window.session().demoRunning(), 10000);
        QVERIFY(window.session().writable());
        auto next = window.session().servers();
        next.push_back({"127.0.0.1", elsewhere.port(), 1, {}});
        QCOMPARE(window.session().setServers(next, QStringLiteral("typed")), QString());
        // As above: two stats rounds (and 300 ops/s of traffic) with the typed server in the
        // list, and not one connection to it; the demo servers must be polled meanwhile.
        QTest::qWait(2500);
        QCOMPARE(elsewhere.connections(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.serverModel()->index(0, ui::ServerTableModel::GetsPerSecond).data().toString()
                                     != QStringLiteral("—"),
                                 5000);
        QCOMPARE(window.serverModel()->index(2, ui::ServerTableModel::State).data().toString(),
                 QStringLiteral("not watched"));
    }

    // twemproxy's hash_tag from a pool file is part of the placement.
    void hashTagFromAPoolIsApplied()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pool.yml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("web:\n  hash: fnv1a_64\n  distribution: ketama\n  hash_tag: \"{}\"\n  servers:\n"
                   "   - 10.0.0.1:11211:1\n   - 10.0.0.2:11211:1\n   - 10.0.0.3:11211:1\n");
        file.close();
        ui::ConnectDialog dialog;
        ui::ClusterRequest r;
        r.kind = ui::ClusterRequest::Kind::ConfigFile;
        r.spec = path;
        dialog.setRequest(r);
        QCOMPARE(dialog.check(), QString());
        QCOMPARE(dialog.request().hashTag, QStringLiteral("{}"));
        ui::MainWindow::Options options;
        options.keyCount = 10;
        ui::MainWindow window(options);
        auto request = dialog.request();
        window.session().openCluster(request);
        const auto *scene = window.ringView()->scene();
        QVERIFY(scene->hash.contains(QStringLiteral("hash_tag {}")));
        auto spec = core::loadClusterSpec("@" + path.toStdString());
        QVERIFY(spec);
        std::string error;
        auto d = core::buildPlacement(*spec.value, {}, error);
        QVERIFY(d);
        for (std::size_t i = 0; i < scene->keys.size(); ++i) {
            const std::string key = scene->keyName(i).toStdString();
            QCOMPARE(scene->keys[i].owner, static_cast<std::uint32_t>(d->owner(key)));
        }
        window.session().openCluster(ui::ClusterRequest{}); // back to a demo: stops watching the file's servers
    }

    void replicasOnDemand()
    {
        ui::MainWindow::Options options;
        options.servers = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211");
        options.preset = QStringLiteral("ketama");
        options.keyCount = 2000;
        ui::MainWindow window(options);
        window.resize(1400, 900);
        QCOMPARE(window.session().setReplication(test::replication(core::ReplicationMode::Ring, 2, core::ReadPolicy::Primary, core::OnFailure::Miss)),
                 QString());
        auto *view = window.ringView();
        view->setHighlightedServer(0);
        view->setShowReplicas(true);
        view->grab(); // paints: the layer is rebuilt with the halos
        // Expected: keys whose second copy (not their owner) is server 0.
        const auto d = make("ketama", window.session().servers());
        const auto keys = core::KeySet::synthetic(2000);
        std::size_t expected = 0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto keep = d->successors(keys[i], 2);
            expected += keep[0] != 0 && keep[1] == 0 ? 1u : 0u;
        }
        QVERIFY(expected > 200);
        QCOMPARE(view->replicaDotCount(), expected);
        view->setShowReplicas(false);
        view->grab();
        QCOMPARE(view->replicaDotCount(), std::size_t{0});
        // The key inspector names the key's two servers.
        for (auto *edit : window.findChildren<QLineEdit *>())
            if (edit->placeholderText().contains(QStringLiteral("Type a key")))
                edit->setText(QStringLiteral("user:42"));
        const auto labels = window.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](QLabel *l) { return l->text().contains(QStringLiteral("replicas (R=2)")); }));
    }

    void trafficWithReplicationSurvivesAKill()
    {
        ui::MainWindow::Options options;
        options.demoServers = 3;
        options.keyCount = 2000;
        options.trafficRate = 400;
        ui::MainWindow window(options);
        window.resize(1500, 950);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.session().demoRunning(), 10000);
        QVERIFY(window.session().writable()); // the demo cluster is ours
        QCOMPARE(window.session().setReplication(test::replication(core::ReplicationMode::Ring, 2, core::ReadPolicy::Primary, core::OnFailure::Miss)),
                 QString());
        std::vector<ui::TrafficSample> samples;
        connect(&window.session(), &ui::ClusterSession::trafficSampled, this,
                [&](const ui::TrafficSample &s) { samples.push_back(s); });
        // Warm: the hit ratio climbs as cache-aside fills the key space.
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 3, 8000);
        window.session().demoAction(ui::DemoCluster::Action::Kill, 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.serverModel()->index(1, ui::ServerTableModel::State).data().toString(),
                                  QStringLiteral("killed"), 5000);
        const std::size_t killedAt = samples.size();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= killedAt + 4, 8000);
        for (std::size_t i = killedAt; i < samples.size(); ++i) {
            QCOMPARE(samples[i].unavailablePerSecond, 0.0); // R=2: every key has another copy
            QVERIFY(samples[i].getsPerSecond > 100);
        }
        QVERIFY2(samples.back().hitRatio > 0.4, qPrintable(QString::number(samples.back().hitRatio)));
        QVERIFY(window.plots()->markerCount() >= 1); // the kill is marked on the time plots
        QVERIFY(window.plots()->plot(ui::PlotsPanel::Load)->graphCount() >= 3);
        saveIfAsked(window, "demo-replicated-kill.png");

        // Without replication and with auto-eject, a server that goes down
        // leaves the ring: its keys move to their next owners, animated.
        QCOMPARE(window.session().setReplication(test::replication(core::ReplicationMode::None, 1, core::ReadPolicy::Primary, core::OnFailure::Rehash)),
                 QString());
        QTRY_VERIFY_WITH_TIMEOUT(window.ringView()->scene()->servers[1].ejected, 5000);
        QCOMPARE(window.ringView()->scene()->servers[1].keys, std::uint64_t{0});
        QVERIFY(window.ringView()->scene()->moved > 0);
        QCOMPARE(window.serverModel()->index(1, ui::ServerTableModel::State).data().toString(), QStringLiteral("killed"));
        window.session().demoAction(ui::DemoCluster::Action::Restart, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!window.ringView()->scene()->servers[1].ejected, 8000);
    }

    // The sample keys are written with a window: queued all at once, writes
    // wait past their deadline and fail unsent (300,000 did, before).
    void manySampleKeysAreAllWritten()
    {
        ui::MainWindow::Options options;
        options.demoServers = 3;
        options.keyCount = 300000;
        options.trafficRate = 0;
        ui::MainWindow window(options);
        QSignalSpy seeded(&window.session().traffic(), &ui::TrafficRunner::seeded);
        QVERIFY(seeded.wait(90000));
        QCOMPARE(seeded.first().at(0).toULongLong(), 300000ull);
        QCOMPARE(seeded.first().at(1).toULongLong(), 0ull); // none failed
        qulonglong held = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                held = 0;
                for (int row = 0; row < 3; ++row)
                    held += window.serverModel()->index(row, ui::ServerTableModel::Held).data().toULongLong();
                return held == 300000;
            }(),
            5000);
    }

    void demoAddAndRemoveStartAndStopProcesses()
    {
        ui::MainWindow::Options options;
        options.demoServers = 2;
        options.keyCount = 1000;
        options.trafficRate = 0;
        ui::MainWindow window(options);
        QTRY_VERIFY_WITH_TIMEOUT(window.session().demoRunning(), 10000);
        QCOMPARE(window.session().addServer(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(window.session().servers().size(), std::size_t{3}, 8000);
        const quint16 port = window.session().servers()[2].port;
        QVERIFY(test::waitForPort(port, 2000)); // a real memcached answers there
        QVERIFY(window.ringView()->scene()->moved > 0);
        QCOMPARE(window.session().removeServer(2), QString());
        QTRY_COMPARE_WITH_TIMEOUT(window.session().servers().size(), std::size_t{2}, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(!test::waitForPort(port, 50), 5000); // stopped
    }

    // Prints the longest gap (the README's figure). It fails only on a gap
    // that means a blocking call on the GUI thread (waiting for a deadline or
    // a process), never on speed: sanitizer builds are many times slower.
    void eventLoopStaysResponsive()
    {
        ui::MainWindow::Options options;
        options.demoServers = 4;
        options.keyCount = 5000;
        options.trafficRate = 200;
        ui::MainWindow window(options);
        window.resize(1400, 900);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.session().demoRunning(), 10000);
        QTest::qWait(1500);
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, worst = 0;
        QTimer tick;
        tick.setInterval(2);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
        tick.start();
        QTest::qWait(1500);
        window.session().demoAction(ui::DemoCluster::Action::Kill, 2);
        QTest::qWait(3000);
        qInfo("longest gap between 2 ms ticks while polling 4 servers and killing one: %lld ms", worst);
        // Not the README's 12-15 ms (goal <= 16 ms): that figure is measured on
        // a quiet machine (this line prints it; bench_gui_stall at scale), and
        // a test sharing 2 cores with -j2 and sanitizers cannot hold it. What
        // this bound catches is a GUI thread that blocks on I/O or waits for a
        // server: the kill's connect and read deadlines (300 ms) and the
        // probes' backoff, which would stall it for a second or more.
        QVERIFY2(worst < 1000, qPrintable(QString::number(worst)));
    }

    void sigtermStopsTheDemoCluster()
    {
        test::Child gui;
        QString error;
        QVERIFY2(gui.start(QStringLiteral(RINGSCOPE_GUI), {QStringLiteral("--demo"), QStringLiteral("2")}, &error, {}, true),
                 qPrintable(error));
        std::vector<qint64> children;
        QTRY_VERIFY_WITH_TIMEOUT((children = memcachedChildren(gui.pid())).size() == 2, 15000);
        ::kill(static_cast<pid_t>(gui.pid()), SIGTERM);
        const auto code = gui.wait(15000);
        QVERIFY2(code.has_value(), "ringscope did not exit on SIGTERM");
        QCOMPARE(*code, 0);
        for (const qint64 pid : children)
            QVERIFY2(!alive(pid), qPrintable(QStringLiteral("memcached %1 outlived ringscope").arg(pid)));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
