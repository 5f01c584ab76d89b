// The local demo cluster: real memcached processes that RingScope starts on
// 127.0.0.1 with UDP off, fails (SIGKILL), hangs (SIGSTOP), resumes and
// restarts empty; and that never outlive it, on a clean stop, on Ctrl-C or
// when it is killed itself.
#include "tests/common/processes.h"
#include "core/placement/clusterplacement.h"
#include "core/live/keyenumerator.h"
#include "core/placement/ownershipaudit.h"
#include "core/live/statspoller.h"
#include "core/distribution/preset.h"
#include "core/local/democluster.h"
#include "core/net/client.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <future>

using namespace ringscope::core;

namespace {

// Gone, or a zombie no one has reaped yet: either way no longer running.
bool dead(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const auto close = line.lastIndexOf(')');
    return close > 0 && close + 2 < line.size() && line[close + 2] == 'Z';
}

} // namespace

class TestDemoCluster : public QObject {
    Q_OBJECT

    IoRuntime m_runtime;

private slots:
    void startsLoopbackServersWithoutUdp()
    {
        DemoCluster cluster;
        auto started = cluster.start(3);
        QVERIFY2(started, started.error.c_str());
        QCOMPARE(cluster.nodes().size(), std::size_t{3});
        std::string error;
        Client client(m_runtime, makeDistribution(*findPreset("ketama"), cluster.servers(), std::nullopt, {}, error));
        const auto settings = StatsPoller::pollSync(client, nullptr, "settings");
        for (std::size_t i = 0; i < 3; ++i) {
            QVERIFY2(!settings[i].error, settings[i].error.message.c_str());
            QCOMPARE(settings[i].raw.at("udpport"), std::string("0"));
            QCOMPARE(settings[i].raw.at("inter"), std::string("127.0.0.1"));
            QCOMPARE(cluster.nodes()[i].server.host, std::string("127.0.0.1"));
            QCOMPARE(ringscope::test::memcachedPid(cluster.nodes()[i].server.port), cluster.nodes()[i].pid);
            QVERIFY(cluster.owns(cluster.nodes()[i].pid));
        }
        QVERIFY(!cluster.owns(::getpid()));
    }

    void failHangResumeRestart()
    {
        DemoCluster cluster;
        QVERIFY(cluster.start(2));
        std::string error;
        ClientOptions options;
        options.pool.requestTimeout = std::chrono::milliseconds(200);
        options.pool.probeFirst = std::chrono::milliseconds(200);
        Client client(m_runtime, makeDistribution(*findPreset("modulo"), {cluster.servers()[1]}, std::nullopt, {}, error),
                      options);
        QCOMPARE(client.storeSync(encode::Store::Set, "k", "v").reply, Reply::Stored);

        QCOMPARE(cluster.pause(1), std::string());
        QCOMPARE(cluster.nodes()[1].state, DemoCluster::ProcessState::Paused);
        QCOMPARE(client.getSync("k").first.code, ClientErrc::Timeout);
        QCOMPARE(cluster.resume(1), std::string());
        QTRY_VERIFY_WITH_TIMEOUT(!client.getSync("k").first, 5000);

        const qint64 pid = cluster.nodes()[1].pid;
        QCOMPARE(cluster.restart(1), std::string()); // a fresh process, empty
        QVERIFY(cluster.nodes()[1].pid != pid);
        QVERIFY(dead(pid));
        QTRY_VERIFY_WITH_TIMEOUT(!client.getSync("k").first, 5000);
        QVERIFY(!client.getSync("k").second);

        const qint64 killed = cluster.nodes()[0].pid;
        QCOMPARE(cluster.kill(0), std::string());
        QCOMPARE(cluster.nodes()[0].state, DemoCluster::ProcessState::Killed);
        QVERIFY(dead(killed));
        QVERIFY(!cluster.kill(0).empty()); // not running any more
        QVERIFY(!cluster.pause(7).empty()); // no such server
    }

