// The classroom side of the program on the offscreen platform: the measured
// comparison of methods equal to `ringscope-cli compare` on the same keys.
// qcustomplot.h uses foreach: it must come before any other Qt header.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/mainwindow.h"
#include "ui/bridge/trafficrunner.h"
#include "ui/session/sessionplayer.h"
#include "ui/session/sessionrecorder.h"
#include "ui/panels/comparisonpanel.h"
#include "ui/panels/plotspanel.h"
#include "ui/models/ringscene.h"
#include "ui/util/tableexport.h"
#include "ui/views/ringview.h"
#include "tests/ui/uitestsupport.h"

#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStandardItemModel>
#include <QSvgRenderer>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace ringscope;

namespace {

// Runs the panel's command line with --json and compares every measured
// number (all but the lookup time) with the panel's own.
bool sameAsTheCli(const ui::ComparisonPanel &panel, int keys)
{
    const auto &results = panel.results();
    QProcess cli;
    cli.start(QStringLiteral(RINGSCOPE_CLI), panel.commandLine() << QStringLiteral("--json"));
    if (!cli.waitForFinished(60000) || cli.exitCode() != 0) {
        qWarning("ringscope-cli: %s", cli.readAllStandardError().constData());
        return false;
    }
    const auto json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    const auto methods = json[QStringLiteral("methods")].toArray();
    bool same = json[QStringLiteral("keys")].toInt() == keys && methods.size() == static_cast<qsizetype>(results.size());
    for (int i = 0; same && i < methods.size(); ++i) {
        const auto m = methods[i].toObject();
        const auto &g = results[static_cast<std::size_t>(i)];
        same = m[QStringLiteral("method")].toString() == QString::fromStdString(g.label)
            && m[QStringLiteral("moved_on_add")].toDouble() == *g.movedOnAdd
            && m[QStringLiteral("moved_on_remove")].toDouble() == *g.movedOnRemove
            && m[QStringLiteral("max_over_mean")].toDouble() == g.maxOverMean
            && m[QStringLiteral("relative_stddev")].toDouble() == g.relativeStddev
            && m[QStringLiteral("reads_unavailable_one_down")].toDouble() == g.readsUnavailable
            && m[QStringLiteral("writes_refused_one_down")].toDouble() == g.writesRefused
            && m[QStringLiteral("down_server")].toString() == QString::fromStdString(g.downServer);
        const auto copies = m[QStringLiteral("copies_per_server")].toArray();
        same = same && copies.size() == static_cast<qsizetype>(g.keysPerServer.size());
        for (int s = 0; same && s < copies.size(); ++s)
            same = static_cast<std::uint64_t>(copies[s].toDouble()) == g.keysPerServer[static_cast<std::size_t>(s)];
        if (!same)
            qWarning("differs from the CLI: %s", qPrintable(QString::fromStdString(g.label)));
    }
    return same;
}

} // namespace

