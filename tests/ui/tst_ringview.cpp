// The desktop program on the offscreen platform: the ring view's geometry
// (a key's dot is where its hash says, a click on an arc picks that arc's
// server), the server model under QAbstractItemModelTester, scenes that draw
// as moved exactly the keys whose owner the real placement changes (added,
// ejected, back), the screen and an export painting the same pixels, and a
// topology change in the window that animates to its end.
#include "core/placement/keyset.h"
#include "core/placement/redistributionplanner.h"
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"
#include "ui/mainwindow.h"
#include "tests/ui/uitestsupport.h"
#include "ui/models/servertablemodel.h"
#include "ui/views/ringcanvas.h"
#include "ui/views/ringpainter.h"
#include "ui/views/ringview.h"
#include "ui/views/simplenumbersview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace ringscope;

namespace {

using test::make;
using test::saveIfAsked;
using test::servers;

// The owner's address of every key under `d`, a server in `ejected` (by
// index) skipped for the next server clockwise that is not: plain
// assignOwners and Distribution::successors, not the planner.
std::vector<std::string> ownersByPlacement(const core::Distribution &d, const core::KeySet &keys,
                                           const std::vector<bool> &ejected)
{
    const auto owners = core::assignOwners(d, keys, 1);
    std::vector<std::string> out;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        std::size_t owner = owners[k];
        if (owner < ejected.size() && ejected[owner])
            for (const std::size_t next : d.successors(keys[k], d.servers().size()))
                if (next >= ejected.size() || !ejected[next]) {
                    owner = next;
                    break;
                }
        out.push_back(d.servers()[owner].address());
    }
    return out;
}

std::uint64_t movedByPlacement(const core::Distribution &before, const core::Distribution &after,
                               const core::KeySet &keys)
{
    const auto a = ownersByPlacement(before, keys, {}), b = ownersByPlacement(after, keys, {});
    std::uint64_t moved = 0;
    for (std::size_t k = 0; k < keys.size(); ++k)
        moved += a[k] != b[k] ? 1u : 0u;
    return moved;
}

// Every key of `scene` is drawn with its owner after the change, and with
// the colour of its owner before exactly when the two differ.
bool movesMatchPlacement(const ui::RingScene &scene, const core::Distribution &before,
                         const std::vector<bool> &ejectedBefore, const core::Distribution &after,
                         const std::vector<bool> &ejectedAfter, const core::KeySet &keys,
                         const ui::RingScene *previous = nullptr)
{
    const auto was = ownersByPlacement(before, keys, ejectedBefore), now = ownersByPlacement(after, keys, ejectedAfter);
    std::uint64_t moved = 0;
    for (std::size_t j = 0; j < scene.keys.size(); ++j) {
        const auto &key = scene.keys[j];
        const std::size_t k = scene.inputIndex[j];
        if (after.servers()[key.owner].address() != now[k]) {
            qWarning("key %zu: drawn on %s, placed on %s", k, after.servers()[key.owner].address().c_str(), now[k].c_str());
            return false;
        }
        if ((key.movedFrom != 0) != (was[k] != now[k])) {
            qWarning("key %zu: %s -> %s, drawn %s", k, was[k].c_str(), now[k].c_str(), key.movedFrom ? "moved" : "still");
            return false;
        }
        if (key.movedFrom != 0) {
            ++moved;
            if (previous) { // the colour it had: its old owner's in the scene before
                const auto it = std::find_if(previous->servers.begin(), previous->servers.end(),
                                             [&](const ui::RingScene::Server &s) { return s.address == was[k]; });
                if (it == previous->servers.end() || it->color.rgb() != key.movedFrom)
                    return false;
            }
        }
    }
    return moved == scene.moved;
}

} // namespace

