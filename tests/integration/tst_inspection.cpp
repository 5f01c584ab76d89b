// Read-only inspection of a real cluster, through ringscope-cli: keys
// written by the real python-memcached client are found by `audit` on the
// servers python-memcached's preset predicts (and another preset finds
// exactly the keys it disagrees on); `stats`; the live commands' safety.
#include "tests/common/memcclient.h"
#include "tests/common/processes.h"
#include "tests/common/testkeys.h"
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

#include <map>
#include <set>

using namespace ringscope;

namespace {

test::RunResult cli(const QStringList &args, const QByteArray &input = {})
{
    return test::runProgram(QStringLiteral(RINGSCOPE_CLI), args, input, 60000);
}

} // namespace

class TestInspection : public QObject {
    Q_OBJECT

    std::vector<std::unique_ptr<test::ServerProcess>> m_servers;
    QString m_spec;
    std::vector<std::string> m_keys;

private slots:
    void initTestCase()
    {
        QStringList parts;
        for (int i = 0; i < 3; ++i) {
            QString error;
            auto s = test::startMemcached(&error);
            QVERIFY2(s, qPrintable(error));
            parts << QStringLiteral("127.0.0.1:%1").arg(s->port());
            m_servers.push_back(std::move(s));
        }
        m_spec = parts.join(QLatin1Char(','));
        // Text-protocol keys python-memcached accepts (no spaces or control bytes).
        for (const auto &k : test::randomUtf8Keys(4000, 31))
            if (m_keys.size() < 2000 && std::find(m_keys.begin(), m_keys.end(), k) == m_keys.end())
                m_keys.push_back(k);
        const auto r = test::runProgram(QStringLiteral("/usr/bin/python3"),
                                        {QStringLiteral(RINGSCOPE_SOURCE_DIR "/tests/compat/write_python.py"), m_spec},
                                        QByteArray::fromStdString(test::joinLines(m_keys)));
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    }