    void keysThroughTwemproxyLandWhereThePresetSays()
    {
        DemoCluster cluster;
        QVERIFY(cluster.start(3));
        auto proxy = cluster.startTwemproxy("murmur", "ketama");
        QVERIFY2(proxy, proxy.error.c_str());
        std::string error;
        // Through the proxy: one server as far as this client knows.
        Client viaProxy(m_runtime, makeDistribution(*findPreset("modulo"), {*proxy.value}, std::nullopt, {}, error));
        for (int i = 0; i < 500; ++i)
            QCOMPARE(viaProxy.storeSync(encode::Store::Set, "proxied:" + std::to_string(i), "v").reply, Reply::Stored);
        // The audit reads the pool from the generated nutcracker.yml.
        auto spec = loadClusterSpec("@" + cluster.twemproxyConfig() + "#demo");
        QVERIFY2(spec, spec.error.c_str());
        auto placement = buildPlacement(*spec.value, {}, error);
        QVERIFY2(placement, error.c_str());
        Client direct(m_runtime, makeDistribution(*findPreset("modulo"), cluster.servers(), std::nullopt, {}, error));
        const auto held = KeyEnumerator::enumerateSync(direct, {});
        const auto audit = OwnershipAudit::compute(*placement, held);
        QCOMPARE(audit.totalKeys, std::uint64_t{500});
        QCOMPARE(audit.totalMisplaced, std::uint64_t{0});
        QVERIFY(cluster.owns(cluster.nodes()[0].pid));

        // A server added later joins the proxy's pool: keys written through
        // it afterwards land on all four as the rewritten pool says.
        const auto added = cluster.addServer();
        QVERIFY2(added, added.error.c_str());
        const auto again = cluster.reconfigureProxy();
        QVERIFY2(again, again.error.c_str());
        QCOMPARE(again.value->address(), proxy.value->address());
        const auto grownSpec = loadClusterSpec("@" + cluster.twemproxyConfig() + "#demo");
        QVERIFY2(grownSpec, grownSpec.error.c_str());
        QCOMPARE(grownSpec.value->servers.size(), std::size_t{4});
        const auto grown = buildPlacement(*grownSpec.value, {}, error);
        QVERIFY2(grown, error.c_str());
        Client viaRestarted(m_runtime, makeDistribution(*findPreset("modulo"), {*again.value}, std::nullopt, {}, error));
        for (int i = 0; i < 400; ++i)
            QCOMPARE(viaRestarted.storeSync(encode::Store::Set, "grown:" + std::to_string(i), "v").reply, Reply::Stored);
        const ServerList servers = cluster.servers();
        Client all(m_runtime, makeDistribution(*findPreset("modulo"), servers, std::nullopt, {}, error));
        int onTheNewServer = 0;
        for (int i = 0; i < 400; ++i) {
            const std::string key = "grown:" + std::to_string(i);
            const std::string owner = grown->servers()[grown->owner(key)].address();
            const auto at = std::find_if(servers.begin(), servers.end(), [&](const Server &s) { return s.address() == owner; });
            QVERIFY(at != servers.end());
            std::promise<bool> found;
            all.getAt(static_cast<std::size_t>(at - servers.begin()), key,
                      [&](ClientError e, std::optional<Item> item) { found.set_value(!e && item.has_value()); });
            QVERIFY2(found.get_future().get(), key.c_str()); // on the server the rewritten pool names
            onTheNewServer += owner == servers[*added.value].address() ? 1 : 0;
        }
        QVERIFY2(onTheNewServer > 40, std::to_string(onTheNewServer).c_str());
    }

    void destructorStopsEverything()
    {
        std::vector<qint64> pids;
        {
            DemoCluster cluster;
            QVERIFY(cluster.start(3));
            for (const auto &n : cluster.nodes())
                pids.push_back(n.pid);
            cluster.pause(2); // even a paused one
        }
        for (const auto pid : pids)
            QVERIFY(dead(pid));
    }

    void demoLeavesNoOrphans_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addRow("Ctrl-C") << SIGINT;
        QTest::addRow("SIGTERM") << SIGTERM;
        QTest::addRow("SIGKILL (a crash)") << SIGKILL;
    }

    void demoLeavesNoOrphans()
    {
        QFETCH(int, signal);
        ringscope::test::Child demo;
        QString error;
        QVERIFY2(demo.start(QStringLiteral(RINGSCOPE_CLI), {QStringLiteral("demo"), QStringLiteral("--servers"), QStringLiteral("2")},
                            &error),
                 qPrintable(error));
        const QString spec = QString::fromUtf8(demo.readLine(10000)).trimmed();
        QStringList servers = spec.split(QLatin1Char(','));
        QCOMPARE(servers.size(), 2);
        std::vector<qint64> pids;
        for (const auto &s : servers)
            pids.push_back(ringscope::test::memcachedPid(static_cast<quint16>(s.section(QLatin1Char(':'), 1).toUInt())));
        for (const auto pid : pids)
            QVERIFY(pid > 0 && !dead(pid));
        ::kill(static_cast<pid_t>(demo.pid()), signal);
        const auto code = demo.wait(5000);
        QVERIFY(code);
        for (const auto pid : pids)
            QTRY_VERIFY_WITH_TIMEOUT(dead(pid), 3000);
        if (signal != SIGKILL)
            QCOMPARE(*code, 0);
    }

    void missingMemcachedSaysWhichPackage()
    {
        auto found = DemoCluster::findMemcached("/nonexistent/memcached");
        QVERIFY(!found);
        DemoCluster::Options options;
        options.memcached = "/nonexistent/memcached";
        DemoCluster cluster(options);
        const auto started = cluster.addServer();
        QVERIFY(!started);
        QVERIFY2(started.error.find("not an executable memcached") != std::string::npos, started.error.c_str());
        // Where no memcached is found, the message names the package: asked
        // of directories without one, so that it runs on a machine with memcached too.
        const auto none = DemoCluster::findMemcached({}, "/nonexistent:/also/nonexistent");
        QVERIFY(!none);
        QVERIFY2(none.error.find("install the Debian package 'memcached'") != std::string::npos, none.error.c_str());
        QVERIFY2(none.error.find("apt-get install memcached") != std::string::npos, none.error.c_str());
        // …while the same search finds one where there is one.
        const QString memcached = ringscope::test::findProgram(QStringLiteral("memcached"));
        const auto here = DemoCluster::findMemcached({}, "/nonexistent:" + QFileInfo(memcached).absolutePath().toStdString());
        QVERIFY2(here, here.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDemoCluster)
#include "tst_democluster.moc"
