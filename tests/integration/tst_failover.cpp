// Where the real clients and proxies put keys once a server is down, against
// RingScope's failover placement (ringscope-cli place --down): the real
// python-memcached (its own _get_server, and keys set through it found on
// the predicted servers) and a real nutcracker with auto_eject_hosts (keys
// written through the proxy after it ejected a killed backend, found where
// predicted), over several hashes, distributions and weights.
#include "tests/common/memcclient.h"
#include "tests/common/processes.h"
#include "tests/common/testkeys.h"

#include "core/placement/clusterplacement.h"
#include "core/distribution/failover.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ringscope::core;
using ringscope::test::MemcClient;
using ringscope::test::ServerProcess;

namespace {

std::unique_ptr<FailoverPlacement> failoverFor(const ClusterSpec &spec, const std::vector<std::size_t> &down,
                                               Failover rule, const PlacementChoice &choice = {})
{
    std::string error;
    return FailoverPlacement::make(
        spec.servers, down, rule,
        [&](ServerList servers) {
            ClusterSpec part = spec;
            part.servers = std::move(servers);
            return buildPlacement(part, choice, error);
        },
        error);
}

// Every key on exactly its predicted server (none when the prediction is "-").
QString checkHeld(const std::vector<std::string> &keys, const FailoverPlacement &p,
                  const std::vector<std::unique_ptr<MemcClient>> &direct, const std::vector<std::size_t> &down)
{
    std::size_t mismatches = 0;
    QString first;
    for (const auto &key : keys) {
        const auto predicted = p.owner(key);
        for (std::size_t i = 0; i < direct.size(); ++i) {
            if (std::find(down.begin(), down.end(), i) != down.end())
                continue;
            const bool held = direct[i]->get(key).has_value();
            if (held != (predicted == i) && mismatches++ == 0)
                first = QStringLiteral("key %1: predicted %2, server %3 %4 it")
                            .arg(QString::fromLatin1(QByteArray::fromStdString(key).toHex()))
                            .arg(predicted ? QString::number(*predicted) : QStringLiteral("-"))
                            .arg(i)
                            .arg(held ? QStringLiteral("holds") : QStringLiteral("lacks"));
        }
    }
    return mismatches == 0 ? QString() : QString::number(mismatches) + QStringLiteral(" mismatches; first: ") + first;
}


// A cluster with some servers down: real memcached where a server is up, a
// port nothing listens on (connect refused, as after a kill) where it is down.
struct PartlyDown {
    std::vector<std::unique_ptr<ServerProcess>> servers; // null where down
    QStringList parts;                                   // host:port, with ":weight" when asked
    std::vector<std::size_t> down;

    bool start(const QList<int> &weights, const QList<int> &downList, bool withWeights, QString *error)
    {
        for (int i = 0; i < weights.size(); ++i) {
            quint16 port = ringscope::test::freePort();
            if (downList.contains(i)) {
                down.push_back(static_cast<std::size_t>(i));
                servers.push_back(nullptr);
            } else {
                auto s = ringscope::test::startMemcached(error);
                if (!s)
                    return false;
                port = s->port();
                servers.push_back(std::move(s));
            }
            parts << (withWeights ? QStringLiteral("127.0.0.1:%1:%2").arg(port).arg(weights[i])
                                  : QStringLiteral("127.0.0.1:%1").arg(port));
        }
        return true;
    }
    QString spec() const { return parts.join(QLatin1Char(',')); }
    QString address(std::size_t i) const { return parts[static_cast<qsizetype>(i)].section(QLatin1Char(':'), 0, 1); }

