// The cluster session under the window, on a real demo cluster: a plot point
// is one stats poll (not one call of whatever touched the live state), a demo
// "add server" is one change of what is watched, and the window reads its
// state from the session rather than from its widgets.
// qcustomplot.h uses foreach: it must come before any other Qt header.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/bridge/clusterwatch.h"
#include "ui/mainwindow.h"
#include "ui/panels/keyinspector.h"
#include "ui/panels/lessonpanel.h"
#include "ui/panels/plotspanel.h"
#include "tests/ui/uitestsupport.h"
#include "tests/common/processes.h"
#include "tests/common/testkeys.h"
#include "ui/models/ringscene.h"
#include "core/distribution/failover.h"
#include "core/placement/clusterplacement.h"
#include "core/placement/keyset.h"

#include <QComboBox>
#include <QMap>
#include <QLineEdit>
#include <QTableWidget>
#include <QLabel>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <map>

using namespace ringscope;

class TestClusterSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // With traffic on (a sample a second, each updating the live state) and
    // the toolbars changed between polls, the Load and Latency plots still get
    // exactly one point per stats poll per server: what the poll said.
    void aPlotPointIsOneStatsPoll()
    {
        ui::MainWindow::Options options;
        options.demoServers = 3;
        options.keyCount = 2000;
        options.trafficRate = 300;
        ui::MainWindow window(options);
        ui::ClusterSession &session = window.session();
        QTRY_VERIFY_WITH_TIMEOUT(session.demoRunning() && session.trafficRunning(), 15000);
        // Counted from the first poll after the series were cleared by a new scene.
        std::map<QString, int> loadPoints, latencyPoints;
        int polls = 0, samples = 0;
        bool counting = false;
        connect(&session.watcher(), &ui::ClusterWatch::statsPolled, this, [&](const std::vector<ui::StatsPoll> &round) {
            if (!counting)
                return;
            ++polls;
            for (const auto &p : round) {
                const QString label = QString::fromStdString(session.servers()[p.server].label());
                loadPoints[label] += p.ok && p.getsPerSecond >= 0 ? 1 : 0;
                latencyPoints[label] += p.ok ? 1 : 0;
            }
        });
        connect(&session, &ui::ClusterSession::trafficSampled, this, [&] { samples += counting ? 1 : 0; });
        QTest::qWait(1500); // the stats' first round has no rates yet
        auto *plots = window.plots();
        const auto pointsOf = [plots](ui::PlotsPanel::Plot which) {
            std::map<QString, int> n;
            QCustomPlot *plot = plots->plot(which);
            for (int g = 0; g < plot->graphCount(); ++g)
                n[plot->graph(g)->name()] = plot->graph(g)->data()->size();
            return n;
        };
        const auto loadBefore = pointsOf(ui::PlotsPanel::Load), latencyBefore = pointsOf(ui::PlotsPanel::Latency);
        counting = true;
        // The toolbars change between polls: each used to add a point stamped
        // "now". (A replication change restarts the traffic, whose next
        // sample comes a second later: changes 1.1 s apart let samples through.)
        auto *replication = window.findChild<QComboBox *>(QStringLiteral("replicationBox"));
        auto *rate = window.findChild<QSpinBox *>(QStringLiteral("trafficRate"));
        QVERIFY(replication && rate);
        QElapsedTimer clock;
        clock.start();
        int changes = 0;
        while (clock.elapsed() < 5500) {
            if (changes % 2 == 0) {
                replication->setCurrentIndex((replication->currentIndex() + 1) % 2); // none ↔ master-slave
            } else {
                rate->setValue(rate->value() == 300 ? 350 : 300);
                Q_EMIT rate->editingFinished();
            }
            ++changes;
            QTest::qWait(1100);
        }
        counting = false;
        QVERIFY2(polls >= 4, qPrintable(QString::number(polls)));
        QVERIFY2(samples >= 2, qPrintable(QString::number(samples)));
        QVERIFY(changes >= 4);
        const auto loadAfter = pointsOf(ui::PlotsPanel::Load), latencyAfter = pointsOf(ui::PlotsPanel::Latency);
        for (const auto &s : session.servers()) {
            const QString label = QString::fromStdString(s.label());
            const int load = loadAfter.count(label) ? loadAfter.at(label) - (loadBefore.count(label) ? loadBefore.at(label) : 0) : 0;
            const int latency = latencyAfter.count(label)
                ? latencyAfter.at(label) - (latencyBefore.count(label) ? latencyBefore.at(label) : 0)
                : 0;
            QCOMPARE(load, loadPoints[label]);
            QCOMPARE(latency, latencyPoints[label]);
            QVERIFY2(latency >= polls - 1, qPrintable(QStringLiteral("%1: %2 of %3").arg(label).arg(latency).arg(polls)));
        }
    }

    // The demo's new server is applied once: one new picture, one new watched
    // list (the old window watched, then re-watched on its own echo).
    void aDemoAddIsOneWatchChange()
    {
        ui::MainWindow::Options options;
        options.demoServers = 2;
        options.keyCount = 1000;
        options.trafficRate = 200;
        ui::MainWindow window(options);
        ui::ClusterSession &session = window.session();
        QTRY_VERIFY_WITH_TIMEOUT(session.demoRunning() && session.trafficRunning(), 15000);
        QSignalSpy watched(&session.watcher(), &ui::ClusterWatch::watchChanged);
        QSignalSpy scenes(&session, &ui::ClusterSession::sceneChanged);
        QCOMPARE(session.addServer(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(session.servers().size(), std::size_t{3}, 10000);
        QTest::qWait(1500); // anything that follows would come now
        QCOMPARE(watched.count(), 1);
        QCOMPARE(scenes.count(), 1);
        QCOMPARE(session.watcher().servers().size(), std::size_t{3});
        for (std::size_t i = 0; i < 3; ++i)
            QCOMPARE(session.watcher().servers()[i].address(), session.servers()[i].address());
        QVERIFY(session.scene()->moved > 0);
        QVERIFY(session.writable()); // every watched server is one RingScope started
        // The new server is polled like the others, and the traffic goes on over the three.
        QTRY_VERIFY_WITH_TIMEOUT(session.live().size() == 3 && session.live()[2].polled, 5000);
        QVERIFY(session.trafficRunning());
        QSignalSpy samples(&session, &ui::ClusterSession::trafficSampled);
        QVERIFY(samples.wait(3000));
        QTRY_VERIFY_WITH_TIMEOUT(session.live()[2].requestsPerSecond > 0, 5000);
    }

    // A planned remove is not a failure: the server leaves the picture and
    // the watch before its process is stopped, so no "suspect" is logged.
    void aPlannedRemoveIsNoFailure()
    {
        ui::MainWindow::Options options;
        options.demoServers = 3;
        options.keyCount = 1000;
        options.trafficRate = 200;
        ui::MainWindow window(options);
        ui::ClusterSession &session = window.session();
        QTRY_VERIFY_WITH_TIMEOUT(session.demoRunning() && session.trafficRunning(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(session.live().size() == 3 && session.live()[2].polled, 5000);
        QStringList events;
        connect(&session, &ui::ClusterSession::event, this, [&](ui::EventKind kind, const QString &text) {
            if (kind == ui::EventKind::Health || kind == ui::EventKind::Replication)
                events << text;
        });
        const quint16 port = session.servers()[2].port;
        QCOMPARE(session.removeServer(2), QString());
        QCOMPARE(session.servers().size(), std::size_t{2}); // at once
        QTRY_VERIFY_WITH_TIMEOUT(!test::waitForPort(port, 50), 5000); // and the process stopped
        QTest::qWait(2000); // a failure would be told now
        QVERIFY2(events.isEmpty(), qPrintable(events.join(QLatin1Char('\n'))));
        QVERIFY(session.trafficRunning());
    }

    // A server RingScope restarts itself is probed at once: up in well under
    // the backoff its probes reached while it was down.
    void aRestartedServerIsUpAtOnce()
    {
        ui::MainWindow::Options options;
        options.demoServers = 2;
        options.keyCount = 500;
        options.trafficRate = 0;
        ui::MainWindow window(options);
        ui::ClusterSession &session = window.session();
        QTRY_VERIFY_WITH_TIMEOUT(session.demoRunning() && session.live().size() == 2 && session.live()[1].polled, 15000);
        session.demoAction(ui::DemoCluster::Action::Kill, 1);
        QTRY_VERIFY_WITH_TIMEOUT(session.live()[1].health == core::ServerState::Down, 10000);
        QTest::qWait(7000); // probes at 1, 2, 4 s: the next one would be 8 s away
        QElapsedTimer clock;
        clock.start();
        session.demoAction(ui::DemoCluster::Action::Restart, 1);
        QTRY_VERIFY_WITH_TIMEOUT(session.live()[1].health == core::ServerState::Up && !session.live()[1].stopped, 2000);
        qInfo("restarted server up after %lld ms", static_cast<long long>(clock.elapsed()));
    }

    // A watched cluster (not ours, read-only) is audited on open and then
    // every few seconds: keys written by the real python-memcached are all in
    // place under its preset, and mostly misplaced under libmemcached's.
    void aWatchedClusterIsAuditedOnOpen()
    {
        std::vector<std::unique_ptr<test::ServerProcess>> real;
        QStringList spec;
        for (int i = 0; i < 3; ++i) {
            QString error;
            auto s = test::startMemcached(&error);
            QVERIFY2(s, qPrintable(error));
            spec << QStringLiteral("127.0.0.1:%1").arg(s->port());
            real.push_back(std::move(s));
        }
        std::vector<std::string> keys;
        for (int i = 0; i < 3000; ++i)
            keys.push_back("audit:user:" + std::to_string(i));
        const auto w = test::runProgram(QStringLiteral("/usr/bin/python3"),
                                        {QStringLiteral(RINGSCOPE_SOURCE_DIR "/tests/compat/write_python.py"),
                                         spec.join(QLatin1Char(','))},
                                        QByteArray::fromStdString(test::joinLines(keys)));
        QVERIFY2(w.finished && w.exitCode == 0, w.err.constData());

        ui::MainWindow::Options options;
        options.servers = test::servers(spec.join(QLatin1Char(',')).toLatin1().constData());
        options.preset = QStringLiteral("python-memcached");
        options.keyCount = 500;
        options.watch = true;
        ui::MainWindow window(options);
        ui::ClusterSession &session = window.session();
        QVERIFY(!session.writable());
        QSignalSpy audits(&session, &ui::ClusterSession::audited);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(audits.wait(5000));
        qInfo("first audit %lld ms after opening", static_cast<long long>(clock.elapsed()));
        QCOMPARE(audits.last().at(0).toULongLong(), 3000ull);
        QCOMPARE(audits.last().at(1).toULongLong(), 0ull);
        QVERIFY2(session.auditSummary().startsWith(QStringLiteral("0 of 3,000 keys misplaced")), qPrintable(session.auditSummary()));
        // Under another client's placement most keys are elsewhere; the audit follows the preset.
        QCOMPARE(session.setPreset(QStringLiteral("libmemcached-ketama-weighted"), {}), QString());
        QTRY_VERIFY_WITH_TIMEOUT(audits.size() >= 2 && audits.last().at(1).toULongLong() > 1000, 5000);
        qulonglong misplaced = 0;
        for (const auto &l : session.live())
            misplaced += static_cast<qulonglong>(std::max<qint64>(0, l.misplaced));
        QCOMPARE(misplaced, audits.last().at(1).toULongLong());
        // And again by itself, a few seconds on.
        const auto before = audits.size();
        QVERIFY(audits.wait(8000));
        QVERIFY(audits.size() > before);
        QVERIFY(window.findChild<QLabel *>() != nullptr);
    }

    // A server that fails goes where the preset's real client sends its keys
    // (core::FailoverPlacement, checked against the real clients in
    // tst_failover), not by one rule for all: python-memcached rehashes,
    // libmemcached's modula fails them (nothing moves, nothing is ejected).
    void aFailedServerFollowsTheRealClient_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("rule");
        QTest::newRow("python-memcached") << QStringLiteral("python-memcached") << static_cast<int>(core::Failover::Rehash);
        QTest::newRow("spymemcached") << QStringLiteral("spymemcached-ketama") << static_cast<int>(core::Failover::Redistribute);
        QTest::newRow("pymemcache") << QStringLiteral("pymemcache") << static_cast<int>(core::Failover::Eject);
        QTest::newRow("libmemcached what-if ejects") << QStringLiteral("libmemcached-ketama-weighted")
                                                     << static_cast<int>(core::Failover::Eject);
        QTest::newRow("libmemcached modula") << QStringLiteral("libmemcached-modula") << static_cast<int>(core::Failover::Fail);
    }

    void aFailedServerFollowsTheRealClient()
    {
        QFETCH(QString, preset);
        QFETCH(int, rule);
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211:2,10.0.0.3:11211,10.0.0.4:11211");
        options.preset = preset;
        options.keyCount = 4000;
        ui::MainWindow window(options);
        ui::ClusterSession &session = window.session();
        const auto before = session.scene();
        QCOMPARE(session.simulateFailure(1, true), QString());
        QCOMPARE(static_cast<int>(session.failoverRule()), rule);
        const auto after = session.scene();
        // Where the real client sends each key with server 1 down.
        std::string error;
        const auto build = [&](core::ServerList list) {
            std::string e;
            return core::buildPlacement(session.placement().over(std::move(list)), e);
        };
        const auto real = core::FailoverPlacement::make(session.servers(), {1}, static_cast<core::Failover>(rule), build,
                                                        error, preset.toStdString());
        QVERIFY2(real, error.c_str());
        const core::KeySet &keys = *session.keys();
        std::size_t moved = 0, stayed = 0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto to = real->owner(keys[i]);
            const std::uint32_t expected = to ? static_cast<std::uint32_t>(*to) : before->ownerByInput[i];
            QCOMPARE(after->ownerByInput[i], expected);
            moved += expected != before->ownerByInput[i] ? 1u : 0u;
            stayed += before->ownerByInput[i] == 1 && expected == 1 ? 1u : 0u;
        }
        QCOMPARE(after->moved, static_cast<std::uint64_t>(moved));
        if (rule == static_cast<int>(core::Failover::Fail)) {
            QCOMPARE(moved, std::size_t{0});
            QVERIFY(stayed > 0);
            QVERIFY(!after->servers[1].ejected);
        } else {
            // A few keys may stay: spymemcached's 7 tries, or python-memcached's
            // 10, can all land on the dead server; the client then fails them.
            QVERIFY(moved > 0);
            QVERIFY2(stayed * 50 < before->servers[1].keys, qPrintable(QString::number(stayed)));
            QVERIFY(after->servers[1].ejected);
            QCOMPARE(after->servers[1].keys, static_cast<std::uint64_t>(stayed));
        }
        QVERIFY(!session.failoverSummary().isEmpty());
    }

    // The key inspector says, for every preset, where its real client sends
    // the key with the picked server (or the key's owner) down.
    void theInspectorShowsTheOwnerWithAServerDown()
    {
        const auto list = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        ui::KeyInspector inspector;
        inspector.setCluster(list, QStringLiteral("python-memcached"), {});
        inspector.inspect(QStringLiteral("user:42"));
        auto *table = inspector.findChild<QTableWidget *>();
        QVERIFY(table);
        const auto rowOf = [table](const QString &preset) {
            for (int r = 0; r < table->rowCount(); ++r)
                if (table->item(r, 0)->text() == preset)
                    return r;
            return -1;
        };
        const auto expect = [&](const char *preset, std::size_t down) {
            std::string error;
            const auto build = [preset](core::ServerList l) { return test::make(preset, l); };
            const auto f = core::FailoverPlacement::make(list, {down}, core::failoverOf(preset).rule, build, error, preset);
            const auto to = f->owner("user:42");
            return to ? QString::fromStdString(list[*to].address()) : QStringLiteral("fails");
        };
        const auto owner = test::make("python-memcached", list)->owner("user:42");
        const int py = rowOf(QStringLiteral("python-memcached")), lm = rowOf(QStringLiteral("libmemcached-ketama-weighted"));
        QVERIFY(py >= 0 && lm >= 0);
        QCOMPARE(table->item(py, 3)->text(), expect("python-memcached", owner));
        QVERIFY(table->item(py, 3)->text() != QString::fromStdString(list[owner].address()));
        QCOMPARE(table->item(lm, 3)->text(), QStringLiteral("fails")); // libmemcached's default
        inspector.setPickedServer(static_cast<int>((owner + 1) % 3)); // another server down: the key stays
        QCOMPARE(table->item(py, 3)->text(), QString::fromStdString(list[owner].address()));
        QVERIFY(table->horizontalHeaderItem(3)->text().contains(QString::fromStdString(list[(owner + 1) % 3].address())));
    }

    // Each cluster gets its own plot series: opening another one (or a
    // replay) starts the time plots empty.
    void oneSetOfPlotSeriesPerCluster()
    {
        QString error;
        auto first = test::startMemcached(&error);
        QVERIFY2(first, qPrintable(error));
        auto second = test::startMemcached(&error);
        QVERIFY2(second, qPrintable(error));
        ui::MainWindow::Options options;
        options.servers = test::servers(QStringLiteral("127.0.0.1:%1").arg(first->port()).toLatin1().constData());
        options.preset = QStringLiteral("ketama");
        options.keyCount = 200;
        options.watch = true;
        ui::MainWindow window(options);
        QCustomPlot *latency = window.plots()->plot(ui::PlotsPanel::Latency);
        // The per-server series (the plot also has our traffic's p50 and p99).
        const auto servers = [latency] {
            QMap<QString, int> points;
            for (int g = 0; g < latency->graphCount(); ++g)
                if (latency->graph(g)->name().startsWith(QLatin1String("127.0.0.1:")))
                    points[latency->graph(g)->name()] = latency->graph(g)->data()->size();
            return points;
        };
        const QString firstAddress = QStringLiteral("127.0.0.1:%1").arg(first->port());
        QTRY_VERIFY_WITH_TIMEOUT(servers().value(firstAddress) >= 2, 5000);
        window.plots()->addMarker(QStringLiteral("a marker of the first cluster"), QStringLiteral("health"));
        ui::ClusterRequest r;
        r.kind = ui::ClusterRequest::Kind::Servers;
        r.spec = QStringLiteral("127.0.0.1:%1").arg(second->port());
        r.servers = test::servers(r.spec.toLatin1().constData());
        window.session().openCluster(r);
        QCOMPARE(window.plots()->markerCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(servers().value(r.spec) >= 1, 5000);
        QCOMPARE(servers().keys(), QStringList{r.spec}); // the first cluster's series is gone
    }

    // A key under the mouse shows in the inspector, but not over one the user typed.
    void hoveringDoesNotReplaceATypedKey()
    {
        ui::KeyInspector inspector;
        inspector.setCluster(test::servers("10.0.0.1:11211,10.0.0.2:11211"), QStringLiteral("ketama"), {});
        auto *edit = inspector.findChild<QLineEdit *>();
        QVERIFY(edit);
        inspector.inspectHovered(QStringLiteral("hovered:1"));
        QCOMPARE(edit->text(), QStringLiteral("hovered:1"));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("typed:42"));
        inspector.inspectHovered(QStringLiteral("hovered:2"));
        QCOMPARE(edit->text(), QStringLiteral("typed:42"));
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace); // cleared by the user: hovering shows again
        inspector.inspectHovered(QStringLiteral("hovered:3"));
        QCOMPARE(edit->text(), QStringLiteral("hovered:3"));
    }

    // In presentation mode (menus and toolbars hidden) the shortcuts still
    // act, and a presenter's clicker (PageDown / Right) moves the lesson on.
    void shortcutsActInPresentationMode()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        options.preset = QStringLiteral("ketama");
        options.keyCount = 1000;
        ui::MainWindow window(options);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setPresentation(true);
        QVERIFY(window.presentation());
        QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier); // add server (what-if here)
        QCOMPARE(window.session().servers().size(), std::size_t{4});
        window.session().setSelectedServer(1);
        QTest::keyClick(&window, Qt::Key_F); // what-if fail, a menu action
        QVERIFY(window.session().simulatedFailure(1));
        window.setPresentation(false);
        // Help ▸ Keyboard shortcuts lists them, from the actions themselves.
        const auto keys = window.shortcuts();
        const auto has = [&keys](const QString &key, const QString &text) {
            return std::any_of(keys.begin(), keys.end(), [&](const auto &k) { return k.first == key && k.second.contains(text); });
        };
        QVERIFY(has(QStringLiteral("K"), QStringLiteral("Kill")));
        QVERIFY(has(QStringLiteral("F"), QStringLiteral("What-if")));
        QVERIFY(has(QStringLiteral("A"), QStringLiteral("Audit now")));
        QVERIFY(has(QStringLiteral("F11"), QStringLiteral("Presentation")));
    }

    void aClickerMovesTheLessonOn()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        options.keyCount = 1000;
        ui::MainWindow window(options);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::LessonPanel *panel = window.lessons();
        // The first lesson whose first step needs no cluster: lesson 1 (placement on the ring).
        window.openLesson(0);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->running(), 60000);
        QCOMPARE(panel->currentStep(), 0);
        QTest::keyClick(&window, Qt::Key_PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(panel->currentStep() == 1, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->running(), 60000);
        QTest::keyClick(&window, Qt::Key_Left);
        QTRY_VERIFY_WITH_TIMEOUT(panel->currentStep() == 0, 2000);
    }

    // The toolbars show the session's state and write through to it: a
    // change made by the session (a lesson, a replay) is what the boxes show.
    void toolbarsFollowTheSession()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        options.preset = QStringLiteral("ketama");
        options.keyCount = 1000;
        ui::MainWindow window(options);
        ui::ClusterSession &session = window.session();
        auto *preset = window.findChild<QComboBox *>(QStringLiteral("presetBox"));
        auto *replication = window.findChild<QComboBox *>(QStringLiteral("replicationBox"));
        QVERIFY(preset && replication);
        QCOMPARE(preset->currentText(), QStringLiteral("ketama"));
        QCOMPARE(session.setPreset(QStringLiteral("jump"), QStringLiteral("fnv1a_64")), QString());
        QCOMPARE(preset->currentText(), QStringLiteral("jump"));
        QCOMPARE(session.scene()->preset, QStringLiteral("jump"));
        QCOMPARE(session.setReplication(test::replication(core::ReplicationMode::Ring, 3, core::ReadPolicy::Primary,
                                                          core::OnFailure::Miss)),
                 QString());
        QCOMPARE(replication->currentData().toInt(), static_cast<int>(core::ReplicationMode::Ring));
        preset->setCurrentText(QStringLiteral("modulo")); // the user picks one
        QCOMPARE(session.preset(), QStringLiteral("modulo"));
        QCOMPARE(session.hash(), QString()); // a new preset starts from its own hash
        // A refused change leaves the session, and so the box, as it was.
        QVERIFY(!session.setPreset(QStringLiteral("no-such-preset"), {}).isEmpty());
        QCOMPARE(session.preset(), QStringLiteral("modulo"));
        QCOMPARE(preset->currentText(), QStringLiteral("modulo"));
    }
};

QTEST_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
