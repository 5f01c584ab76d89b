// A real nutcracker (twemproxy 0.5) in front of real memcached processes: keys
// are written through the proxy, then looked for on each server directly.
// Every key must sit on the server that our twemproxy preset, built from the
// very same nutcracker.yml, predicts — for each of its 12 hash functions,
// ketama and modula, weights, server names and hash_tag.
#include "tests/common/memcclient.h"
#include "tests/common/processes.h"
#include "tests/common/testkeys.h"
#include "core/placement/clusterplacement.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ringscope::core;
using ringscope::test::MemcClient;

class TestTwemproxyCompat : public QObject {
    Q_OBJECT

    std::vector<std::unique_ptr<ringscope::test::ServerProcess>> m_servers;
    QTemporaryDir m_dir;
    int m_row = 0;

private slots:
    void initTestCase()
    {
        if (ringscope::test::findProgram(QStringLiteral("nutcracker")).isEmpty())
            QFAIL("nutcracker is not installed (apt-get install nutcracker)");
        for (int i = 0; i < 3; ++i) {
            QString error;
            auto s = ringscope::test::startMemcached(&error);
            QVERIFY2(s, qPrintable(error));
            m_servers.push_back(std::move(s));
        }
        QVERIFY(m_dir.isValid());
    }

    void placement_data()
    {
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QString>("distribution");
        QTest::addColumn<bool>("named");
        QTest::addColumn<QString>("hashTag");
        const char *hashes[] = {"one_at_a_time", "md5", "crc16", "crc32", "crc32a", "fnv1_64",
                                "fnv1a_64", "fnv1_32", "fnv1a_32", "hsieh", "murmur", "jenkins"};
        for (const char *h : hashes) {
            QTest::addRow("ketama/%s", h) << QString::fromLatin1(h) << QStringLiteral("ketama") << false << QString();
            QTest::addRow("modula/%s", h) << QString::fromLatin1(h) << QStringLiteral("modula") << false << QString();
        }
        QTest::addRow("ketama/md5/named") << QStringLiteral("md5") << QStringLiteral("ketama") << true << QString();
        QTest::addRow("ketama/fnv1a_64/named") << QStringLiteral("fnv1a_64") << QStringLiteral("ketama") << true
                                               << QString();
        // twemproxy sorts servers by name (shorter first): these names are
        // not in list order, so modula's bucket order is put to the test.
        QTest::addRow("modula/md5/named") << QStringLiteral("md5") << QStringLiteral("modula") << true << QString();
        QTest::addRow("ketama/murmur/hash_tag") << QStringLiteral("murmur") << QStringLiteral("ketama") << false
                                                << QStringLiteral("{}");
    }

    void placement()
    {
        QFETCH(QString, hash);
        QFETCH(QString, distribution);
        QFETCH(bool, named);
        QFETCH(QString, hashTag);
        ++m_row;

        const quint16 listen = ringscope::test::freePort();
        QString yml = QStringLiteral("pool:\n  listen: 127.0.0.1:%1\n  hash: %2\n  distribution: %3\n"
                                     "  auto_eject_hosts: false\n  timeout: 2000\n")
                          .arg(listen)
                          .arg(hash, distribution);
        if (!hashTag.isEmpty())
            yml += QStringLiteral("  hash_tag: \"%1\"\n").arg(hashTag);
        yml += QStringLiteral("  servers:\n");
        for (std::size_t i = 0; i < m_servers.size(); ++i) {
            yml += QStringLiteral("   - 127.0.0.1:%1:%2").arg(m_servers[i]->port()).arg(i + 1);
            if (named)
                yml += QLatin1Char(' ') + QStringList{QStringLiteral("cache-z"), QStringLiteral("c-a"),
                                                      QStringLiteral("cache-mid")}[static_cast<qsizetype>(i)];
            yml += QLatin1Char('\n');
        }
        const QString conf = m_dir.filePath(QStringLiteral("row%1.yml").arg(m_row));
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(yml.toUtf8());
        }

        // Our prediction comes from the same file, through the CLI's parser.
        auto spec = loadClusterSpec("@" + conf.toStdString() + "#pool");
        QVERIFY2(spec, spec.error.c_str());
        std::string error;
        auto d = buildPlacement(*spec.value, {}, error);
        QVERIFY2(d, error.c_str());

        ringscope::test::ServerProcess proxy;
        QString startError;
        const QStringList args{QStringLiteral("-c"), conf,
                               QStringLiteral("-s"), QString::number(ringscope::test::freePort()),
                               QStringLiteral("-a"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("-o"), m_dir.filePath(QStringLiteral("row%1.log").arg(m_row)),
                               QStringLiteral("-p"), m_dir.filePath(QStringLiteral("row%1.pid").arg(m_row))};
        QVERIFY2(proxy.start(ringscope::test::findProgram(QStringLiteral("nutcracker")), args, listen, &startError),
                 qPrintable(startError));

        auto keys = ringscope::test::randomKeys(1500, 100 + static_cast<unsigned>(m_row), 4);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            keys[i] = "r" + std::to_string(m_row) + ":" + keys[i];
            if (keys[i].size() > 250)
                keys[i].resize(250);
            if (!hashTag.isEmpty() && i % 3 == 0) // some keys share a tag
                keys[i] = "user:{" + std::to_string(i % 17) + "}:" + keys[i].substr(0, 200);
        }
        MemcClient viaProxy("127.0.0.1", listen);
        for (const auto &key : keys) {
            const auto rc = viaProxy.set(key, "v");
            QVERIFY2(rc == MEMCACHED_SUCCESS, viaProxy.lastError());
        }

        std::vector<std::unique_ptr<MemcClient>> direct;
        for (const auto &s : m_servers)
            direct.push_back(std::make_unique<MemcClient>("127.0.0.1", s->port()));
        std::size_t mismatches = 0;
        QString first;
        for (const auto &key : keys) {
            const std::size_t predicted = d->owner(key);
            for (std::size_t i = 0; i < direct.size(); ++i) {
                const bool held = direct[i]->get(key).has_value();
                if (held != (i == predicted) && mismatches++ == 0)
                    first = QStringLiteral("key %1: predicted server %2, server %3 %4 it")
                                .arg(QString::fromLatin1(QByteArray::fromStdString(key).toHex()))
                                .arg(predicted)
                                .arg(i)
                                .arg(held ? QStringLiteral("holds") : QStringLiteral("lacks"));
            }
        }
        QVERIFY2(mismatches == 0, qPrintable(QString::number(mismatches) + QStringLiteral(" mismatches; first: ") + first));
    }
};

QTEST_GUILESS_MAIN(TestTwemproxyCompat)
#include "tst_twemproxycompat.moc"