class TestRingView : public QObject {
    Q_OBJECT

private slots:
    void keyDotsSitAtTheirHash()
    {
        const auto list = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        const auto keys = core::KeySet::synthetic(3000, 2);
        auto scene = ui::RingScene::build(*make("ketama", list), keys, QStringLiteral("ketama"), QStringLiteral("md5"),
                                          nullptr);
        ui::RingView view;
        view.resize(800, 800);
        view.setScene(scene, false);
        for (std::size_t i = 0; i < scene->keys.size(); i += 97) {
            const QPointF p = view.keyPoint(i) - view.center();
            double angle = std::atan2(p.x(), -p.y());
            if (angle < 0)
                angle += 2 * std::numbers::pi;
            const double expected = 2 * std::numbers::pi * scene->keys[i].position / 4294967296.0;
            QVERIFY2(std::abs(angle - expected) < 1e-6, qPrintable(QString::number(i)));
            const int hit = view.keyAt(view.keyPoint(i));
            QVERIFY(hit >= 0);
            // Another key may share the spot; the one found is drawn there too.
            QVERIFY(QLineF(view.keyPoint(static_cast<std::size_t>(hit)), view.keyPoint(i)).length() < 6.0);
        }
        QCOMPARE(view.keyAt(view.center()), -1);
    }

    void hoverOnAKeyNamesIt()
    {
        const auto list = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        const auto keys = core::KeySet::synthetic(300, 4);
        auto scene = ui::RingScene::build(*make("ketama", list), keys, QStringLiteral("ketama"), QStringLiteral("md5"),
                                          nullptr);
        ui::RingView view;
        view.resize(800, 800);
        view.show();
        view.setScene(scene, false);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy hovered(&view, &ui::RingView::keyHovered);
        for (std::size_t i = 0; i < scene->keys.size(); i += 37) {
            const QPoint at = view.keyPoint(i).toPoint();
            QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
            QApplication::sendEvent(&view, &help);
            QVERIFY(!hovered.isEmpty());
            // The key under the pointer (or one drawn on the same spot).
            const int under = view.keyAt(QPointF(at));
            QCOMPARE(hovered.last().at(0).toString(), scene->keyName(static_cast<std::size_t>(under)));
        }
        // Between the ring and the keys: nothing.
        const int before = static_cast<int>(hovered.size());
        QHelpEvent empty(QEvent::ToolTip, view.center().toPoint(), view.mapToGlobal(view.center().toPoint()));
        QApplication::sendEvent(&view, &empty);
        QCOMPARE(static_cast<int>(hovered.size()), before);
    }