    void auditFindsPythonMemcachedKeysInPlace()
    {
        const auto r = cli({QStringLiteral("audit"), QStringLiteral("--servers"), m_spec, QStringLiteral("--preset"),
                            QStringLiteral("python-memcached"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("total_keys")].toInt(), 2000);
        QCOMPARE(j[QStringLiteral("misplaced")].toInt(), 0);
        int sum = 0;
        for (const auto &s : j[QStringLiteral("servers")].toArray()) {
            QCOMPARE(s.toObject()[QStringLiteral("owned")].toInt(), s.toObject()[QStringLiteral("keys")].toInt());
            sum += s.toObject()[QStringLiteral("keys")].toInt();
        }
        QCOMPARE(sum, 2000);
    }

    // The keys are where the real python-memcached put them; the ones an
    // audit under libmemcached-ketama-weighted lists are exactly those the
    // real libmemcached (KETAMA_WEIGHTED, its own memcached_generate_hash)
    // would look for on another server, held where a direct get finds them.
    void anotherPresetFindsExactlyTheKeysItDisagreesOn()
    {
        const auto r = cli({QStringLiteral("audit"), QStringLiteral("--servers"), m_spec, QStringLiteral("--preset"),
                            QStringLiteral("libmemcached-ketama-weighted"), QStringLiteral("--json"),
                            QStringLiteral("--list")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto j = QJsonDocument::fromJson(r.out).object();
        const auto servers = *core::parseServerList(m_spec.toStdString()).value;
        memcached_st *libmemcached = memcached_create(nullptr);
        const auto cleanup = qScopeGuard([libmemcached] { memcached_free(libmemcached); });
        QCOMPARE(memcached_behavior_set(libmemcached, MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED, 1), MEMCACHED_SUCCESS);
        for (const auto &s : servers)
            QCOMPARE(memcached_server_add_with_weight(libmemcached, s.host.c_str(), s.port, s.weight), MEMCACHED_SUCCESS);
        std::vector<std::unique_ptr<test::MemcClient>> direct;
        for (const auto &s : m_servers)
            direct.push_back(std::make_unique<test::MemcClient>("127.0.0.1", s->port()));
        std::set<std::string> expected;
        std::map<std::string, std::pair<std::size_t, std::size_t>> where; // held by, looked for on
        for (const auto &k : m_keys) {
            std::size_t held = direct.size();
            for (std::size_t i = 0; i < direct.size(); ++i)
                if (direct[i]->get(k))
                    held = i;
            QVERIFY2(held < direct.size(), k.c_str());
            const std::size_t looked = memcached_generate_hash(libmemcached, k.data(), k.size());
            where[k] = {held, looked};
            if (held != looked)
                expected.insert(k);
        }
        QVERIFY(!expected.empty());
        std::set<std::string> found;
        for (const auto &m : j[QStringLiteral("misplaced_keys")].toArray()) {
            const auto o = m.toObject();
            const std::string key = o[QStringLiteral("key")].toString().toStdString();
            found.insert(key);
            QVERIFY2(where.count(key), key.c_str());
            QCOMPARE(o[QStringLiteral("belongs_to")].toString().toStdString(), servers[where[key].second].address());
            QCOMPARE(o[QStringLiteral("held_by")].toString().toStdString(), servers[where[key].first].address());
        }
        QCOMPARE(j[QStringLiteral("misplaced")].toInt(), static_cast<int>(expected.size()));
        QVERIFY(found == expected);
    }

    void cappedEnumerationSamples()
    {
        const auto r = cli({QStringLiteral("audit"), QStringLiteral("--servers"), m_spec, QStringLiteral("--preset"),
                            QStringLiteral("python-memcached"), QStringLiteral("--json"), QStringLiteral("--cap"),
                            QStringLiteral("50")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int seen = 0;
        for (const auto &s : QJsonDocument::fromJson(r.out).object()[QStringLiteral("servers")].toArray()) {
            QCOMPARE(s.toObject()[QStringLiteral("keys")].toInt(), 50);
            QCOMPARE(s.toObject()[QStringLiteral("misplaced")].toInt(), 0);
            seen += s.toObject()[QStringLiteral("seen")].toInt();
        }
        QCOMPARE(seen, 2000);
    }

    void statsOfEveryServer()
    {
        const auto r = cli({QStringLiteral("stats"), QStringLiteral("--servers"), m_spec, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto servers = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(servers.size(), 3);
        int items = 0;
        for (std::size_t i = 0; i < 3; ++i) {
            const auto stats = servers[static_cast<qsizetype>(i)].toObject()[QStringLiteral("stats")].toObject();
            QCOMPARE(stats[QStringLiteral("pid")].toString().toLongLong(), m_servers[i]->pid());
            items += stats[QStringLiteral("curr_items")].toString().toInt();
        }
        QCOMPARE(items, 2000);
    }

    void liveCommands()
    {
        const QStringList base{QStringLiteral("--servers"), m_spec, QStringLiteral("--preset"),
                               QStringLiteral("python-memcached")};
        // Key and value are printed escaped (a backslash doubled, control bytes as \xHH), so a
        // value cannot forge a line; --json gives them exactly.
        const QByteArray key = QByteArray::fromStdString(m_keys[5]);
        QByteArray escaped = key;
        escaped.replace('\\', "\\\\");
        auto r = cli(QStringList{QStringLiteral("get")} + base + QStringList{QString::fromStdString(m_keys[5])});
        QCOMPARE(r.out, escaped + "\tv:" + escaped + "\n");
        r = cli(QStringList{QStringLiteral("get"), QStringLiteral("--json")} + base + QStringList{QString::fromStdString(m_keys[5])});
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("key")).toString().toUtf8(), key);
        QCOMPARE(json.value(QStringLiteral("value")).toString().toUtf8(), "v:" + key);
        r = cli(QStringList{QStringLiteral("set")} + base + QStringList{QStringLiteral("fresh"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        r = cli(QStringList{QStringLiteral("add")} + base + QStringList{QStringLiteral("fresh"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("NOT_STORED"));
        r = cli(QStringList{QStringLiteral("get"), QStringLiteral("--stdin")} + base, "fresh\nnope\n");
        QCOMPARE(r.out, QByteArray("fresh\t1\nnope\tMISS\n"));
        r = cli(QStringList{QStringLiteral("delete")} + base + QStringList{QStringLiteral("fresh")});
        QCOMPARE(r.exitCode, 0);
        r = cli(QStringList{QStringLiteral("delete")} + base + QStringList{QStringLiteral("fresh")});
        QCOMPARE(r.exitCode, 1);
        r = cli(QStringList{QStringLiteral("set")} + base + QStringList{QStringLiteral("bad key"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("space"));
        // Not this machine: no write without the opt-in, and no connection attempt.
        r = cli({QStringLiteral("set"), QStringLiteral("--servers"), QStringLiteral("192.0.2.1:11211"),
                 QStringLiteral("--preset"), QStringLiteral("ketama"), QStringLiteral("k"), QStringLiteral("v")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--allow-write"));
        r = cli({QStringLiteral("get"), QStringLiteral("--servers"), QStringLiteral("127.0.0.1:1"),
                 QStringLiteral("--preset"), QStringLiteral("ketama"), QStringLiteral("k")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("refused"));
    }
};

QTEST_GUILESS_MAIN(TestInspection)
#include "tst_inspection.moc"
