// A real nginx (nginx-light: memcached_pass to an upstream of real memcached
// processes), as the source material balances memcached. Every server holds
// every key with its own index as the value, so the body of each HTTP answer
// names the server nginx chose; it must be the one our nginx preset predicts,
// for `hash $key consistent;` and `hash $key;`, with and without weights.
#include "tests/common/memcclient.h"
#include "tests/common/processes.h"
#include "tests/common/testkeys.h"
#include "core/config/serverspec.h"
#include "core/distribution/failover.h"
#include "core/distribution/preset.h"

#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace ringscope::core;
using ringscope::test::MemcClient;

namespace {

// Keys nginx passes through untouched: $arg_k is not URL-decoded, so a
// percent-escape stays part of the key, both for the hash and for memcached.
std::vector<std::string> urlSafeKeys(std::size_t count, std::uint64_t seed)
{
    static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:~";
    std::mt19937_64 rng(seed);
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < count; ++i) {
        std::string k = "k" + std::to_string(i) + ":";
        const std::size_t len = 1 + rng() % 40;
        for (std::size_t j = 0; j < len; ++j)
            k.push_back(kChars[rng() % (sizeof kChars - 1)]);
        if (i % 9 == 0)
            k += "\xc3\xa9"; // raw UTF-8: the hashes see bytes >= 0x80
        keys.push_back(std::move(k));
    }
    return keys;
}

// One keep-alive HTTP/1.1 connection; returns the body of a 200, or nothing.
std::optional<QByteArray> httpGet(QTcpSocket &socket, const QByteArray &path)
{
    socket.write("GET " + path + " HTTP/1.1\r\nHost: ringscope\r\n\r\n");
    QByteArray buffer;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (true) {
        if (headerEnd < 0 && (headerEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buffer.left(headerEnd).toLower();
            const auto at = head.indexOf("content-length:");
            length = at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (!head.startsWith("http/1.1 200"))
                return std::nullopt;
        }
        if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + length)
            return buffer.mid(headerEnd + 4, length);
        if (!socket.waitForReadyRead(5000))
            return std::nullopt;
        buffer += socket.readAll();
    }
}

} // namespace

class TestNginxCompat : public QObject {
    Q_OBJECT

