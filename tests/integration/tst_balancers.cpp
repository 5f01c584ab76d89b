// Load balancing through a real nginx in front of the local demo cluster, as
// the source material shows it: `memcached_pass` to an upstream with
// round-robin, least_conn or `hash $arg_key consistent`. Reads go through
// nginx; each server's own `cmd_get` counter shows where they went.
#include "core/live/replicatedclient.h"
#include "core/live/statspoller.h"
#include "core/live/trafficgenerator.h"
#include "core/distribution/preset.h"
#include "core/local/democluster.h"
#include "core/net/httpreader.h"

#include <QTest>

#include <future>

using namespace ringscope::core;

namespace {

std::vector<std::uint64_t> getsPerServer(Client &client)
{
    std::vector<std::uint64_t> out;
    for (const auto &s : StatsPoller::pollSync(client)) {
        const auto it = s.raw.find("cmd_get");
        out.push_back(it == s.raw.end() ? 0 : std::stoull(it->second));
    }
    return out;
}

// Reads `keys` through nginx one at a time: how many hit.
int readThrough(IoRuntime &runtime, const Server &nginx, const std::vector<std::string> &keys)
{
    auto reader = std::make_shared<HttpReader>(runtime.context(), nginx, HttpReader::Options{});
    std::promise<int> result;
    auto hits = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void(std::size_t)>>();
    *next = [&, reader, hits, next](std::size_t i) {
        if (i == keys.size())
            return result.set_value(*hits);
        reader->get(keys[i], [&, i, hits, next](ClientError e, std::optional<std::string> v) {
            if (e)
                qWarning("reading %s through nginx: %s", keys[i].c_str(), e.message.c_str());
            *hits += v ? 1 : 0;
            (*next)(i + 1);
        });
    };
    runtime.post([next] { (*next)(0); });
    const int n = result.get_future().get();
    runtime.call([next, reader] {
        reader->shutdown();
        *next = nullptr; // breaks the cycle
    });
    return n;
}

} // namespace

class TestBalancers : public QObject {
    Q_OBJECT

    IoRuntime m_runtime;

private slots:
    void keysTravelAsTheyAre()
    {
        QCOMPARE(HttpReader::target("user:1=\xc3\xa9+"), std::optional<std::string>("/?key=user:1=\xc3\xa9+"));
        for (const char *bad : {"a b", "a&b", "a#b", "50%", "a?b", "tab\t", ""})
            QVERIFY2(!HttpReader::target(bad), bad);
    }

    void readsThroughNginx_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addRow("round-robin") << "nginx-rr";
        QTest::addRow("least_conn") << "nginx-least-conn";
        QTest::addRow("hash consistent") << "nginx-hash";
    }

    void readsThroughNginx()
    {
        QFETCH(QString, policy);
        const auto p = parseNginxPolicy(policy.toStdString());
        QVERIFY(p);
        DemoCluster cluster;
        QVERIFY(cluster.start(3));
        const auto nginx = cluster.startNginx(*p);
        QVERIFY2(nginx, nginx.error.c_str());
        QCOMPARE(nginx.value->host, std::string("127.0.0.1"));

        // Writes go to the servers themselves: to every server for the
        // balancers that may send a read anywhere, to the owner under nginx's
        // own consistent hash otherwise.
        std::string error;
        const bool hashed = *p == NginxPolicy::Hash;
        Client client(m_runtime, makeDistribution(*findPreset(hashed ? "nginx-consistent" : "modulo"), cluster.servers(),
                                                  std::nullopt, {}, error));
        ReplicationOptions o;
        if (!hashed) {
            o.mode = ReplicationMode::MultiMaster;
            o.replicas = 3;
        }
        ReplicatedClient writer(client, o);
        std::vector<std::string> keys;
        for (int i = 0; i < 600; ++i) {
            keys.push_back("page:" + std::to_string(i));
            QVERIFY(!writer.storeSync(encode::Store::Set, keys.back(), "html " + std::to_string(i)).error);
        }
        const auto before = getsPerServer(client);
        QCOMPARE(readThrough(m_runtime, *nginx.value, keys), 600);
        const auto after = getsPerServer(client);
        std::vector<std::uint64_t> gets;
        for (std::size_t s = 0; s < 3; ++s)
            gets.push_back(after[s] - before[s]); // `stats` itself is not counted as a get
        qInfo("%s: 600 reads through nginx reached the servers %llu / %llu / %llu times", qPrintable(policy),
              static_cast<unsigned long long>(gets[0]), static_cast<unsigned long long>(gets[1]),
              static_cast<unsigned long long>(gets[2]));
        if (hashed) {
            // Exactly where our nginx-consistent preset puts each key.
            std::vector<std::uint64_t> predicted(3);
            for (const auto &k : keys)
                ++predicted[client.distribution().owner(k)];
            QCOMPARE(gets, predicted);
        } else {
            // One nginx worker, reads one at a time over one connection: plain
            // round-robin takes the servers in turn, and least_conn, with no
            // connection ever busy, breaks every tie by the same round-robin.
            QCOMPARE(gets, (std::vector<std::uint64_t>{200, 200, 200}));
        }
    }

    // The traffic generator reads through nginx; a killed server is skipped
    // by nginx (memcached_next_upstream) and the reads keep hitting.
    void trafficThroughNginxSurvivesAKill()
    {
        DemoCluster cluster;
        QVERIFY(cluster.start(3));
        const auto nginx = cluster.startNginx(NginxPolicy::RoundRobin);
        QVERIFY2(nginx, nginx.error.c_str());
        std::string error;
        Client client(m_runtime, makeDistribution(*findPreset("modulo"), cluster.servers(), std::nullopt, {}, error));
        ReplicationOptions o;
        o.mode = ReplicationMode::MultiMaster;
        o.replicas = 3;
        o.writeQuorum = 1;
        ReplicatedClient writer(client, o);
        TrafficOptions t;
        t.rate = 1500;
        t.keySpace = 300;
        t.readVia = *nginx.value;
        TrafficGenerator traffic(writer, t);
        traffic.start();
        QTRY_VERIFY_WITH_TIMEOUT(traffic.stats().gets > 1000, 5000);
        // Warm: cache-aside has filled the popular keys (slower under sanitizers).
        QTRY_VERIFY_WITH_TIMEOUT(traffic.stats().hitRatio() > 0.5, 20000);
        QCOMPARE(cluster.kill(2), std::string());
        const TrafficStats atKill = traffic.stats();
        QTRY_VERIFY_WITH_TIMEOUT(traffic.stats().gets > atKill.gets + 1000, 5000);
        traffic.stop();
        const TrafficStats s = traffic.stats();
        const double hitsAfter = static_cast<double>(s.hits - atKill.hits) / static_cast<double>(s.gets - atKill.gets);
        qInfo("through nginx round-robin: hit ratio %.2f before the kill, %.2f after; %llu failed reads",
              atKill.hitRatio(), hitsAfter, static_cast<unsigned long long>(s.readErrors - atKill.readErrors));
        QVERIFY(hitsAfter > 0.8);
        QVERIFY(s.readErrors - atKill.readErrors < 20);
    }
};

QTEST_GUILESS_MAIN(TestBalancers)
#include "tst_balancers.moc"
