// Every built-in lesson played through on real local memcached (and
// nutcracker / nginx) processes, as a class would: each step's actions run
// on the demo cluster and the step's own check ("about 3/4 of the keys
// move", "no read finds its servers down") must pass on the real thing.
#include "ui/mainwindow.h"
#include "ui/panels/lesson.h"
#include "ui/panels/lessonpanel.h"
#include "tests/ui/uitestsupport.h"
#include "ui/models/ringscene.h"
#include "ui/views/ringview.h"
#include "ui/views/simplenumbersview.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ringscope;

namespace {

double maxOverMean(const ui::RingScene &scene)
{
    std::uint64_t total = 0;
    for (const auto &s : scene.servers)
        total += s.keys;
    double worst = 0;
    for (const auto &s : scene.servers)
        worst = std::max(worst, static_cast<double>(s.keys) / (s.idealShare * static_cast<double>(total)));
    return worst;
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void builtInLessonsParseInBothLanguages()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211");
        ui::MainWindow window(options);
        const QStringList files = window.lessons()->lessonFiles();
        QCOMPARE(files.size(), 8);
        for (const QString &file : files) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray json = f.readAll();
            for (const QString &language : {QStringLiteral("en"), QStringLiteral("ru")}) {
                QString error;
                const auto lesson = ui::Lesson::parse(json, language, error);
                QVERIFY2(lesson, qPrintable(file + QStringLiteral(": ") + error));
                QVERIFY(lesson->steps.size() >= 3);
                // Every step is written in both languages, not left to the English fallback.
                for (const auto &step : lesson->steps)
                    QVERIFY2(language == QLatin1String("en") || step.text.contains(QRegularExpression(QStringLiteral("[а-яА-Я]"))),
                             qPrintable(file));
            }
        }
    }

    void badLessonFilesAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::addRow("not json") << QByteArray("{") << QStringLiteral("not JSON");
        QTest::addRow("no title") << QByteArray(R"({"steps": [{"text": "a"}]})") << QStringLiteral("no \"title\"");
        QTest::addRow("no steps") << QByteArray(R"({"title": "t"})") << QStringLiteral("no \"steps\"");
        QTest::addRow("no text") << QByteArray(R"({"title": "t", "steps": [{"text": "a"}, {}]})")
                                 << QStringLiteral("step 2 has no \"text\"");
        QTest::addRow("unknown action") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "actions": [{"do": "explode"}]}]})")
                                        << QStringLiteral("step 1: unknown action \"explode\"");
        QTest::addRow("unknown check") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "expect": {"magic": 1}}]})")
                                       << QStringLiteral("step 1: unknown check \"magic\"");
        QTest::addRow("too many servers") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "actions": [{"do": "demo", "servers": 5000}]}]})")
                                          << QStringLiteral("step 1: \"demo\" needs \"servers\": a number from 1 to 32");
        QTest::addRow("negative servers") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "actions": [{"do": "demo", "servers": -1}]}]})")
                                          << QStringLiteral("a number from 1 to 32");
        QTest::addRow("huge weight") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "actions": [{"do": "weight", "server": 0, "weight": 1e12}]}]})")
                                     << QStringLiteral("\"weight\" needs \"weight\"");
        QTest::addRow("kill whom") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "actions": [{"do": "kill"}]}]})")
                                   << QStringLiteral("\"kill\" needs \"server\"");
        QTest::addRow("wait forever") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "actions": [{"do": "wait", "seconds": 1e9}]}]})")
                                      << QStringLiteral("\"wait\" needs \"seconds\"");
        QTest::addRow("range as a number") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "expect": {"moved": 0.5}}]})")
                                           << QStringLiteral("\"moved\" needs a range");
        QTest::addRow("placed false") << QByteArray(R"({"title": "t", "steps": [{"text": "a", "expect": {"placed": false}}]})")
                                      << QStringLiteral("\"placed\" can only be true");
    }

    void badLessonFilesAreRefusedWithTheReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ui::Lesson::parse(json, QStringLiteral("en"), error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    // A teacher's own lesson, offline: a what-if ring, no cluster needed.
    void ownLessonOffline()
    {
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211");
        options.preset = QStringLiteral("ketama");
        ui::MainWindow window(options);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"title": {"en": "Mine"}, "steps": [
            {"text": "Ring", "actions": [{"do": "simple"}]},
            {"text": "Add", "actions": [{"do": "add"}], "expect": {"moved": [0.1, 0.4]}},
            {"text": "Points", "actions": [{"do": "points", "points": 2000}], "expect": {"maxOverMean": [1.0, 1.1]}}]})");
        f.close();
        ui::LessonPanel *panel = window.lessons();
        QSignalSpy finished(panel, &ui::LessonPanel::stepFinished);
        QString error;
        QVERIFY2(panel->openFile(path, &error), qPrintable(error));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(panel->simpleView()->rows().size(), std::size_t{6});
        QCOMPARE(panel->simpleView()->rows()[0].key, QStringLiteral("key1"));
        for (int step = 1; step < 3; ++step) {
            panel->goToStep(step);
            QTRY_COMPARE(finished.size(), step + 1);
            QVERIFY2(panel->lastPassed(), qPrintable(panel->lastMessage()));
        }
        QCOMPARE(window.session().servers().size(), std::size_t{4}); // what-if: nothing started
        QVERIFY(!window.session().demoRunning());
        QVERIFY(!panel->openFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY(error.contains(QStringLiteral("cannot read")));
    }

    void lessonOnTheDemoCluster_data()
    {
        QTest::addColumn<int>("lesson");
        const char *names[] = {"1 modulo", "2 consistent hashing", "3 virtual nodes", "4 weights",
                               "5 failure", "6 replication", "7 read balancing", "8 proxies"};
        for (int i = 0; i < 8; ++i)
            QTest::addRow("%s", names[i]) << i;
    }

    void lessonOnTheDemoCluster()
    {
        QFETCH(int, lesson);
        ui::MainWindow::Options options;
        options.servers = test::servers("10.0.0.1:11211");
        options.keyCount = 20000;
        ui::MainWindow window(options);
        window.resize(1500, 950);
        window.show();
        ui::LessonPanel *panel = window.lessons();
        QSignalSpy finished(panel, &ui::LessonPanel::stepFinished);
        window.openLesson(lesson);
        std::vector<double> spread;
        const int steps = static_cast<int>(panel->lesson().steps.size());
        auto *next = panel->findChild<QPushButton *>(QStringLiteral("lessonNext"));
        auto *again = panel->findChild<QPushButton *>(QStringLiteral("lessonAgain"));
        QVERIFY(next && again);
        int waited = 0; // steps seen waiting for the cluster
        for (int step = 0; step < steps; ++step) {
            if (step > 0)
                panel->goToStep(step);
            // While the step waits for the cluster (a server starting, going),
            // Next and Again wait too: their step would count its server twice.
            const auto waitsForTheCluster = [&] {
                return panel->findChild<QLabel *>(QStringLiteral("lessonStatus"))->text().startsWith(QStringLiteral("waiting for"));
            };
            if (waitsForTheCluster()) {
                ++waited;
                QVERIFY(!next->isEnabled() && !again->isEnabled());
                // The Lessons menu waits too.
                QVERIFY(!panel->openLesson((lesson + 1) % 8));
                QCOMPARE(panel->lesson().steps.size(), static_cast<std::size_t>(steps));
            }
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() == step + 1, 120000);
            QVERIFY(again->isEnabled());
            QVERIFY2(panel->lastPassed(), qPrintable(QStringLiteral("step %1: %2").arg(step + 1).arg(panel->lastMessage())));
            qInfo("lesson %d step %d: %s", lesson + 1, step + 1, qPrintable(panel->lastMessage()));
            spread.push_back(maxOverMean(*window.ringView()->scene()));
            test::saveIfAsked(window, qPrintable(QStringLiteral("lesson%1-step%2.png").arg(lesson + 1).arg(step + 1)));
        }
        QVERIFY(window.session().demoRunning()); // every lesson acts on the real local cluster
        QVERIFY(waited > 0);           // its start at least
        if (lesson == 2) // virtual nodes: the spread narrows as the points grow
            QVERIFY(spread.back() < spread.front());
    }
};

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
