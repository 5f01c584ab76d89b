// ringscope-cli as a user runs it: output format and order, JSON, exit codes,
// and one clear line on stderr for every kind of bad input.
#include "tests/common/processes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using ringscope::test::runProgram;

namespace {

ringscope::test::RunResult cli(const QStringList &args, const QByteArray &input = {})
{
    return runProgram(QStringLiteral(RINGSCOPE_CLI), args, input, 60000);
}

const QString kServers = QStringLiteral("127.0.0.1:11211,127.0.0.1:11212,10.0.0.5:11211:2");

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void placeKeepsOrderAndBytes()
    {
        // python-memcached's real choices for these keys (tests/compat/ref_python.py).
        const auto r = cli({QStringLiteral("place"), QStringLiteral("--servers"), kServers, QStringLiteral("--preset"),
                            QStringLiteral("python-memcached")},
                           "foo\nbar\nbaz\nuser:1\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("foo\t10.0.0.5:11211\nbar\t10.0.0.5:11211\nbaz\t127.0.0.1:11211\n"
                                   "user:1\t127.0.0.1:11212\n"));
        QVERIFY(r.err.isEmpty());
    }

    void placeAcceptsKeysTheProtocolForbids()
    {
        QByteArray keys("with space\n\xff\xfe\n");
        keys += QByteArray(300, 'k') + '\n';
        const auto r = cli({QStringLiteral("place"), QStringLiteral("--servers"), kServers, QStringLiteral("--preset"),
                            QStringLiteral("ketama")},
                           keys);
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.out.split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith("with space\t"));
        QVERIFY(lines[1].startsWith("\xff\xfe\t"));
    }

    void diffJson()
    {
        const auto r = cli({QStringLiteral("diff"), QStringLiteral("--servers"), QStringLiteral("a:1,b:1,c:1"),
                            QStringLiteral("--to"), QStringLiteral("a:1,b:1,c:1,d:1"), QStringLiteral("--preset"),
                            QStringLiteral("modulo"), QStringLiteral("--keys"), QStringLiteral("20000"),
                            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("total_keys")].toInt(), 20000);
        const double f = j[QStringLiteral("fraction_moved")].toDouble();
        QVERIFY2(f > 0.70 && f < 0.80, qPrintable(QString::number(f)));
        QCOMPARE(j[QStringLiteral("servers")].toArray().size(), 4);
        QCOMPARE(j[QStringLiteral("moved")].toInt(), qRound(f * 20000));
    }

    void diffFromStdinListsMoves()
    {
        const auto r = cli({QStringLiteral("diff"), QStringLiteral("--servers"), QStringLiteral("a:1,b:1"),
                            QStringLiteral("--to"), QStringLiteral("a:1"), QStringLiteral("--preset"),
                            QStringLiteral("ketama"), QStringLiteral("--moves")},
                           "k1\nk2\nk3\nk4\nk5\nk6\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("of 6 keys move"));
        QVERIFY(r.out.contains("\tb:1\ta:1\n"));
    }

    void compareTable()
    {
        const auto r = cli({QStringLiteral("compare"), QStringLiteral("--servers"), QStringLiteral("a:1,b:1,c:1"),
                            QStringLiteral("--remove"), QStringLiteral("b:1"), QStringLiteral("--add"),
                            QStringLiteral("d:1"), QStringLiteral("--keys"), QStringLiteral("5000"),
                            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto methods = QJsonDocument::fromJson(r.out).object()[QStringLiteral("methods")].toArray();
        QCOMPARE(methods.size(), 15); // 12 presets and 3 replication schemes
        for (const auto &v : methods) {
            const auto m = v.toObject();
            QCOMPARE(m[QStringLiteral("ideal_on_remove")].toDouble(), 1.0 / 3.0);
            QCOMPARE(m[QStringLiteral("ideal_on_add")].toDouble(), 0.25);
            QVERIFY(m[QStringLiteral("moved_on_add")].toDouble() > 0);
        }
        const auto byName = [&](const QString &name) {
            for (const auto &v : methods)
                if (v.toObject()[QStringLiteral("method")].toString() == name)
                    return v.toObject();
            return QJsonObject();
        };
        QVERIFY(byName(QStringLiteral("modulo"))[QStringLiteral("moved_on_add")].toDouble() > 0.6);
        QVERIFY(byName(QStringLiteral("ketama"))[QStringLiteral("moved_on_add")].toDouble() < 0.35);
        const auto ring = byName(QStringLiteral("ketama + ring R=2"));
        QCOMPARE(ring[QStringLiteral("reads_unavailable_one_down")].toDouble(), 0.0);
        QVERIFY(byName(QStringLiteral("ketama"))[QStringLiteral("reads_unavailable_one_down")].toDouble() > 0.3);
        const auto ms = byName(QStringLiteral("ketama + master-slave R=2"));
        QCOMPARE(ms[QStringLiteral("reads_unavailable_one_down")].toDouble(), 0.0);
        QVERIFY(ms[QStringLiteral("writes_refused_one_down")].toDouble() > 0.3);
        QCOMPARE(byName(QStringLiteral("ketama + multi-master R=3 W=2"))[QStringLiteral("writes_refused_one_down")]
                     .toDouble(),
                 0.0);
    }

    void compareKeysFromAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 300; ++i)
            f.write("user:" + QByteArray::number(i) + '\n');
        f.close();
        const auto r = cli({QStringLiteral("compare"), QStringLiteral("--servers"), QStringLiteral("a:1,b:1"),
                            QStringLiteral("--add"), QStringLiteral("c:1"), QStringLiteral("--keys-file"), path,
                            QStringLiteral("--presets"), QStringLiteral("modulo")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("300 keys."));
        QVERIFY(r.out.contains("ketama + ring R=2"));
    }

    // A twemproxy pool's hash_tag (or --hash-tag) applies to every method:
    // tagged keys measure as their tags alone.
    void compareWithAHashTag()
    {
        QTemporaryDir dir;
        QFile tagged(dir.filePath(QStringLiteral("tagged.txt"))), tags(dir.filePath(QStringLiteral("tags.txt")));
        QVERIFY(tagged.open(QIODevice::WriteOnly) && tags.open(QIODevice::WriteOnly));
        for (int i = 0; i < 600; ++i) {
            tagged.write("user:{" + QByteArray::number(i % 40) + "}:" + QByteArray::number(i) + '\n');
            tags.write(QByteArray::number(i % 40) + '\n');
        }
        tagged.close();
        tags.close();
        QFile yml(dir.filePath(QStringLiteral("nutcracker.yml")));
        QVERIFY(yml.open(QIODevice::WriteOnly));
        yml.write("web:\n  hash: fnv1a_64\n  distribution: ketama\n  hash_tag: \"{}\"\n  servers:\n"
                  "   - 10.0.0.1:11211:1\n   - 10.0.0.2:11211:1\n   - 10.0.0.3:11211:1\n");
        yml.close();
        const auto compare = [&](const QString &servers, const QString &keys, const QStringList &more = {}) {
            return cli(QStringList{QStringLiteral("compare"), QStringLiteral("--servers"), servers, QStringLiteral("--add"),
                                   QStringLiteral("10.0.0.4:11211:1"), QStringLiteral("--keys-file"), keys,
                                   QStringLiteral("--json")}
                       + more);
        };
        const QString plain = QStringLiteral("10.0.0.1:11211:1,10.0.0.2:11211:1,10.0.0.3:11211:1");
        const auto alone = compare(plain, tags.fileName());
        const auto fromYml = compare(QLatin1Char('@') + yml.fileName(), tagged.fileName());
        const auto fromFlag = compare(plain, tagged.fileName(), {QStringLiteral("--hash-tag"), QStringLiteral("{}")});
        const auto without = compare(plain, tagged.fileName());
        for (const auto *r : {&alone, &fromYml, &fromFlag, &without})
            QVERIFY2(r->exitCode == 0, r->err.constData());
        // The same numbers, but for the time a lookup took.
        const auto methods = [](const QByteArray &json) {
            QJsonArray out;
            for (const auto &m : QJsonDocument::fromJson(json).object()[QStringLiteral("methods")].toArray()) {
                auto o = m.toObject();
                o.remove(QStringLiteral("lookup_ns"));
                out.append(o);
            }
            return out;
        };
        QCOMPARE(methods(alone.out).size(), 15);
        QCOMPARE(methods(fromYml.out), methods(alone.out));
        QCOMPARE(methods(fromFlag.out), methods(alone.out));
        QVERIFY(methods(without.out) != methods(alone.out));
        const auto bad = compare(plain, tagged.fileName(), {QStringLiteral("--hash-tag"), QStringLiteral("{")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("hash_tag must be two characters"), bad.err.constData());
    }

    void twemproxyPoolFromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nutcracker.yml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("web:\n  hash: md5\n  distribution: ketama\n  servers:\n   - 127.0.0.1:11211:1\n   - 127.0.0.1:11212:1\n");
        f.close();
        QByteArray keys;
        for (int i = 0; i < 200; ++i)
            keys += "user:" + QByteArray::number(i) + '\n';
        const auto r = cli({QStringLiteral("place"), QStringLiteral("--servers"), QLatin1Char('@') + path}, keys);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The pool's hash, distribution and servers, as if given one by one…
        const QStringList given{QStringLiteral("place"), QStringLiteral("--servers"),
                                QStringLiteral("127.0.0.1:11211,127.0.0.1:11212"), QStringLiteral("--preset"),
                                QStringLiteral("twemproxy-ketama"), QStringLiteral("--hash")};
        const auto byHand = cli(given + QStringList{QStringLiteral("md5")}, keys);
        QVERIFY2(byHand.exitCode == 0, byHand.err.constData());
        QCOMPARE(r.out, byHand.out);
        QCOMPARE(r.out.count('\n'), 200);
        QVERIFY(r.out.startsWith("user:0\t127.0.0.1:1121"));
        // …and not twemproxy's default hash (fnv1a_64), which places these keys otherwise.
        QVERIFY(r.out != cli(given + QStringList{QStringLiteral("fnv1a_64")}, keys).out);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString s = QStringLiteral("--servers");
        const QString p = QStringLiteral("--preset");
        QTest::addRow("no command") << QStringList{} << QStringLiteral("usage");
        QTest::addRow("unknown command") << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command 'fly'");
        QTest::addRow("unknown preset") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:1"), p,
                                                       QStringLiteral("nope")}
                                        << QStringLiteral("unknown preset 'nope'");
        QTest::addRow("no preset") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:1")}
                                   << QStringLiteral("no preset");
        QTest::addRow("bad spec") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:x"), p,
                                                 QStringLiteral("ketama")}
                                  << QStringLiteral("--servers: server 'a:x': port 'x'");
        QTest::addRow("duplicate") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:1,a:1"), p,
                                                  QStringLiteral("ketama")}
                                   << QStringLiteral("duplicate server a:1");
        QTest::addRow("weight 0") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:1:0"), p,
                                                 QStringLiteral("ketama")}
                                  << QStringLiteral("weight 0");
        QTest::addRow("empty list") << QStringList{QStringLiteral("place"), s, QString(), p, QStringLiteral("ketama")}
                                    << QStringLiteral("empty");
        QTest::addRow("missing file") << QStringList{QStringLiteral("place"), s, QStringLiteral("@/no/such.yml"), p,
                                                     QStringLiteral("ketama")}
                                      << QStringLiteral("cannot read /no/such.yml");
        QTest::addRow("unknown hash") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:1"), p,
                                                     QStringLiteral("ketama"), QStringLiteral("--hash"),
                                                     QStringLiteral("sha1")}
                                      << QStringLiteral("unknown hash 'sha1'");
        QTest::addRow("fixed hash") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:1"), p,
                                                   QStringLiteral("python-memcached"), QStringLiteral("--hash"),
                                                   QStringLiteral("md5")}
                                    << QStringLiteral("--hash cannot change it");
        QTest::addRow("random") << QStringList{QStringLiteral("place"), s, QStringLiteral("a:1,b:1"), p,
                                               QStringLiteral("twemproxy-random")}
                                << QStringLiteral("at random");
        QTest::addRow("unknown option") << QStringList{QStringLiteral("place"), QStringLiteral("--sevrers"),
                                                       QStringLiteral("a:1")}
                                        << QStringLiteral("unknown option --sevrers");
        QTest::addRow("missing value") << QStringList{QStringLiteral("place"), s} << QStringLiteral("needs a value");
        QTest::addRow("bad keys") << QStringList{QStringLiteral("diff"), s, QStringLiteral("a:1"),
                                                 QStringLiteral("--to"), QStringLiteral("b:1"), p,
                                                 QStringLiteral("ketama"), QStringLiteral("--keys"),
                                                 QStringLiteral("-5")}
                                  << QStringLiteral("--keys '-5'");
        QTest::addRow("compare nothing") << QStringList{QStringLiteral("compare"), s, QStringLiteral("a:1")}
                                         << QStringLiteral("give --add SPEC, --remove");
        QTest::addRow("remove all") << QStringList{QStringLiteral("compare"), s, QStringLiteral("a:1"),
                                                   QStringLiteral("--remove"), QStringLiteral("a:1")}
                                    << QStringLiteral("cannot remove every server");
        QTest::addRow("keys file") << QStringList{QStringLiteral("compare"), s, QStringLiteral("a:1"),
                                                  QStringLiteral("--add"), QStringLiteral("b:1"),
                                                  QStringLiteral("--keys-file"), QStringLiteral("/nonexistent/k")}
                                   << QStringLiteral("cannot read /nonexistent/k");
        QTest::addRow("remove unknown") << QStringList{QStringLiteral("compare"), s, QStringLiteral("a:1,b:1"),
                                                       QStringLiteral("--remove"), QStringLiteral("c:1")}
                                        << QStringLiteral("c:1 is not in the cluster");
        QTest::addRow("add existing") << QStringList{QStringLiteral("compare"), s, QStringLiteral("a:1,b:1"),
                                                     QStringLiteral("--add"), QStringLiteral("b:1")}
                                      << QStringLiteral("already in the cluster");
        const QStringList get{QStringLiteral("get"), s, QStringLiteral("127.0.0.1:1,127.0.0.1:2"), p,
                              QStringLiteral("ketama"), QStringLiteral("k")};
        QTest::addRow("replication mode") << (get + QStringList{QStringLiteral("--replication"), QStringLiteral("mirror")})
                                          << QStringLiteral("--replication 'mirror': expected none, master-slave");
        QTest::addRow("replicas without mode") << (get + QStringList{QStringLiteral("--replicas"), QStringLiteral("2")})
                                               << QStringLiteral("needs a --replication mode");
        QTest::addRow("too many replicas")
            << (get + QStringList{QStringLiteral("--replication"), QStringLiteral("ring"), QStringLiteral("--replicas"), QStringLiteral("3")})
            << QStringLiteral("more than the 2 servers");
        QTest::addRow("quorum")
            << (get + QStringList{QStringLiteral("--replication"), QStringLiteral("multi-master"), QStringLiteral("--write-quorum"), QStringLiteral("most")})
            << QStringLiteral("--write-quorum 'most': expected 1 to 2, majority or all");
        QTest::addRow("read policy") << (get + QStringList{QStringLiteral("--read-policy"), QStringLiteral("random")})
                                     << QStringLiteral("--read-policy 'random'");
        QTest::addRow("on-failure with replication")
            << (get + QStringList{QStringLiteral("--replication"), QStringLiteral("ring"), QStringLiteral("--on-failure"), QStringLiteral("miss")})
            << QStringLiteral("--on-failure applies without replication");
        QTest::addRow("on-failure value") << (get + QStringList{QStringLiteral("--on-failure"), QStringLiteral("retry")})
                                          << QStringLiteral("expected miss or rehash");
        QTest::addRow("touch replicated")
            << QStringList{QStringLiteral("touch"), s, QStringLiteral("127.0.0.1:1"), p, QStringLiteral("ketama"),
                           QStringLiteral("k"), QStringLiteral("--replicas"), QStringLiteral("2")}
            << QStringLiteral("unknown option --replicas");
        QTest::addRow("migrate without --to")
            << QStringList{QStringLiteral("migrate"), s, QStringLiteral("127.0.0.1:1"), p, QStringLiteral("ketama")}
            << QStringLiteral("--to is required");
        QTest::addRow("migrate elsewhere")
            << QStringList{QStringLiteral("migrate"), s, QStringLiteral("127.0.0.1:1"), QStringLiteral("--to"),
                           QStringLiteral("127.0.0.1:1,10.1.2.3:11211"), p, QStringLiteral("ketama")}
            << QStringLiteral("10.1.2.3:11211 is not known to be on this machine (10.1.2.3 is not a loopback address): migrate writes to it, which needs --allow-write");
        QTest::addRow("migrate bad target")
            << QStringList{QStringLiteral("migrate"), s, QStringLiteral("127.0.0.1:1"), QStringLiteral("--to"),
                           QStringLiteral("127.0.0.1:x"), p, QStringLiteral("ketama")}
            << QStringLiteral("--to: ");
        QTest::addRow("demo proxy") << QStringList{QStringLiteral("demo"), QStringLiteral("--proxy"), QStringLiteral("haproxy")}
                                    << QStringLiteral("expected twemproxy, nginx-rr, nginx-least-conn or nginx-hash");
        QTest::addRow("demo traffic") << QStringList{QStringLiteral("demo"), QStringLiteral("--traffic"), QStringLiteral("-5")}
                                      << QStringLiteral("--traffic '-5' must be a whole number from 0");
        QTest::addRow("demo zipf") << QStringList{QStringLiteral("demo"), QStringLiteral("--zipf"), QStringLiteral("x")}
                                   << QStringLiteral("--zipf must be 0 to 5");
        QTest::addRow("demo replicas")
            << QStringList{QStringLiteral("demo"), QStringLiteral("--servers"), QStringLiteral("2"),
                           QStringLiteral("--replication"), QStringLiteral("ring"), QStringLiteral("--replicas"), QStringLiteral("3")}
            << QStringLiteral("more than the 2 servers");
        QTest::addRow("bench what") << QStringList{QStringLiteral("bench"), QStringLiteral("fast")}
                                    << QStringLiteral("lookup, place, client");
    }

    // The writes that need --allow-write for a server that is not on this
    // machine, for a server at `spec` (migrate: as its target).
    static QList<QStringList> writesTo(const QString &spec)
    {
        const QString s = QStringLiteral("--servers"), p = QStringLiteral("--preset"), m = QStringLiteral("modulo");
        return {
            {QStringLiteral("set"), s, spec, p, m, QStringLiteral("k"), QStringLiteral("v")},
            {QStringLiteral("delete"), s, spec, p, m, QStringLiteral("k")},
            {QStringLiteral("set"), s, spec, p, m, QStringLiteral("--stdin")},
            {QStringLiteral("set"), s, spec, p, m, QStringLiteral("--replication"), QStringLiteral("ring"),
             QStringLiteral("--replicas"), QStringLiteral("1"), QStringLiteral("k"), QStringLiteral("v")},
            {QStringLiteral("migrate"), s, QStringLiteral("127.0.0.1:1"), QStringLiteral("--to"), spec, p, m},
        };
    }

    // A documentation address (TEST-NET-1, never routed): every write is
    // refused before any connection is tried. Were one tried, the command
    // would fail later, by its connect timeout, with another message.
    void writesToADocumentationAddressAreRefused()
    {
        for (const auto &args : writesTo(QStringLiteral("192.0.2.1:11211"))) {
            const auto r = cli(args, "k v\n");
            QVERIFY2(r.exitCode == 2, r.err.constData());
            QVERIFY2(r.err.contains("192.0.2.1:11211 is not known to be on this machine (192.0.2.1 is not a loopback "
                                    "address)"),
                     r.err.constData());
            QVERIFY2(r.err.contains("--allow-write"), r.err.constData());
        }
    }

    // A real memcached on a non-loopback address gets not one byte from a
    // command that writes, unless --allow-write is given (which shows the
    // check can fail). The address is made in a network namespace of its own
    // (192.0.2.1 on its lo), where this test runs itself again.
    void writesElsewhereNeedTheOptIn()
    {
        const QString address = qEnvironmentVariable("RINGSCOPE_NETNS_ADDRESS");
        if (address.isEmpty()) {
            QString why;
            const QStringList netns = ringscope::test::networkNamespaceCommand(&why);
            if (netns.isEmpty())
                RINGSCOPE_SKIP_OR_FAIL_UNDER_CI(why);
            const QString script = QStringLiteral("%1 link set lo up && %1 addr add 192.0.2.1/32 dev lo && "
                                                  "RINGSCOPE_NETNS_ADDRESS=192.0.2.1 exec %2 %3")
                                       .arg(ringscope::test::findProgram(QStringLiteral("ip")),
                                            QCoreApplication::applicationFilePath(),
                                            QLatin1String(QTest::currentTestFunction()));
            const auto r = runProgram(netns.front(), netns.mid(1) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script},
                                      {}, 60000);
            const QByteArray inner = r.out + r.err;
            qInfo("in a network namespace:\n%s", inner.constData());
            QVERIFY(r.finished);
            QCOMPARE(r.exitCode, 0);
            QVERIFY(inner.contains("PASS   : TestCli::writesElsewhereNeedTheOptIn()"));
            return;
        }
        QString why;
        const auto server = ringscope::test::startMemcached(&why, QStringLiteral("127.0.0.1,") + address);
        QVERIFY2(server, qPrintable(why));
        const auto stat = [&server](const char *name) { return ringscope::test::memcachedStat(server->port(), name); };
        const QString spec = address + QLatin1Char(':') + QString::number(server->port());
        const qint64 connections = stat("total_connections");
        for (const auto &args : writesTo(spec)) {
            const auto r = cli(args, "k v\n");
            QVERIFY2(r.exitCode == 2, r.err.constData());
            QVERIFY2(r.err.contains("is not a loopback address"), r.err.constData());
            QVERIFY2(r.err.contains("--allow-write"), r.err.constData());
        }
        // The server's word: not one connection since the last question (the
        // commands have exited, so nothing of theirs is still on its way).
        QCOMPARE(stat("total_connections"), connections + 1);

        const auto allowed = cli({QStringLiteral("set"), QStringLiteral("--servers"), spec, QStringLiteral("--preset"),
                                  QStringLiteral("modulo"), QStringLiteral("k"), QStringLiteral("v"),
                                  QStringLiteral("--allow-write")});
        QVERIFY2(allowed.exitCode == 0, allowed.err.constData());
        QCOMPARE(stat("cmd_set"), qint64{1});
        QCOMPARE(stat("curr_items"), qint64{1});
        const auto read = cli({QStringLiteral("get"), QStringLiteral("--servers"), spec, QStringLiteral("--preset"),
                               QStringLiteral("modulo"), QStringLiteral("k")});
        QCOMPARE(read.out, QByteArray("k\tv\n"));
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = cli(args, "k\n");
        QVERIFY(r.finished);
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
