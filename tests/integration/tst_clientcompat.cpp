// Placement against the real client libraries that Debian packages for other
// languages: python-memcached and pymemcache (run by /usr/bin/python3, which
// sees Debian's packages) and spymemcached (Java). Each reference harness in
// tests/compat asks the library's own code for the server of every key; no
// network is touched.
#include "tests/common/processes.h"
#include "tests/common/testkeys.h"
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"

#include <QFileInfo>
#include <QTest>

using namespace ringscope::core;

class TestClientCompat : public QObject {
    Q_OBJECT

    // Compares `preset` on `spec` with the owners the reference printed.
    void compare(const char *preset, const QString &spec, const std::vector<std::string> &keys,
                 const QString &program, const QStringList &args)
    {
        auto parsed = parseServerList(spec.toStdString());
        QVERIFY2(parsed, parsed.error.c_str());
        std::string error;
        auto d = makeDistribution(*findPreset(preset), *parsed.value, std::nullopt, {}, error);
        QVERIFY2(d, error.c_str());

        const auto run = ringscope::test::runProgram(program, args, QByteArray::fromStdString(ringscope::test::joinLines(keys)));
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = run.out.split('\n');
        QCOMPARE(lines.size(), static_cast<qsizetype>(keys.size() + 1)); // the last line is empty
        std::size_t mismatches = 0;
        QString first;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::string ours = d->servers()[d->owner(keys[i])].address();
            const std::string theirs = lines[static_cast<qsizetype>(i)].toStdString();
            if (ours != theirs && mismatches++ == 0)
                first = QString::fromStdString(keys[i] + ": reference " + theirs + ", ours " + ours);
        }
        QVERIFY2(mismatches == 0, qPrintable(QString::number(mismatches) + QStringLiteral(" of ")
                                             + QString::number(keys.size()) + QStringLiteral(" differ; first ")
                                             + first));
    }

    static QString compat(const char *file)
    {
        return QStringLiteral(RINGSCOPE_SOURCE_DIR "/tests/compat/") + QLatin1String(file);
    }

    static QString python()
    {
        // Debian's packages are visible only to Debian's interpreter.
        const QString p = QStringLiteral("/usr/bin/python3");
        return QFileInfo::exists(p) ? p : QString();
    }

private slots:
    void pythonMemcached_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addRow("three-weighted") << QStringLiteral("127.0.0.1:11211,127.0.0.1:11212,10.0.0.5:11211:2");
        QTest::addRow("single") << QStringLiteral("127.0.0.1:11211");
        QTest::addRow("seven-weights")
            << QStringLiteral("10.0.0.1:11211:5,10.0.0.2:11211:1,cache.example:11300:3,10.0.0.4:11211:2,"
                              "10.0.0.5:11211,10.0.0.6:22122:4,10.0.0.7:11211:7");
    }

    void pythonMemcached()
    {
        QFETCH(QString, spec);
        if (python().isEmpty())
            QFAIL("/usr/bin/python3 is missing (apt-get install python3 python3-memcache)");
        compare("python-memcached", spec, ringscope::test::randomUtf8Keys(20000, 11), python(),
                {compat("ref_python.py"), QStringLiteral("--no-check"), QStringLiteral("python-memcached"), spec});
    }

    void pymemcache_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addRow("three") << QStringLiteral("127.0.0.1:11211,127.0.0.1:11212,127.0.0.1:11213");
        QTest::addRow("names") << QStringLiteral("cache-a.example:11211,cache-b.example:11211,10.1.1.1:22122");
        QTest::addRow("twelve")
            << QStringLiteral("10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211,10.0.0.5:11211,"
                              "10.0.0.6:11211,10.0.0.7:11211,10.0.0.8:11211,10.0.0.9:11211,10.0.0.10:11211,"
                              "10.0.0.11:11211,10.0.0.12:11212");
    }

    void pymemcache()
    {
        QFETCH(QString, spec);
        if (python().isEmpty())
            QFAIL("/usr/bin/python3 is missing (apt-get install python3 python3-pymemcache)");
        compare("pymemcache", spec, ringscope::test::randomUtf8Keys(8000, 12), python(),
                {compat("ref_python.py"), QStringLiteral("--no-check"), QStringLiteral("pymemcache"), spec});
    }

    void spymemcached_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("spec");
        const QString plain = QStringLiteral("127.0.0.1:11211,127.0.0.1:11212,10.0.0.5:11211");
        const QString weighted = QStringLiteral("127.0.0.1:11211:1,127.0.0.1:11212:1,10.0.0.5:11211:2,10.0.0.9:11300:5");
        const QString spy = QStringLiteral("spymemcached-ketama");
        const QString lib = QStringLiteral("spymemcached-ketama-libmemcached");
        QTest::addRow("spy/plain") << spy << QStringLiteral("SPYMEMCACHED") << plain;
        QTest::addRow("spy/weighted") << spy << QStringLiteral("SPYMEMCACHED") << weighted;
        QTest::addRow("libmemcached/plain") << lib << QStringLiteral("LIBMEMCACHED") << plain;
        QTest::addRow("libmemcached/weighted") << lib << QStringLiteral("LIBMEMCACHED") << weighted;
    }

    void spymemcached()
    {
        QFETCH(QString, preset);
        QFETCH(QString, format);
        QFETCH(QString, spec);
        const QString java = ringscope::test::findProgram(QStringLiteral("java"));
        const QString jar = QStringLiteral("/usr/share/java/spymemcached.jar");
        if (java.isEmpty() || !QFileInfo::exists(jar))
            QFAIL("java or spymemcached is missing (apt-get install default-jre-headless libspymemcached-java)");
        // The harness only takes ':weight' when the list should be weighted,
        // as a client passes a weights map only then.
        compare(preset.toLatin1().constData(), spec, ringscope::test::randomUtf8Keys(20000, 13), java,
                {QStringLiteral("-cp"), jar, compat("SpyPlace.java"), format, spec});
    }
};

QTEST_GUILESS_MAIN(TestClientCompat)
#include "tst_clientcompat.moc"
