// The classroom side of the program on the offscreen platform: the measured
// comparison of methods equal to `ringscope-cli compare` on the same keys.
// qcustomplot.h uses foreach: it must come before any other Qt header.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "mainwindow.h"
#include "panels/comparisonpanel.h"
#include "uitestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace ringscope;

class TestTeaching : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

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

        QProcess cli;
        cli.start(QStringLiteral(RINGSCOPE_CLI), panel->commandLine() << QStringLiteral("--json"));
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const auto json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(json[QStringLiteral("keys")].toInt(), 20000);
        const auto methods = json[QStringLiteral("methods")].toArray();
        QCOMPARE(methods.size(), 15);
        for (int i = 0; i < methods.size(); ++i) {
            const auto m = methods[i].toObject();
            const auto &g = results[static_cast<std::size_t>(i)];
            QCOMPARE(m[QStringLiteral("method")].toString(), QString::fromStdString(g.label));
            QCOMPARE(m[QStringLiteral("moved_on_add")].toDouble(), *g.movedOnAdd);
            QCOMPARE(m[QStringLiteral("moved_on_remove")].toDouble(), *g.movedOnRemove);
            QCOMPARE(m[QStringLiteral("max_over_mean")].toDouble(), g.maxOverMean);
            QCOMPARE(m[QStringLiteral("relative_stddev")].toDouble(), g.relativeStddev);
            QCOMPARE(m[QStringLiteral("reads_unavailable_one_down")].toDouble(), g.readsUnavailable);
            QCOMPARE(m[QStringLiteral("writes_refused_one_down")].toDouble(), g.writesRefused);
            QCOMPARE(m[QStringLiteral("down_server")].toString(), QString::fromStdString(g.downServer));
            const auto copies = m[QStringLiteral("copies_per_server")].toArray();
            QCOMPARE(copies.size(), static_cast<qsizetype>(g.keysPerServer.size()));
            for (int s = 0; s < copies.size(); ++s)
                QCOMPARE(static_cast<std::uint64_t>(copies[s].toDouble()), g.keysPerServer[static_cast<std::size_t>(s)]);
        }
        // The table shows them: modulo moves about 4/5 on adding a fifth server.
        QCOMPARE(panel->table()->item(0, 0)->text(), QStringLiteral("modulo"));
        QVERIFY(*results[0].movedOnAdd > 0.7);
        QVERIFY(*results[1].movedOnAdd < 0.3);
        test::saveIfAsked(window, "comparison.png");

        // A topology change measures again while the panel is visible.
        QCOMPARE(window.removeServer(0), QString());
        QVERIFY(done.wait(20000));
        QCOMPARE(panel->commandLine()[2], QStringLiteral("10.0.0.2:11211,10.0.0.3:11211 cache-c,10.0.0.4:11211:2"));
    }
};

QTEST_MAIN(TestTeaching)
#include "tst_teaching.moc"