    // Empty when every key sits on exactly the server `rule` predicts for `preset`.
    QString check(const std::vector<std::string> &keys, const char *preset, Failover rule,
                  std::unique_ptr<FailoverPlacement> *placement = nullptr) const
    {
        auto parsed = loadClusterSpec(spec().toStdString());
        if (!parsed)
            return QString::fromStdString(parsed.error);
        auto p = failoverFor(*parsed.value, down, rule, {preset, {}, {}});
        if (!p)
            return QStringLiteral("no failover placement");
        std::vector<std::unique_ptr<MemcClient>> direct;
        for (const auto &s : servers)
            direct.push_back(std::make_unique<MemcClient>("127.0.0.1", s ? s->port() : 1));
        QString problem = checkHeld(keys, *p, direct, down);
        if (placement)
            *placement = std::move(p);
        return problem;
    }
};

} // namespace

class TestFailover : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_row = 0;

private slots:
    void initTestCase()
    {
        if (ringscope::test::findProgram(QStringLiteral("nutcracker")).isEmpty())
            QFAIL("nutcracker is not installed (apt-get install nutcracker)");
        QVERIFY(m_dir.isValid());
    }

    // python-memcached with servers down: its own _get_server and the
    // servers its sets reached agree with the Rehash rule, key for key, and
    // `ringscope-cli place --down` prints the same.
    void pythonMemcachedRehashes_data()
    {
        QTest::addColumn<QList<int>>("weights");
        QTest::addColumn<QList<int>>("down");
        QTest::addRow("4 servers, 1 down") << QList<int>{1, 1, 1, 1} << QList<int>{1};
        QTest::addRow("weights 1,3,2,1, heavy one down") << QList<int>{1, 3, 2, 1} << QList<int>{1};
        QTest::addRow("5 servers, 3 down") << QList<int>{1, 1, 2, 1, 1} << QList<int>{0, 2, 3};
        // Every bucket but one dead: some keys exhaust the 10 tries and fail.
        QTest::addRow("weights 5,1, heavy one down") << QList<int>{5, 1} << QList<int>{0};
    }

    void pythonMemcachedRehashes()
    {
        QFETCH(QList<int>, weights);
        QFETCH(QList<int>, down);
        ++m_row;
        PartlyDown c;
        QString error;
        QVERIFY2(c.start(weights, down, true, &error), qPrintable(error));
        const QString spec = c.spec();
        std::vector<std::string> keys;
        for (auto &k : ringscope::test::randomUtf8Keys(1500, 500 + static_cast<unsigned>(m_row)))
            if (k.size() <= 240)
                keys.push_back("f" + std::to_string(m_row) + ":" + k);
        const auto r = ringscope::test::runProgram(QStringLiteral("/usr/bin/python3"),
                                                   {QStringLiteral(RINGSCOPE_SOURCE_DIR "/tests/compat/failover_python.py"), spec},
                                                   QByteArray::fromStdString(ringscope::test::joinLines(keys)));
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());

        // Its _get_server, line for line, against the CLI.
        const auto ours = ringscope::test::runProgram(
            QStringLiteral(RINGSCOPE_CLI),
            {QStringLiteral("place"), QStringLiteral("--servers"), spec, QStringLiteral("--preset"),
             QStringLiteral("python-memcached"), QStringLiteral("--down"),
             [&] {
                 QStringList d;
                 for (const auto i : c.down)
                     d << c.address(i);
                 return d.join(QLatin1Char(','));
             }()},
            QByteArray::fromStdString(ringscope::test::joinLines(keys)));
        QCOMPARE(ours.exitCode, 0);
        QCOMPARE(ours.out, r.out);
        // With 5 of 6 buckets dead, about 16 % of keys hit a dead bucket ten times and fail.
        if (QByteArray(QTest::currentDataTag()).contains("5,1"))
            QVERIFY(r.out.count("\t-\n") > 50);

        // And the keys its sets wrote are where the rule says.
        const QString problem = c.check(keys, "python-memcached", Failover::Rehash);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // nutcracker with auto_eject_hosts: true, server_failure_limit: 1: a
    // killed backend is ejected on its first failure, and the keys written
    // through the proxy afterwards sit where the continuum of the live
    // servers alone puts them (Eject); with auto_eject_hosts: false the
    // requests for its keys fail (Fail) and the others stay put.
    void twemproxyEjects_data()
    {
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QString>("distribution");
        QTest::addColumn<bool>("eject");
        QTest::addColumn<bool>("named");
        QTest::addRow("ketama/fnv1a_64 weighted") << QStringLiteral("fnv1a_64") << QStringLiteral("ketama") << true << false;
        QTest::addRow("ketama/md5 named") << QStringLiteral("md5") << QStringLiteral("ketama") << true << true;
        QTest::addRow("ketama/murmur weighted") << QStringLiteral("murmur") << QStringLiteral("ketama") << true << false;
        QTest::addRow("modula/crc32a weighted") << QStringLiteral("crc32a") << QStringLiteral("modula") << true << false;
        QTest::addRow("modula/md5 named") << QStringLiteral("md5") << QStringLiteral("modula") << true << true;
        QTest::addRow("ketama/md5 no eject") << QStringLiteral("md5") << QStringLiteral("ketama") << false << false;
    }

    void twemproxyEjects()
    {
        QFETCH(QString, hash);
        QFETCH(QString, distribution);
        QFETCH(bool, eject);
        QFETCH(bool, named);
        ++m_row;
        std::vector<std::unique_ptr<ServerProcess>> servers;
        for (int i = 0; i < 4; ++i) {
            QString error;
            auto s = ringscope::test::startMemcached(&error);
            QVERIFY2(s, qPrintable(error));
            servers.push_back(std::move(s));
        }
        const quint16 listen = ringscope::test::freePort();
        QString yml = QStringLiteral("pool:\n  listen: 127.0.0.1:%1\n  hash: %2\n  distribution: %3\n"
                                     "  auto_eject_hosts: %4\n  server_failure_limit: 1\n"
                                     "  server_retry_timeout: 600000\n  timeout: 2000\n  servers:\n")
                          .arg(listen)
                          .arg(hash, distribution, eject ? QStringLiteral("true") : QStringLiteral("false"));
        const QStringList names{QStringLiteral("cache-z"), QStringLiteral("c-a"), QStringLiteral("cache-mid"),
                                QStringLiteral("b")};
        for (std::size_t i = 0; i < servers.size(); ++i)
            yml += QStringLiteral("   - 127.0.0.1:%1:%2%3\n")
                       .arg(servers[i]->port())
                       .arg(i % 2 == 0 ? 1 : 2)
                       .arg(named ? QLatin1Char(' ') + names[static_cast<qsizetype>(i)] : QString());
        const QString conf = m_dir.filePath(QStringLiteral("eject%1.yml").arg(m_row));
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(yml.toUtf8());
        }
        auto spec = loadClusterSpec("@" + conf.toStdString() + "#pool");
        QVERIFY2(spec, spec.error.c_str());
        QCOMPARE(spec.value->autoEjectHosts, std::optional<bool>(eject));
        const FailoverBehaviour client = failoverOf(spec.value->preset, spec.value->autoEjectHosts);
        QCOMPARE(client.rule, eject ? Failover::Eject : Failover::Fail);

        ServerProcess proxy;
        QString startError;
        QVERIFY2(proxy.start(ringscope::test::findProgram(QStringLiteral("nutcracker")),
                             {QStringLiteral("-c"), conf, QStringLiteral("-s"), QString::number(ringscope::test::freePort()),
                              QStringLiteral("-a"), QStringLiteral("127.0.0.1"), QStringLiteral("-o"),
                              m_dir.filePath(QStringLiteral("eject%1.log").arg(m_row)), QStringLiteral("-p"),
                              m_dir.filePath(QStringLiteral("eject%1.pid").arg(m_row))},
                             listen, &startError),
                 qPrintable(startError));

        const std::size_t victim = 1; // weight 2
        servers[victim]->signal(SIGKILL);
        servers[victim]->stop();
        auto all = failoverFor(*spec.value, {}, Failover::Fail);
        QVERIFY(all);
        MemcClient viaProxy("127.0.0.1", listen);
        // The first request for a key of the dead server fails, and (limit 1) ejects it.
        bool ejected = false;
        for (int i = 0; i < 2000 && !ejected; ++i) {
            const std::string probe = "probe:" + std::to_string(i);
            if (all->owner(probe) == victim)
                ejected = viaProxy.set(probe, "p") != MEMCACHED_SUCCESS;
        }
        QVERIFY2(ejected, "no request reached the killed server");

        std::vector<std::string> keys;
        for (auto &k : ringscope::test::randomKeys(1500, 900 + static_cast<unsigned>(m_row), 4))
            keys.push_back("t" + std::to_string(m_row) + ":" + k.substr(0, 200));
        auto p = failoverFor(*spec.value, {victim}, client.rule);
        QVERIFY(p);
        std::size_t refused = 0, predictedFails = 0;
        for (const auto &key : keys) {
            const bool stored = viaProxy.set(key, "v") == MEMCACHED_SUCCESS;
            const bool predicted = p->owner(key).has_value();
            predictedFails += predicted ? 0 : 1;
            refused += stored ? 0 : 1;
            QVERIFY2(stored == predicted, qPrintable(QStringLiteral("key %1: %2 through the proxy, predicted %3")
                                                         .arg(QString::fromStdString(key))
                                                         .arg(stored ? QStringLiteral("stored") : QStringLiteral("refused"))
                                                         .arg(predicted ? QStringLiteral("a server") : QStringLiteral("a failure"))));
        }
        QCOMPARE(refused, predictedFails);
        QCOMPARE(predictedFails > 0, !eject); // without eject, the dead server's keys fail
        std::vector<std::unique_ptr<MemcClient>> direct;
        for (const auto &s : servers)
            direct.push_back(std::make_unique<MemcClient>("127.0.0.1", s->port()));
        const QString problem = checkHeld(keys, *p, direct, {victim});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // libmemcached through its C API, with REMOVE_FAILED_SERVERS and a
    // failure limit of 1: once a set to the dead server has failed, its own
    // memcached_generate_hash sends every key where the live servers'
    // continuum puts it (Eject), and the sets land there; without the
    // setting, the dead server's keys keep failing (Fail).
    void libmemcachedRemovesFailedServers_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("remove");
        QTest::addColumn<QList<int>>("weights");
        QTest::addRow("ketama, remove") << QStringLiteral("libmemcached-ketama") << true << QList<int>{1, 1, 1, 1};
        QTest::addRow("ketama weighted, remove") << QStringLiteral("libmemcached-ketama-weighted") << true << QList<int>{1, 3, 2, 1};
        QTest::addRow("ketama, no remove") << QStringLiteral("libmemcached-ketama") << false << QList<int>{1, 1, 1, 1};
        QTest::addRow("modula, remove") << QStringLiteral("libmemcached-modula") << true << QList<int>{1, 1, 1, 1};
    }

    void libmemcachedRemovesFailedServers()
    {
        QFETCH(QString, preset);
        QFETCH(bool, remove);
        QFETCH(QList<int>, weights);
        ++m_row;
        const std::size_t victim = 1;
        std::vector<std::unique_ptr<ServerProcess>> servers;
        ClusterSpec spec;
        for (int i = 0; i < weights.size(); ++i) {
            quint16 port = ringscope::test::freePort();
            if (static_cast<std::size_t>(i) == victim) {
                servers.push_back(nullptr);
            } else {
                QString error;
                auto s = ringscope::test::startMemcached(&error);
                QVERIFY2(s, qPrintable(error));
                port = s->port();
                servers.push_back(std::move(s));
            }
            spec.servers.push_back({"127.0.0.1", port, static_cast<std::uint32_t>(weights[i]), {}});
        }
        memcached_st *m = memcached_create(nullptr);
        const auto cleanup = qScopeGuard([m] { memcached_free(m); });
        if (preset == QLatin1String("libmemcached-ketama"))
            QCOMPARE(memcached_behavior_set(m, MEMCACHED_BEHAVIOR_KETAMA, 1), MEMCACHED_SUCCESS);
        else if (preset == QLatin1String("libmemcached-ketama-weighted"))
            QCOMPARE(memcached_behavior_set(m, MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED, 1), MEMCACHED_SUCCESS);
        if (remove) {
            memcached_behavior_set(m, MEMCACHED_BEHAVIOR_REMOVE_FAILED_SERVERS, 1);
            memcached_behavior_set(m, MEMCACHED_BEHAVIOR_SERVER_FAILURE_LIMIT, 1);
        }
        memcached_behavior_set(m, MEMCACHED_BEHAVIOR_RETRY_TIMEOUT, 600);
        for (const auto &s : spec.servers)
            QCOMPARE(memcached_server_add_with_weight(m, s.host.c_str(), s.port, s.weight), MEMCACHED_SUCCESS);
        const FailoverBehaviour client = failoverOf(preset.toStdString());
        const Failover rule = remove && client.choices.size() > 1 ? Failover::Eject : Failover::Fail;
        auto p = failoverFor(spec, {victim}, rule, {preset.toStdString(), {}, {}});
        QVERIFY(p);
        auto full = failoverFor(spec, {}, Failover::Fail, {preset.toStdString(), {}, {}});
        // Until requests have found the server dead, libmemcached does not
        // know: the first fails to connect, the next is refused as "marked
        // dead" while the continuum is rebuilt; from then on, with removal,
        // the dead server's keys go to the live servers.
        int failures = 0;
        for (int i = 0; i < 4000 && failures < 2; ++i) {
            const std::string probe = "probe:" + std::to_string(i);
            if (full->owner(probe) == victim)
                failures += memcached_set(m, probe.data(), probe.size(), "p", 1, 0, 0) != MEMCACHED_SUCCESS ? 1 : 0;
        }
        QCOMPARE(failures, 2);

        std::size_t mismatches = 0, failed = 0;
        QString first;
        for (const auto &key : ringscope::test::randomKeys(2000, 700 + static_cast<unsigned>(m_row), 4)) {
            const auto predicted = p->owner(key);
            const memcached_return_t rc = memcached_set(m, key.data(), key.size(), "v", 1, 0, 0);
            failed += rc == MEMCACHED_SUCCESS ? 0 : 1;
            const bool ok = predicted ? rc == MEMCACHED_SUCCESS && memcached_generate_hash(m, key.data(), key.size()) == *predicted
                                      : rc != MEMCACHED_SUCCESS;
            if (!ok && mismatches++ == 0)
                first = QStringLiteral("key %1: libmemcached %2 to server %3, predicted %4")
                            .arg(QString::fromLatin1(QByteArray::fromStdString(key).toHex()))
                            .arg(QString::fromLatin1(memcached_strerror(m, rc)))
                            .arg(memcached_generate_hash(m, key.data(), key.size()))
                            .arg(predicted ? QString::number(*predicted) : QStringLiteral("-"));
        }
        QVERIFY2(mismatches == 0, qPrintable(QString::number(mismatches) + QStringLiteral(" mismatches; first: ") + first));
        QCOMPARE(failed > 0, rule == Failover::Fail);
    }

    // pymemcache's HashClient removes a node at its first failure
    // (retry_attempts=0; after 2 by default): its own rendezvous hash then
    // picks each key's next-highest score, as Eject over the live servers.
    void pymemcacheRemovesTheNode_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("victim");
        QTest::addRow("3 servers, the first down") << 3 << 0;
        QTest::addRow("5 servers, the fourth down") << 5 << 3;
    }

    void pymemcacheRemovesTheNode()
    {
        QFETCH(int, count);
        QFETCH(int, victim);
        ++m_row;
        PartlyDown c;
        QString error;
        QVERIFY2(c.start(QList<int>(count, 1), {victim}, false, &error), qPrintable(error));
        const QString spec = c.spec(), dead = c.parts[victim];
        std::vector<std::string> keys;
        // ASCII keys: HashClient refuses others unless allow_unicode_keys.
        for (auto &k : ringscope::test::randomKeys(1500, 800 + static_cast<unsigned>(m_row), 1000000))
            if (std::all_of(k.begin(), k.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
                keys.push_back("p" + std::to_string(m_row) + ":" + k.substr(0, 200));
        const auto r = ringscope::test::runProgram(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral(RINGSCOPE_SOURCE_DIR "/tests/compat/failover_pymemcache.py"), spec, dead},
            QByteArray::fromStdString(ringscope::test::joinLines(keys)));
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QCOMPARE(failoverOf("pymemcache").rule, Failover::Eject);
        const auto ours = ringscope::test::runProgram(
            QStringLiteral(RINGSCOPE_CLI),
            {QStringLiteral("place"), QStringLiteral("--servers"), spec, QStringLiteral("--preset"), QStringLiteral("pymemcache"),
             QStringLiteral("--down"), dead},
            QByteArray::fromStdString(ringscope::test::joinLines(keys)));
        QCOMPARE(ours.exitCode, 0);
        QCOMPARE(ours.out, r.out);
        const QString problem = c.check(keys, "pymemcache", Failover::Eject);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // spymemcached's MemcachedClient (KetamaConnectionFactory, its default
    // FailureMode.Redistribute) with nodes down: each key it sets lands on the
    // first active node of KetamaIterator's sequence, as Redistribute predicts.
    void spymemcachedRedistributes_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<int>>("down");
        QTest::addRow("4 servers, 1 down") << 4 << QList<int>{2};
        // 2 of 5 down: about one key in 600 finds all seven nodes of its sequence dead.
        QTest::addRow("5 servers, 2 down") << 5 << QList<int>{0, 3};
    }

    void spymemcachedRedistributes()
    {
        QFETCH(int, count);
        QFETCH(QList<int>, down);
        ++m_row;
        const QString java = ringscope::test::findProgram(QStringLiteral("java"));
        const QString jar = QStringLiteral("/usr/share/java/spymemcached.jar");
        if (java.isEmpty() || !QFile::exists(jar))
            QFAIL("java or spymemcached is not installed (apt-get install default-jdk-headless libspymemcached-java)");
        PartlyDown c;
        QString error;
        QVERIFY2(c.start(QList<int>(count, 1), down, false, &error), qPrintable(error));
        std::vector<std::string> keys;
        for (auto &k : ringscope::test::randomUtf8Keys(1000, 600 + static_cast<unsigned>(m_row)))
            if (k.size() <= 240)
                keys.push_back("s" + std::to_string(m_row) + ":" + k);
        const QString spec = c.spec();
        const auto r = ringscope::test::runProgram(
            java, {QStringLiteral("-cp"), jar, QStringLiteral(RINGSCOPE_SOURCE_DIR "/tests/compat/SpyFailover.java"), spec,
                   QString::number(down.size())},
            QByteArray::fromStdString(ringscope::test::joinLines(keys)), 180000);
        QVERIFY2(r.finished && r.exitCode == 0, r.err.right(3000).constData());
        QSet<QByteArray> failedBySpy;
        for (const QByteArray &line : r.out.split('\n'))
            if (!line.isEmpty())
                failedBySpy.insert(line);
        const FailoverBehaviour client = failoverOf("spymemcached-ketama");
        QCOMPARE(client.rule, Failover::Redistribute);
        std::unique_ptr<FailoverPlacement> p;
        const QString problem = c.check(keys, "spymemcached-ketama", Failover::Redistribute, &p);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QSet<QByteArray> predictedFailures;
        for (const auto &key : keys)
            if (!p->owner(key))
                predictedFailures.insert(QByteArray::fromStdString(key));
        QCOMPARE(failedBySpy, predictedFailures);
    }

    // diff --down counts, per server, what place --down prints key by key.
    void diffWithServersDownAgreesWithPlace()
    {
        const QStringList cluster{QStringLiteral("--servers"), QStringLiteral("a:1,b:1:3,c:1,d:2"), QStringLiteral("--preset"),
                                  QStringLiteral("twemproxy-ketama"), QStringLiteral("--down"), QStringLiteral("b:1,d:2")};
        const QByteArray keys = QByteArray::fromStdString(ringscope::test::joinLines(ringscope::test::randomKeys(3000, 77)));
        for (const QString &rule : {QStringLiteral("fail"), QStringLiteral("eject")}) {
            const QStringList args = cluster + QStringList{QStringLiteral("--failover"), rule};
            const auto placed = ringscope::test::runProgram(QStringLiteral(RINGSCOPE_CLI), QStringList{QStringLiteral("place")} + args, keys);
            QCOMPARE(placed.exitCode, 0);
            const auto diff = ringscope::test::runProgram(QStringLiteral(RINGSCOPE_CLI),
                                                          QStringList{QStringLiteral("diff"), QStringLiteral("--json")} + args, keys);
            QCOMPARE(diff.exitCode, 0);
            const auto j = QJsonDocument::fromJson(diff.out).object();
            QCOMPARE(j.value(QStringLiteral("failover")).toString(), rule);
            QCOMPARE(j.value(QStringLiteral("total_keys")).toInt(), 3000);
            QCOMPARE(j.value(QStringLiteral("failed")).toInt(), int(placed.out.count("\t-\n")));
            QHash<QString, int> after;
            for (const QByteArray &line : placed.out.split('\n'))
                if (!line.isEmpty())
                    ++after[QString::fromUtf8(line.mid(line.lastIndexOf('\t') + 1))];
            for (const auto v : j.value(QStringLiteral("servers")).toArray()) {
                const auto o = v.toObject();
                QCOMPARE(o.value(QStringLiteral("after")).toInt(), after.value(o.value(QStringLiteral("server")).toString()));
            }
            if (rule == QLatin1String("fail"))
                QCOMPARE(j.value(QStringLiteral("moved")).toInt(), 0); // without eject nothing moves: the keys fail
            else
                QCOMPARE(j.value(QStringLiteral("failed")).toInt(), 0);
        }
    }

    void badFailoverOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList place{QStringLiteral("place"), QStringLiteral("--servers"), QStringLiteral("a:1,b:1,c:1"),
                                QStringLiteral("--preset")};
        QTest::addRow("not in the cluster") << (place + QStringList{QStringLiteral("ketama"), QStringLiteral("--down"), QStringLiteral("d:1")})
                                            << QStringLiteral("--down: d:1 is not in the cluster");
        QTest::addRow("unknown rule") << (place + QStringList{QStringLiteral("ketama"), QStringLiteral("--down"), QStringLiteral("a:1"),
                                                              QStringLiteral("--failover"), QStringLiteral("retry")})
                                      << QStringLiteral("--failover 'retry': expected fail, eject, rehash, redistribute or next-upstream");
        QTest::addRow("not that client's") << (place + QStringList{QStringLiteral("python-memcached"), QStringLiteral("--down"),
                                                                   QStringLiteral("a:1"), QStringLiteral("--failover"), QStringLiteral("eject")})
                                           << QStringLiteral("--failover eject: python-memcached (_get_server retries) does not do that (it can: rehash)");
        QTest::addRow("failover alone") << (place + QStringList{QStringLiteral("ketama"), QStringLiteral("--failover"), QStringLiteral("eject")})
                                        << QStringLiteral("it needs --down");
    }

    void badFailoverOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = ringscope::test::runProgram(QStringLiteral(RINGSCOPE_CLI), args, "k\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