    void clickOnAnArcPicksItsServer()
    {
        const auto list = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        auto scene = ui::RingScene::build(*make("libmemcached-ketama-weighted", list), core::KeySet::synthetic(100, 3),
                                          QStringLiteral("x"), QStringLiteral("md5"), nullptr);
        ui::RingView view;
        view.resize(800, 800);
        view.show();
        view.setScene(scene, false);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy clicked(&view, &ui::RingView::serverClicked);
        // Just before a point, the arc belongs to that point's server.
        for (std::size_t i = 10; i < scene->points.size(); i += 101) {
            const auto &pt = scene->points[i];
            if (pt.position - scene->points[i - 1].position < 2'000'000)
                continue; // too narrow an arc to hit with a pixel
            const QPointF at = view.pointAt(pt.position - 1'000'000, view.ringRadius());
            QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
            QCOMPARE(clicked.last().at(0).toInt(), static_cast<int>(pt.server));
            QCOMPARE(view.highlightedServer(), static_cast<int>(pt.server));
            QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint()); // again: off
            QCOMPARE(view.highlightedServer(), -1);
        }
    }

    // One paint path: the screen (a cached still layer, the moving keys
    // stamped into a copy, the overlay over it) and RingPainter painting the
    // whole picture at once, as exportTo does, give the same pixels: in flight,
    // settled, and with a server picked and one down.
    void screenAndExportPaintTheSame()
    {
        const auto keys = std::make_shared<const core::KeySet>(core::KeySet::synthetic(3000, 3));
        auto first = ui::RingScene::build(*make("libmemcached-ketama-weighted", servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211")),
                                          keys, QStringLiteral("x"), QStringLiteral("md5"), nullptr);
        auto added = ui::RingScene::build(*make("libmemcached-ketama-weighted", servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211")),
                                          keys, QStringLiteral("x"), QStringLiteral("md5"), first.get());
        ui::RingView view;
        view.resize(700, 600);
        for (const int step : {0, 1, 2}) {
            view.setScene(added, step == 0); // 0: the moved keys outside the ring, on their way in
            ui::RingPainter::Look look;
            if (step == 2) {
                view.setHighlightedServer(3);
                view.setServersDown({false, true, false, false});
                look.highlight = 3;
                look.down = {false, true, false, false};
            }
            look.palette = view.palette();
            look.font = view.font();
            const QImage screen = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
            QImage whole(view.size(), QImage::Format_ARGB32_Premultiplied);
            {
                ui::RingCanvas canvas(whole);
                ui::RingPainter(added, view.geometry(), look).paint(canvas, step == 0 ? 0.0 : 1.0, true);
            }
            QCOMPARE(whole.convertToFormat(QImage::Format_RGB32), screen);
        }
    }

    void serverModelPassesTheTester()
    {
        ui::ServerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto list = servers("10.0.0.1:11211,10.0.0.2:11211:2");
        const auto keys = core::KeySet::synthetic(1000, 4);
        auto scene = ui::RingScene::build(*make("ketama", list), keys, QStringLiteral("ketama"), QStringLiteral("md5"),
                                          nullptr);
        model.setScene(scene, {1, 2});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1, ui::ServerTableModel::Weight)).toUInt(), 2u);
        QCOMPARE(model.data(model.index(0, ui::ServerTableModel::Points)).toUInt(), 160u);
        QCOMPARE(model.data(model.index(0, ui::ServerTableModel::Keys)).toULongLong()
                     + model.data(model.index(1, ui::ServerTableModel::Keys)).toULongLong(),
                 1000ull);
        model.setScene(nullptr, {});
        QCOMPARE(model.rowCount(), 0);
    }

    // The scene draws as moved exactly the keys whose owner the real
    // placement changes, with the old owner's colour: adding a server,
    // ejecting one (its keys to the next server clockwise that is up), and
    // bringing it back; for a ring and for a strategy without one.
    void sceneMovesAreThePlacementsMoves()
    {
        const auto keys = std::make_shared<const core::KeySet>(core::KeySet::synthetic(6000, 7));
        const auto three = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211 cache-c");
        const auto four = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211 cache-c,10.0.0.4:11211");
        for (const char *preset : {"libmemcached-ketama-weighted", "ketama", "modulo", "jump"}) {
            const auto before = make(preset, three), after = make(preset, four);
            const QString name = QString::fromLatin1(preset);
            auto first = ui::RingScene::build(*before, keys, name, QStringLiteral("h"), nullptr);
            auto added = ui::RingScene::build(*after, keys, name, QStringLiteral("h"), first.get());
            QVERIFY2(added->moved > 0, preset);
            QVERIFY2(movesMatchPlacement(*added, *before, {}, *after, {}, *keys, first.get()), preset);
            const std::vector<bool> secondDown{false, true, false, false};
            auto ejected = ui::RingScene::build(*after, keys, name, QStringLiteral("h"), added.get(), secondDown);
            QVERIFY2(ejected->servers[1].ejected && ejected->servers[1].keys == 0, preset);
            QCOMPARE(ejected->moved, added->servers[1].keys);
            QVERIFY2(movesMatchPlacement(*ejected, *after, {}, *after, secondDown, *keys, added.get()), preset);
            auto back = ui::RingScene::build(*after, keys, name, QStringLiteral("h"), ejected.get());
            QVERIFY2(movesMatchPlacement(*back, *after, secondDown, *after, {}, *keys, ejected.get()), preset);
            QCOMPARE(back->ownerByInput, added->ownerByInput);
            // Another hash label: the keys are placed afresh, the moves are the same.
            auto rehashed = ui::RingScene::build(*after, keys, name, QStringLiteral("other"), first.get());
            QVERIFY2(movesMatchPlacement(*rehashed, *before, {}, *after, {}, *keys, first.get()), preset);
        }
        // A key list that changes with the servers: the keys in both lists
        // are compared by name, the new ones are not moves.
        const auto before = make("ketama", three), after = make("ketama", four);
        auto first = ui::RingScene::build(*before, core::KeySet::synthetic(3000, 7), QStringLiteral("ketama"), {}, nullptr);
        auto more = ui::RingScene::build(*after, *keys, QStringLiteral("ketama"), {}, first.get());
        std::uint64_t moved = 0;
        const auto was = ownersByPlacement(*before, *keys, {}), now = ownersByPlacement(*after, *keys, {});
        for (std::size_t k = 0; k < 3000; ++k) // the first 3,000 of a synthetic set are the smaller set
            moved += was[k] != now[k] ? 1u : 0u;
        QCOMPARE(more->moved, moved);
    }

    void addingAServerMovesThePlannersKeysAndAnimates()
    {
        ui::MainWindow::Options options;
        options.servers = servers("127.0.0.1:11211,127.0.0.1:11212,127.0.0.1:11213");
        options.preset = QStringLiteral("libmemcached-ketama-weighted");
        options.keyCount = 20000;
        ui::MainWindow window(options);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        saveIfAsked(window, "ring-before.png");

        QSignalSpy finished(window.ringView(), &ui::RingView::animationFinished);
        QCOMPARE(window.session().addServer(), QString());
        QCOMPARE(window.session().servers().size(), std::size_t{4});
        const auto *scene = window.ringView()->scene();
        // The keys drawn as moved are those whose owner the real placement
        // changes: owners before and after, computed here from scratch.
        const auto keys = core::KeySet::synthetic(20000);
        const auto before = make("libmemcached-ketama-weighted", options.servers);
        const auto after = make("libmemcached-ketama-weighted", window.session().servers());
        const std::uint64_t moving = movedByPlacement(*before, *after, keys);
        QVERIFY(moving > 0);
        QCOMPARE(scene->moved, moving);
        QVERIFY(movesMatchPlacement(*scene, *before, {}, *after, {}, keys));
        QVERIFY(window.ringView()->animating());
        QTest::qWait(600); // only for the picture of the keys in flight (README); nothing is asserted on it
        saveIfAsked(window, "ring-moving.png");
        QVERIFY(finished.wait(5000));
        QVERIFY(!window.ringView()->animating());
        saveIfAsked(window, "ring-after.png");

        QVERIFY(window.session().removeServer(-1).contains(QStringLiteral("select a server")));
        QCOMPARE(window.session().removeServer(3), QString());
        QCOMPARE(window.ringView()->scene()->moved, moving);
        QVERIFY(!window.session().setServers({}, QStringLiteral("empty")).isEmpty());
        QVERIFY(!window.session().setPreset(QStringLiteral("nope"), {}).isEmpty());
        QCOMPARE(window.session().servers().size(), std::size_t{3}); // refused changes leave the cluster alone
    }

    void demoClusterFailsForReal()
    {
        ui::MainWindow::Options options;
        options.servers = servers("127.0.0.1:11211");
        options.demoServers = 3;
        options.keyCount = 3000;
        options.trafficRate = 0; // only the sample keys: the counts below are exact
        ui::MainWindow window(options);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session().demoRunning(), 10000);
        QCOMPARE(window.session().servers().size(), std::size_t{3});
        QCOMPARE(window.session().servers().front().host, std::string("127.0.0.1"));
        auto *model = window.findChild<QTableView *>(QStringLiteral("serverTable"))->model();
        auto cell = [&](int row, int column) { return model->index(row, column).data().toString(); };
        // Every sample key lands where the preset says: stats show them held.
        QTRY_VERIFY_WITH_TIMEOUT(cell(0, ui::ServerTableModel::Held) == cell(0, ui::ServerTableModel::Keys), 10000);
        QCOMPARE(cell(1, ui::ServerTableModel::State), QStringLiteral("up"));
        // The key inspector asks the servers which one holds a key: its owner.
        const std::string key(core::KeySet::synthetic(3000)[7]); // a copy: the set is a temporary
        const std::string owner = window.session().servers()[make("libmemcached-ketama-weighted", window.session().servers())->owner(key)].address();
        for (auto *edit : window.findChildren<QLineEdit *>())
            if (edit->placeholderText().contains(QStringLiteral("Type a key")))
                edit->setText(QString::fromStdString(key));
        auto heldShown = [&] {
            const auto labels = window.findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(), [&](QLabel *l) {
                return l->text().contains(QStringLiteral("Held right now")) && l->text().contains(QString::fromStdString(owner));
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(heldShown(), 5000);
        window.session().demoAction(ui::DemoCluster::Action::Kill, 1);
        QTRY_COMPARE_WITH_TIMEOUT(cell(1, ui::ServerTableModel::State), QStringLiteral("killed"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QListWidget *>()->item(0)->text().contains(QStringLiteral("down")),
                                 8000);
        saveIfAsked(window, "demo-killed.png");
        window.session().demoAction(ui::DemoCluster::Action::Restart, 1);
        QTRY_COMPARE_WITH_TIMEOUT(cell(1, ui::ServerTableModel::State), QStringLiteral("up"), 8000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(1, ui::ServerTableModel::Held), QStringLiteral("0"), 5000); // restarted empty
    }

    void everyPresetDraws()
    {
        const auto list = servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        const auto keys = core::KeySet::synthetic(2000, 5);
        ui::RingView view;
        view.resize(600, 600);
        for (const auto &p : core::allPresets()) {
            const auto d = make(std::string(p.name).c_str(), list);
            auto scene = ui::RingScene::build(*d, keys, QString::fromLatin1(p.name.data()), QString(), nullptr);
            // The scene holds each key's owner as the preset computes it (twemproxy-random:
            // a random server, so only that it is one) and counts them per server.
            QCOMPARE(scene->ownerByInput.size(), keys.size());
            std::vector<std::uint64_t> owned(list.size());
            for (std::size_t i = 0; i < keys.size(); ++i) {
                const std::uint32_t owner = scene->ownerByInput[i];
                QVERIFY(owner < list.size());
                if (d->deterministic())
                    QCOMPARE(std::size_t(owner), d->owner(keys[i]));
                ++owned[owner];
            }
            for (std::size_t s = 0; s < list.size(); ++s)
                QCOMPARE(scene->servers[s].keys, owned[s]);
            view.setScene(scene, false);
            const QImage frame = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
            QVERIFY(!frame.isNull());
            // Every server that owns keys is drawn in its colour somewhere in the frame.
            for (std::size_t s = 0; s < list.size(); ++s) {
                if (owned[s] == 0)
                    continue;
                const QRgb colour = scene->servers[s].color.rgb();
                bool seen = false;
                for (int y = 0; y < frame.height() && !seen; ++y) {
                    const auto *line = reinterpret_cast<const QRgb *>(frame.constScanLine(y));
                    for (int x = 0; x < frame.width() && !seen; ++x)
                        seen = (line[x] & 0xffffff) == (colour & 0xffffff);
                }
                QVERIFY2(seen, qPrintable(QStringLiteral("%1: no pixel in the colour of server %2").arg(QString::fromLatin1(p.name.data())).arg(s)));
            }
        }
    }

    // The textbook circle: however close the keys' hashes, no two labels
    // overlap; with room, every key is labelled; squeezed, some labels give
    // way (the table under the circle lists every key).
    void simpleNumbersLabelsNeverOverlap()
    {
        ui::SimpleNumbersView view;
        const std::vector<QColor> colours{Qt::red, Qt::blue, Qt::darkGreen, Qt::magenta};
        for (const char *preset : {"libmemcached-ketama-weighted", "ketama", "modulo"}) {
            for (const char *list : {"10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211", "127.0.0.1:1,127.0.0.1:2"}) {
                const auto d = make(preset, servers(list));
                for (const int keys : {6, 12}) {
                    view.setDistribution(*d, colours, keys);
                    for (const QSize size : {QSize(600, 900), QSize(280, 420), QSize(260, 380)}) {
                        view.resize(size);
                        QVERIFY(!view.grab().isNull());
                        const auto &labels = view.labelRects();
                        for (std::size_t i = 0; i < labels.size(); ++i)
                            for (std::size_t j = i + 1; j < labels.size(); ++j)
                                QVERIFY2(!labels[i].intersects(labels[j]),
                                         qPrintable(QStringLiteral("%1, %2 keys, %3x%4: labels %5 and %6 overlap")
                                                        .arg(QLatin1String(preset)).arg(keys).arg(size.width())
                                                        .arg(size.height()).arg(i).arg(j)));
                        if (view.hasRing() && size.width() == 600 && keys == 6)
                            QCOMPARE(labels.size(), std::size_t{6});
                    }
                }
            }
        }
    }
};

QTEST_MAIN(TestRingView)
#include "tst_ringview.moc"