class TestTeaching : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    // A consistency test, not evidence about the real software: the panel and
    // `ringscope-cli compare` both call compareMethods(), so this shows that
    // the window passes it the same servers, keys, hash and options as the
    // command line it prints. The figures themselves are checked in
    // tst_planner (against the planner) and the presets in the compat tests.
    void comparisonEqualsTheCli()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211 cache-c,10.0.0.4:11211:2");
        options.keyCount = 20000;
        ui::MainWindow window(options);
        window.resize(1500, 950);
        window.show();
        window.showCentralPage(1);
        ui::ComparisonPanel *panel = window.comparison();
        QSignalSpy done(panel, &ui::ComparisonPanel::finished);
        panel->run();
        QVERIFY(done.wait(20000));
        QVERIFY2(panel->error().isEmpty(), qPrintable(panel->error()));
        const auto &results = panel->results();
        QCOMPARE(results.size(), std::size_t{15}); // 12 presets, master-slave, ring, multi-master
        QCOMPARE(panel->table()->rowCount(), 15);
        QVERIFY(panel->chart()->plottableCount() >= 1);

        QVERIFY(sameAsTheCli(*panel, 20000));
        // The table shows them: modulo moves about 4/5 on adding a fifth server.
        QCOMPARE(panel->table()->item(0, 0)->text(), QStringLiteral("modulo"));
        QVERIFY(*results[0].movedOnAdd > 0.7);
        QVERIFY(*results[1].movedOnAdd < 0.3);
        test::saveIfAsked(window, "comparison.png");

        // A topology change measures again while the panel is visible.
        QCOMPARE(window.session().removeServer(0), QString());
        QVERIFY(done.wait(20000));
        QCOMPARE(panel->commandLine()[2], QStringLiteral("10.0.0.2:11211,10.0.0.3:11211 cache-c,10.0.0.4:11211:2"));

        // The window's key hash and points per server are the comparison's
        // too, on its command line as well.
        const auto hashOf = [&](const char *label) {
            for (const auto &m : panel->results())
                if (m.label == label)
                    return QString::fromStdString(m.hash);
            return QString();
        };
        QCOMPARE(hashOf("ketama"), QStringLiteral("md5"));
        const double movedAt160 = *panel->results()[1].movedOnAdd;
        QCOMPARE(window.session().setPreset(QStringLiteral("libmemcached-ketama"), QStringLiteral("fnv1a_32")), QString());
        QVERIFY(done.wait(20000));
        QCOMPARE(window.session().setPointsPerServer(5), QString());
        QVERIFY(done.wait(20000));
        const QStringList args = panel->commandLine();
        QCOMPARE(args[args.indexOf(QStringLiteral("--hash")) + 1], QStringLiteral("fnv1a_32"));
        QCOMPARE(args[args.indexOf(QStringLiteral("--points")) + 1], QStringLiteral("5"));
        QCOMPARE(hashOf("ketama"), QStringLiteral("fnv1a_32"));
        QVERIFY(*panel->results()[1].movedOnAdd != movedAt160);
        QVERIFY(sameAsTheCli(*panel, 20000));
    }

    // The window's twemproxy hash_tag is the comparison's too, and its
    // command line's (the CLI then gives the same numbers).
    void comparisonUsesTheWindowsHashTag()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        options.keyCount = 5000;
        options.hashTag = QStringLiteral("{}");
        ui::MainWindow window(options);
        window.resize(1500, 950);
        window.show();
        window.showCentralPage(1);
        ui::ComparisonPanel *panel = window.comparison();
        QSignalSpy done(panel, &ui::ComparisonPanel::finished);
        panel->run();
        QVERIFY(done.wait(20000));
        QVERIFY2(panel->error().isEmpty(), qPrintable(panel->error()));
        const QStringList args = panel->commandLine();
        QVERIFY(args.contains(QStringLiteral("--hash-tag")));
        QCOMPARE(args[args.indexOf(QStringLiteral("--hash-tag")) + 1], QStringLiteral("{}"));
        QVERIFY(sameAsTheCli(*panel, 5000));
    }

    // On the demo cluster the comparison can use the keys the servers hold
    // (metadump), and the CLI gets the same numbers from the saved file.
    void comparisonOnTheClustersOwnKeys()
    {
        ui::MainWindow::Options options;
        options.demoServers = 3;
        options.keyCount = 3000;
        options.trafficRate = 0; // the keys held are exactly the sample keys
        ui::MainWindow window(options);
        window.resize(1500, 950);
        window.show();
        ui::ComparisonPanel *panel = window.comparison();
        QTRY_VERIFY_WITH_TIMEOUT(panel->useClusterKeys(true), 30000); // after the first audit
        QSignalSpy done(panel, &ui::ComparisonPanel::finished);
        window.showCentralPage(1);
        QVERIFY(done.wait(20000));
        QVERIFY2(panel->error().isEmpty(), qPrintable(panel->error()));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("held.txt"));
        QCOMPARE(panel->saveKeys(file), QString());
        QVERIFY(panel->commandLine().contains(file));
        QVERIFY(sameAsTheCli(*panel, 3000));
    }

    void exportsProduceValidFiles()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211 cache-c");
        options.keyCount = 3000;
        ui::MainWindow window(options);
        window.resize(1200, 800);
        window.show();
        QCOMPARE(window.session().addServer(), QString()); // a change, so that keys have moved
        QTemporaryDir dir;
        const auto path = [&](const char *name) { return dir.filePath(QLatin1String(name)); };

        QCOMPARE(window.exportRing(path("ring.png")), QString());
        QImage png(path("ring.png"));
        QVERIFY(!png.isNull());
        QCOMPARE(png.size(), window.ringView()->size() * 2);
        // The whole image is the ring, not its top-left quarter: the far quarter has the ring's colours too.
        QSet<QRgb> colours;
        for (int y = png.height() / 2; y < png.height(); y += 7)
            for (int x = png.width() / 2; x < png.width(); x += 7)
                colours.insert(png.pixel(x, y));
        QVERIFY2(colours.size() > 5, qPrintable(QString::number(colours.size())));

        QCOMPARE(window.exportRing(path("ring.svg")), QString());
        QSvgRenderer svg(path("ring.svg"));
        QVERIFY(svg.isValid());
        QFile svgFile(path("ring.svg"));
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.count("<circle") >= 3000); // every key a vector dot

        window.plots()->setCurrentPlot(ui::PlotsPanel::Keys);
        QCOMPARE(window.exportPlot(path("keys.png")), QString());
        QVERIFY(!QImage(path("keys.png")).isNull());
        QCOMPARE(window.exportPlot(path("keys.pdf")), QString());
        QFile pdf(path("keys.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 1000);

        QCOMPARE(window.exportServers(path("servers.csv")), QString());
        QFile servers(path("servers.csv"));
        QVERIFY(servers.open(QIODevice::ReadOnly));
        const QList<QByteArray> serverLines = servers.readAll().replace("\r\n", "\n").split('\n');
        QCOMPARE(serverLines.size(), 4 + 2); // header, 4 servers, the last newline
        QVERIFY(serverLines[0].startsWith("Server,"));
        QVERIFY(serverLines[3].startsWith("cache-c,"));
        // Fields with commas, quotes or line breaks are quoted, and records end in CRLF (RFC 4180).
        QStandardItemModel model(1, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("a,b"), QStringLiteral("c"), QStringLiteral("d")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("say \"hi\"")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("two\nlines")));
        model.setItem(0, 2, new QStandardItem(QStringLiteral("plain")));
        QCOMPARE(ui::writeCsv(model, path("quoted.csv")), QString());
        QFile quoted(path("quoted.csv"));
        QVERIFY(quoted.open(QIODevice::ReadOnly));
        QCOMPARE(quoted.readAll(), QByteArray("\"a,b\",c,d\r\n\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n"));

        QCOMPARE(window.exportKeys(path("keys.csv")), QString());
        QFile keys(path("keys.csv"));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        const QByteArray keyBytes = keys.readAll();
        QCOMPARE(keyBytes.count("\r\n"), keyBytes.count('\n')); // every line ends in CRLF
        const QList<QByteArray> keyLines = QByteArray(keyBytes).replace("\r\n", "\n").split('\n');
        QCOMPARE(keyLines.size(), 3000 + 2);
        QCOMPARE(keyLines[0], QByteArray("key,position,owner,moved_from"));
        const auto moved = std::count_if(keyLines.begin() + 1, keyLines.end(), [](const QByteArray &l) { return !l.isEmpty() && !l.endsWith(','); });
        QCOMPARE(static_cast<std::uint64_t>(moved), window.ringView()->scene()->moved);

        QVERIFY(window.exportComparison(path("compare.csv")).contains(QStringLiteral("measure the comparison first")));
        QSignalSpy done(window.comparison(), &ui::ComparisonPanel::finished);
        window.comparison()->run();
        QVERIFY(done.wait(20000));
        QCOMPARE(window.exportComparison(path("compare.csv")), QString());
        QFile compare(path("compare.csv"));
        QVERIFY(compare.open(QIODevice::ReadOnly));
        QCOMPARE(compare.readAll().count("\r\n"), static_cast<qsizetype>(window.comparison()->results().size() + 1));

        // Bad paths and formats get a message, not a crash or a silent nothing.
        QVERIFY(window.exportRing(path("ring.bmp")).contains(QStringLiteral(".png or .svg")));
        QVERIFY(window.exportPlot(path("plot.svg")).contains(QStringLiteral(".png or .pdf")));
        QVERIFY(window.exportServers(QStringLiteral("/nonexistent/dir/s.csv")).contains(QStringLiteral("cannot write")));
        QVERIFY(window.exportRing(QStringLiteral("/nonexistent/dir/r.png")).contains(QStringLiteral("cannot write")));

        // The dialog asked about the name typed; a suffix added after it must
        // not replace a file unasked.
        QStringList asked;
        const auto answer = [&](bool yes) {
            return [&, yes](const QString &existing) {
                asked << existing;
                return yes;
            };
        };
        QCOMPARE(ui::exportPath(path("new"), QStringLiteral(".csv"), answer(true)), path("new.csv"));
        QCOMPARE(ui::exportPath(path("same.CSV"), QStringLiteral(".csv"), answer(false)), path("same.CSV"));
        QVERIFY(asked.isEmpty()); // nothing there, or the very name the dialog asked about
        QCOMPARE(ui::exportPath(path("servers"), QStringLiteral(".csv"), answer(false)), QString());
        QCOMPARE(asked, QStringList{path("servers.csv")});
        QCOMPARE(ui::exportPath(path("servers"), QStringLiteral(".csv"), answer(true)), path("servers.csv"));
    }

    // A session recorded on the real demo cluster (traffic, a server added,
    // one killed) plays back in another window with no server at all.
    void recordedSessionPlaysWithoutServers()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("class.jsonl"));
        core::ServerList final;
        {
            ui::MainWindow::Options options;
            options.demoServers = 3;
            options.keyCount = 5000;
            options.trafficRate = 300;
            ui::MainWindow window(options);
            QTRY_VERIFY_WITH_TIMEOUT(window.session().demoRunning() && window.session().live().size() == 3, 20000);
            QCOMPARE(window.recorder().start(file), QString());
            QVERIFY(window.recorder().active());
            QTRY_VERIFY_WITH_TIMEOUT(window.session().lastTrafficSample().hitRatio >= 0, 10000);
            QCOMPARE(window.session().addServer(), QString());
            QTRY_COMPARE_WITH_TIMEOUT(window.session().servers().size(), std::size_t{4}, 20000);
            window.session().demoAction(ui::DemoCluster::Action::Kill, 0);
            QTRY_VERIFY_WITH_TIMEOUT(window.session().live().size() == 4 && window.session().live()[0].stopped, 10000);
            QTest::qWait(1500); // a traffic sample after the kill
            window.recorder().stop();
            QVERIFY(!window.recorder().active());
            final = window.session().servers();
        }
        ui::MainWindow::Options options;
        options.servers = test::servers("10.9.9.9:11211");
        ui::MainWindow player(options);
        QSignalSpy over(&player.player(), &ui::SessionPlayer::finished);
        QCOMPARE(player.player().play(file, 20.0), QString());
        QVERIFY(player.player().playing());
        QVERIFY(over.wait(30000));
        QVERIFY(!player.player().playing());
        QCOMPARE(player.session().servers().size(), final.size());
        for (std::size_t i = 0; i < final.size(); ++i)
            QCOMPARE(player.session().servers()[i].address(), final[i].address());
        QCOMPARE(player.ringView()->scene()->keys.size(), std::size_t{5000});
        QVERIFY(player.session().live().size() == 4 && player.session().live()[0].stopped); // the kill, as it was seen
        QVERIFY(player.session().lastTrafficSample().hitRatio >= 0);
        QVERIFY(player.plots()->markerCount() > 0); // the health and demo events on the plots
        QVERIFY(!player.session().demoRunning());
        QVERIFY(!player.session().writable());

        // Not a session: refused with the reason.
        const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"something else\"}\n");
        f.close();
        QVERIFY(player.player().play(bad).contains(QStringLiteral("not a RingScope session")));
        QVERIFY(player.player().play(dir.filePath(QStringLiteral("none.jsonl"))).contains(QStringLiteral("cannot read")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"ringscope-session\", \"version\": 1, \"keys\": 10}\n{\"t\": 5, \"type\": \"telepathy\"}\n");
        f.close();
        QVERIFY(player.player().play(bad).contains(QStringLiteral(":2: a record needs a known \"type\"")));
        // A blank first line does not skip the header check; absurd rings are refused.
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\n{\"format\": \"nope\"}\n");
        f.close();
        QVERIFY(player.player().play(bad).contains(QStringLiteral("not a RingScope session")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"ringscope-session\", \"version\": 1, \"keys\": 10}\n"
                "{\"t\": 5, \"type\": \"topology\", \"servers\": \"a:1\", \"preset\": \"ketama\", \"points\": 2000000000}\n");
        f.close();
        QVERIFY(player.player().play(bad).contains(QStringLiteral(":2: points must be from 0 to 10000")));
        // A replay writes nowhere: the write switch and traffic refuse.
        QCOMPARE(player.player().play(file, 1.0), QString());
        QVERIFY(!player.setWritable(true, true));
        QVERIFY(!player.session().setTraffic(true, 100).isEmpty());
    }

    void presentationModeShowsTheRingAndOnePlot()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211");
        ui::MainWindow window(options);
        window.resize(1200, 800);
        window.show();
        const qreal normalFont = window.font().pointSizeF();
        window.setPresentation(true);
        QVERIFY(window.presentation());
        QVERIFY(window.windowState() & Qt::WindowFullScreen);
        QVERIFY(window.font().pointSizeF() > normalFont * 1.4);
        for (auto *bar : window.findChildren<QToolBar *>())
            QVERIFY(bar->isHidden());
        int docks = 0;
        for (auto *dock : window.findChildren<QDockWidget *>())
            docks += dock->isVisible() ? 1 : 0;
        QCOMPARE(docks, 1); // the plots
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
        QTest::qWait(50); // the full-screen layout settles
        test::saveIfAsked(window, "presentation.png");
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!window.presentation());
        QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
        QCOMPARE(window.font().pointSizeF(), normalFont);
        for (auto *bar : window.findChildren<QToolBar *>())
            QVERIFY(!bar->isHidden());
    }
};

QTEST_MAIN(TestTeaching)
#include "tst_teaching.moc"