    std::vector<std::unique_ptr<ringscope::test::ServerProcess>> m_servers;
    std::vector<std::string> m_keys;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        if (ringscope::test::findProgram(QStringLiteral("nginx")).isEmpty())
            QFAIL("nginx is not installed (apt-get install nginx-light)");
        QVERIFY(m_dir.isValid());
        for (int i = 0; i < 4; ++i) {
            QString error;
            auto s = ringscope::test::startMemcached(&error);
            QVERIFY2(s, qPrintable(error));
            m_servers.push_back(std::move(s));
        }
        m_keys = urlSafeKeys(1500, 5);
        for (std::size_t i = 0; i < m_servers.size(); ++i) {
            MemcClient c("127.0.0.1", m_servers[i]->port());
            for (const auto &k : m_keys)
                QCOMPARE(c.set(k, std::to_string(i)), MEMCACHED_SUCCESS);
        }
    }

    void placement_data()
    {
        QTest::addColumn<QString>("directive");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QList<int>>("weights");
        QTest::addColumn<QList<int>>("down"); // upstream servers nothing listens on
        const QList<int> none;
        QTest::addRow("consistent") << QStringLiteral("hash $arg_k consistent;") << QStringLiteral("nginx-consistent")
                                    << QList<int>{1, 1, 1, 1} << none;
        QTest::addRow("consistent/weights") << QStringLiteral("hash $arg_k consistent;")
                                            << QStringLiteral("nginx-consistent") << QList<int>{1, 3, 2, 5} << none;
        QTest::addRow("hash") << QStringLiteral("hash $arg_k;") << QStringLiteral("nginx-hash") << QList<int>{1, 1, 1, 1}
                              << none;
        QTest::addRow("hash/weights") << QStringLiteral("hash $arg_k;") << QStringLiteral("nginx-hash")
                                      << QList<int>{2, 1, 4, 3} << none;
        // With servers down, memcached_next_upstream (error timeout) tries the
        // next peer of its own sequence: a rehash, or the next ring point.
        QTest::addRow("consistent/one down") << QStringLiteral("hash $arg_k consistent;") << QStringLiteral("nginx-consistent")
                                             << QList<int>{1, 3, 2, 5} << QList<int>{1};
        QTest::addRow("consistent/two down") << QStringLiteral("hash $arg_k consistent;") << QStringLiteral("nginx-consistent")
                                             << QList<int>{1, 1, 1, 1} << QList<int>{0, 2};
        QTest::addRow("hash/one down") << QStringLiteral("hash $arg_k;") << QStringLiteral("nginx-hash")
                                       << QList<int>{2, 1, 4, 3} << QList<int>{2};
        QTest::addRow("hash/two down") << QStringLiteral("hash $arg_k;") << QStringLiteral("nginx-hash")
                                       << QList<int>{1, 1, 1, 1} << QList<int>{1, 3};
    }

    void placement()
    {
        QFETCH(QString, directive);
        QFETCH(QString, preset);
        QFETCH(QList<int>, weights);
        QFETCH(QList<int>, down);

        ServerList list;
        QString upstream;
        std::vector<std::size_t> downIndexes;
        for (std::size_t i = 0; i < m_servers.size(); ++i) {
            const auto w = static_cast<std::uint32_t>(weights[static_cast<qsizetype>(i)]);
            const bool isDown = down.contains(static_cast<int>(i));
            const quint16 port = isDown ? ringscope::test::freePort() : m_servers[i]->port();
            if (isDown)
                downIndexes.push_back(i);
            list.push_back({"127.0.0.1", port, w, {}});
            upstream += QStringLiteral("    server 127.0.0.1:%1 weight=%2;\n").arg(port).arg(w);
        }
        std::string error;
        const Preset &chosen = *findPreset(preset.toStdString());
        auto d = makeDistribution(chosen, list, std::nullopt, {}, error);
        QVERIFY2(d, error.c_str());
        QCOMPARE(failoverOf(chosen.name).rule, Failover::NextUpstream);
        auto failover = FailoverPlacement::make(
            list, downIndexes, Failover::NextUpstream,
            [&](ServerList servers) { return makeDistribution(chosen, std::move(servers), std::nullopt, {}, error); }, error,
            chosen.name);
        QVERIFY2(failover, error.c_str());

        const quint16 port = ringscope::test::freePort();
        const QString dir = m_dir.path();
        const QString conf = QStringLiteral(
                                 "daemon off;\nmaster_process off;\nworker_processes 1;\npid %1/nginx.pid;\n"
                                 "error_log %1/error.log warn;\nevents { worker_connections 64; }\n"
                                 "http {\n  access_log off;\n  keepalive_requests 100000;\n  client_body_temp_path %1/body;\n"
                                 "  proxy_temp_path %1/proxy;\n  fastcgi_temp_path %1/fastcgi;\n"
                                 "  uwsgi_temp_path %1/uwsgi;\n  scgi_temp_path %1/scgi;\n"
                                 "  upstream memcached {\n    %2\n%3  }\n"
                                 "  server {\n    listen 127.0.0.1:%4;\n"
                                 "    location / {\n      set $memcached_key $arg_k;\n"
                                 "      memcached_pass memcached;\n    }\n  }\n}\n")
                                 .arg(dir, directive, upstream)
                                 .arg(port);
        const QString confPath = m_dir.filePath(QStringLiteral("nginx.conf"));
        {
            QFile f(confPath);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(conf.toUtf8());
        }
        ringscope::test::ServerProcess nginx;
        QString startError;
        QVERIFY2(nginx.start(ringscope::test::findProgram(QStringLiteral("nginx")),
                             {QStringLiteral("-p"), dir, QStringLiteral("-e"), dir + QStringLiteral("/error.log"),
                              QStringLiteral("-c"), confPath},
                             port, &startError),
                 qPrintable(startError));

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(3000));
        std::size_t mismatches = 0;
        QString first;
        for (const auto &key : m_keys) {
            const auto predictedOrNot = downIndexes.empty() ? std::optional<std::size_t>(d->owner(key)) : failover->owner(key);
            if (!predictedOrNot)
                continue; // past 21 tries nginx takes any live peer (round robin)
            const std::size_t predicted = *predictedOrNot;
            const auto body = httpGet(socket, "/?k=" + QByteArray::fromStdString(key));
            QVERIFY2(body, key.c_str());
            const std::size_t served = body->toULong();
            if (served != predicted && mismatches++ == 0)
                first = QStringLiteral("%1: nginx used server %2, predicted %3")
                            .arg(QString::fromStdString(key))
                            .arg(served)
                            .arg(predicted);
        }
        QVERIFY2(mismatches == 0, qPrintable(QString::number(mismatches) + QStringLiteral(" mismatches; first: ") + first));
    }
};

QTEST_GUILESS_MAIN(TestNginxCompat)
#include "tst_nginxcompat.moc"
