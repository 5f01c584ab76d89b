// The client library against real memcached processes (and a fake server for
// replies a real one never sends): placement on the wire, pipelining, key
// validation with zero bytes sent, garbage that closes only its connection,
// deadlines under SIGSTOP, fast failure under SIGKILL, down/up with probes.
#include "tests/common/fakeserver.h"
#include "tests/common/processes.h"
#include "tests/common/testkeys.h"
#include "core/config/discovery.h"
#include "core/distribution/preset.h"
#include "core/net/client.h"
#include "core/net/recyclingallocator.h"

#include <QElapsedTimer>
#include <QTest>

#include <csignal>
#include <future>
#include <mutex>
#include <thread>

using namespace ringscope::core;
using ringscope::test::FakeServer;
using ringscope::test::ServerProcess;

namespace {

std::unique_ptr<Distribution> ring(const ServerList &servers, const char *preset = "libmemcached-ketama-weighted")
{
    std::string error;
    return makeDistribution(*findPreset(preset), servers, std::nullopt, {}, error);
}

ServerList listOf(const std::vector<std::unique_ptr<ServerProcess>> &servers)
{
    ServerList list;
    for (const auto &s : servers)
        list.push_back({"127.0.0.1", s->port(), 1, {}});
    return list;
}

ClientOptions fastOptions(int timeoutMs = 200)
{
    ClientOptions o;
    o.pool.requestTimeout = std::chrono::milliseconds(timeoutMs);
    o.pool.connection.connectTimeout = std::chrono::milliseconds(timeoutMs);
    o.pool.probeFirst = std::chrono::milliseconds(300);
    return o;
}

} // namespace

class TestClient : public QObject {
    Q_OBJECT

    IoRuntime m_runtime;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;

private slots:
    void initTestCase()
    {
        for (int i = 0; i < 3; ++i) {
            QString error;
            auto s = ringscope::test::startMemcached(&error);
            QVERIFY2(s, qPrintable(error));
            m_servers.push_back(std::move(s));
        }
    }

    // A get's request is made with a block its thread freed before (no
    // malloc per get); a block freed on another thread is that thread's, and
    // one more than a thread keeps goes back to the heap.
    void requestsReuseTheirRoom()
    {
#if defined(__SANITIZE_ADDRESS__) || RINGSCOPE_HAS_ASAN
        QSKIP("nothing is kept under AddressSanitizer, so that it sees every free");
#else
        struct Probe {
            std::uint64_t payload[8]{};
        };
        const RecyclingAllocator<Probe> allocator;
        auto first = std::allocate_shared<Probe>(allocator);
        const void *room = first.get();
        first.reset();
        auto second = std::allocate_shared<Probe>(allocator);
        QCOMPARE(static_cast<const void *>(second.get()), room);
        // Freed on another thread: kept there (until it ends), not here.
        std::promise<void> freed, checked;
        std::thread other([p = std::move(second), &freed, &checked]() mutable {
            p.reset();
            freed.set_value();
            checked.get_future().wait();
        });
        freed.get_future().wait();
        auto third = std::allocate_shared<Probe>(allocator);
        const bool elsewhere = static_cast<const void *>(third.get()) != room;
        checked.set_value();
        other.join();
        QVERIFY(elsewhere);
        // Many freed at once: the first 64 are kept (the last of them is
        // handed out first), the rest go back to the heap.
        std::vector<std::shared_ptr<Probe>> many;
        for (int i = 0; i < 1000; ++i)
            many.push_back(std::allocate_shared<Probe>(allocator));
        const void *lastKept = many[63].get();
        many.clear();
        QCOMPARE(static_cast<const void *>(std::allocate_shared<Probe>(allocator).get()), lastKept);
#endif
    }

    void roundTripOnThePredictedServer()
    {
        const ServerList list = listOf(m_servers);
        // Placement, not timing: room for a first connect on a loaded machine
        // (it once took over 200 ms in CI's sanitizer stage, beside a build).
        Client client(m_runtime, ring(list), fastOptions(2000));
        std::vector<std::unique_ptr<Client>> direct;
        for (const auto &s : list)
            direct.push_back(std::make_unique<Client>(m_runtime, ring({s}), fastOptions(2000)));
        const auto keys = ringscope::test::randomKeys(300, 21, 5);
        for (const auto &k : keys) {
            const auto r = client.storeSync(encode::Store::Set, k, "v:" + k, 42, 0);
            QVERIFY2(!r.error && r.reply == Reply::Stored, r.error.message.c_str());
        }
        for (const auto &k : keys) {
            const auto [e, item] = client.getSync(k);
            QVERIFY(!e && item);
            QCOMPARE(item->value, "v:" + k);
            QCOMPARE(item->flags, 42u);
            const std::size_t owner = client.distribution().owner(k);
            for (std::size_t i = 0; i < direct.size(); ++i)
                QCOMPARE(direct[i]->getSync(k).second.has_value(), i == owner);
        }
        QCOMPARE(client.touchSync(keys[0], 100).reply, Reply::Touched);
        QCOMPARE(client.removeSync(keys[0]).reply, Reply::Deleted);
        QCOMPARE(client.removeSync(keys[0]).reply, Reply::NotFound);
        QVERIFY(!client.getSync(keys[0]).second);
        QCOMPARE(client.storeSync(encode::Store::Add, keys[1], "x").reply, Reply::NotStored);
    }

    void pipelinedRequestsAllAnswered()
    {
        Client client(m_runtime, ring(listOf(m_servers)), fastOptions(2000));
        constexpr int kCount = 2000;
        std::promise<void> finished;
        std::atomic<int> left{kCount};
        std::atomic<int> failures{0};
        for (int i = 0; i < kCount; ++i)
            client.store(encode::Store::Set, "pipe:" + std::to_string(i), std::to_string(i), 0, 0,
                         [&left, &failures, &finished](ClientError e, Reply r, const std::string &) {
                             if (e || r != Reply::Stored)
                                 ++failures;
                             if (--left == 0)
                                 finished.set_value();
                         });
        finished.get_future().wait();
        QCOMPARE(failures.load(), 0);
        std::vector<std::string> keys;
        for (int i = 0; i < kCount; ++i)
            keys.push_back("pipe:" + std::to_string(i));
        keys.push_back("pipe:absent");
        std::promise<std::pair<std::vector<ClientError>, std::vector<std::optional<Item>>>> many;
        client.getMany(keys, [&](std::vector<ClientError> e, std::vector<std::optional<Item>> items) {
            many.set_value({std::move(e), std::move(items)});
        });
        auto [errors, items] = many.get_future().get();
        for (int i = 0; i < kCount; ++i) {
            QVERIFY(!errors[static_cast<std::size_t>(i)]);
            QCOMPARE(items[static_cast<std::size_t>(i)]->value, std::to_string(i));
        }
        QVERIFY(!items.back());
    }

    // A burst far larger than the socket buffers: the client writes it in
    // pieces as it is made, then waits for the socket (asynchronously) and
    // goes on; every byte must arrive, in order, and the replies after it
    // must still match their requests.
    void burstLargerThanTheSocketBuffersArrivesWhole()
    {
        const ServerList one = {{"127.0.0.1", m_servers[0]->port(), 1, {}}};
        Client client(m_runtime, ring(one), fastOptions(10000));
        constexpr int kCount = 3000;
        auto valueOf = [](int i) {
            std::string v = "burst:" + std::to_string(i) + ":";
            while (v.size() < 8000)
                v += v.substr(0, 8000 - v.size());
            return v;
        };
        std::promise<void> written;
        std::atomic<int> left{kCount};
        std::atomic<int> failures{0};
        ReplyResult last;
        std::promise<void> replied;
        client.runtime().post([&] { // one turn of the loop: all of it is queued before the first write ends
            for (int i = 0; i < kCount; ++i)
                client.storeNoReply(encode::Store::Set, "burst:" + std::to_string(i), valueOf(i), 0, 0,
                                    [&](ClientError e) {
                                        if (e)
                                            ++failures;
                                        if (--left == 0)
                                            written.set_value();
                                    });
            client.store(encode::Store::Set, "burst:last", "end", 0, 0, [&](ClientError e, Reply r, std::string) {
                last = {std::move(e), r, {}};
                replied.set_value();
            });
        });
        QVERIFY(written.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        QVERIFY(replied.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        QCOMPARE(failures.load(), 0);
        QVERIFY2(!last.error && last.reply == Reply::Stored, last.error.message.c_str());
        std::vector<std::string> keys;
        for (int i = 0; i < kCount; ++i)
            keys.push_back("burst:" + std::to_string(i));
        std::promise<std::pair<std::vector<ClientError>, std::vector<std::optional<Item>>>> many;
        client.getMany(keys, [&](std::vector<ClientError> e, std::vector<std::optional<Item>> items) {
            many.set_value({std::move(e), std::move(items)});
        });
        auto [errors, items] = many.get_future().get();
        int whole = 0;
        for (int i = 0; i < kCount; ++i)
            whole += !errors[static_cast<std::size_t>(i)] && items[static_cast<std::size_t>(i)]
                     && items[static_cast<std::size_t>(i)]->value == valueOf(i);
        QCOMPARE(whole, kCount);
    }

    // The same burst to a server that has stopped (SIGSTOP: the kernel still
    // completes the connect, nothing reads): the socket fills and the I/O
    // thread must go on, not wait in a write; the requests fail by deadline.
    void burstToAStoppedServerFailsByDeadline()
    {
        QString error;
        auto server = ringscope::test::startMemcached(&error);
        QVERIFY2(server, qPrintable(error));
        server->signal(SIGSTOP);
        Client client(m_runtime, ring({{"127.0.0.1", server->port(), 1, {}}}), fastOptions(300));
        const std::string value(8000, 'x');
        std::promise<ReplyResult> replied;
        QElapsedTimer timer;
        timer.start();
        // Every noreply write is told exactly once: written (into the
        // kernel's buffers), Unknown (its write had started when the
        // connection closed), ConnectionLost (never sent) or Timeout (never
        // sent either: its deadline passed while connecting, which happens
        // when making the 24 MB burst takes longer than the deadline, as
        // under ThreadSanitizer).
        std::atomic<int> told{0}, oddErrors{0};
        std::string firstOdd; // I/O thread, read once all are told
        std::promise<void> allTold;
        client.runtime().post([&] { // queued while connecting, written at once after it
            for (int i = 0; i < 3000; ++i)
                client.storeNoReply(encode::Store::Set, "stopped:" + std::to_string(i), value, 0, 0, [&](ClientError e) {
                    if (e && e.code != ClientErrc::Unknown && e.code != ClientErrc::ConnectionLost
                        && e.code != ClientErrc::Timeout && oddErrors++ == 0)
                        firstOdd = std::string(errcName(e.code)) + ": " + e.message;
                    if (++told == 3000)
                        allTold.set_value();
                });
            client.store(encode::Store::Set, "stopped:last", "end", 0, 0, [&](ClientError e, Reply r, std::string) {
                replied.set_value({std::move(e), r, {}});
            });
        });
        auto result = replied.get_future();
        QVERIFY(result.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
        const ReplyResult r = result.get();
        QVERIFY(r.error.code == ClientErrc::Unknown || r.error.code == ClientErrc::Timeout);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_runtime.call([] { return 7; }), 7); // the I/O thread answers
        QVERIFY(allTold.get_future().wait_for(std::chrono::seconds(5)) == std::future_status::ready);
        QCOMPARE(m_runtime.call([&] { return told.load(); }), 3000);
        QVERIFY2(oddErrors.load() == 0, qPrintable(QStringLiteral("%1 told otherwise, first: %2")
                                                       .arg(oddErrors.load())
                                                       .arg(QString::fromStdString(firstOdd))));
        server->signal(SIGCONT);
    }

    // Noreply writes alone to a stopped server: no reply is awaited, so only
    // the write's own deadline can tell that the server stopped reading.
    // Every callback is told, within about the request timeout.
    void noReplyBurstToAStoppedServerIsToldByDeadline()
    {
        QString error;
        auto server = ringscope::test::startMemcached(&error);
        QVERIFY2(server, qPrintable(error));
        Client client(m_runtime, ring({{"127.0.0.1", server->port(), 1, {}}}), fastOptions(300));
        QCOMPARE(client.storeSync(encode::Store::Set, "before", "1").reply, Reply::Stored); // connected
        server->signal(SIGSTOP);
        const std::string value(8000, 'x');
        constexpr int kCount = 3000; // 24 MB: far more than the socket buffers hold
        std::atomic<int> told{0}, ok{0}, oddErrors{0};
        std::promise<void> allTold;
        QElapsedTimer timer;
        timer.start();
        client.runtime().post([&] {
            for (int i = 0; i < kCount; ++i)
                client.storeNoReply(encode::Store::Set, "quiet:" + std::to_string(i), value, 0, 0, [&](ClientError e) {
                    if (!e)
                        ++ok;
                    else if (e.code != ClientErrc::Unknown && e.code != ClientErrc::ConnectionLost
                             && e.code != ClientErrc::Timeout)
                        ++oddErrors;
                    if (++told == kCount)
                        allTold.set_value();
                });
        });
        const bool done = allTold.get_future().wait_for(std::chrono::seconds(5)) == std::future_status::ready;
        server->signal(SIGCONT);
        QVERIFY2(done, qPrintable(QStringLiteral("%1 of %2 told").arg(told.load()).arg(kCount)));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(oddErrors.load(), 0);
        QVERIFY(ok.load() < kCount); // some could not have been written
    }

    // A server that reads a long burst slowly, in short spells (SIGSTOP for
    // 150 ms, running for 5 ms, over and over), is not cut off: the write's
    // deadline (600 ms here) counts from the last time the socket took
    // bytes, not from the start of a write that takes seconds.
    void noReplyBurstToASlowReaderIsWritten()
    {
        QString error;
        auto server = ringscope::test::startMemcached(&error);
        QVERIFY2(server, qPrintable(error));
        Client client(m_runtime, ring({{"127.0.0.1", server->port(), 1, {}}}), fastOptions(600));
        QCOMPARE(client.storeSync(encode::Store::Set, "before", "1").reply, Reply::Stored); // connected
        const std::string value(8000, 's');
        constexpr int kCount = 3000; // 24 MB
        std::atomic<int> told{0}, failed{0};
        std::promise<void> allTold;
        auto allToldFuture = allTold.get_future();
        server->signal(SIGSTOP);
        client.runtime().post([&] {
            for (int i = 0; i < kCount; ++i)
                client.storeNoReply(encode::Store::Set, "slow:" + std::to_string(i), value, 0, 0, [&](ClientError e) {
                    if (e)
                        ++failed;
                    if (++told == kCount)
                        allTold.set_value();
                });
        });
        QElapsedTimer timer;
        timer.start();
        int spells = 0;
        while (allToldFuture.wait_for(std::chrono::milliseconds(150)) != std::future_status::ready
               && timer.elapsed() < 30000) {
            server->signal(SIGCONT);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            server->signal(SIGSTOP);
            ++spells;
        }
        server->signal(SIGCONT);
        QVERIFY(allToldFuture.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
        QCOMPARE(failed.load(), 0);
        QVERIFY2(timer.elapsed() > 600, qPrintable(QStringLiteral("took only %1 ms in %2 spells: not slow enough to "
                                                                   "test anything").arg(timer.elapsed()).arg(spells)));
        const auto [e, item] = client.getSync("slow:" + std::to_string(kCount - 1));
        QVERIFY2(!e, e.message.c_str());
        QVERIFY(item && item->value == value);
    }

    void inspectWithoutBumping()
    {
        Client client(m_runtime, ring(listOf(m_servers)), fastOptions(1000));
        QCOMPARE(client.storeSync(encode::Store::Set, "inspect:me", "12345", 7, 300).reply, Reply::Stored);
        const std::size_t owner = client.distribution().owner("inspect:me");
        QTest::qWait(2100); // the time is the point: the server's idle clock must pass 2 s (load only adds)
        for (int i = 0; i < 2; ++i) {
            const auto [e, info] = client.inspectSync(owner, "inspect:me");
            QVERIFY2(!e, e.message.c_str());
            QVERIFY(info.found);
            QCOMPARE(info.size, 5ull);
            QCOMPARE(info.flags, 7u);
            QVERIFY(info.ttl > 200 && info.ttl <= 300);
            QVERIFY2(info.idleSeconds >= 2, qPrintable(QString::number(info.idleSeconds))); // not bumped
        }
        const std::size_t other = (owner + 1) % m_servers.size();
        QVERIFY(!client.inspectSync(other, "inspect:me").second.found);
        // A key the text protocol cannot carry travels base64-encoded.
        const auto [e2, info2] = client.inspectSync(owner, std::string("bin\r\nkey", 8));
        QVERIFY2(!e2, e2.message.c_str());
        QVERIFY(!info2.found);
        QCOMPARE(client.inspectSync(owner, std::string()).first.code, ClientErrc::InvalidKey);
    }

    // A client over a bare server list (watching) sends to a named server
    // only: a key-addressed call is refused before anything is sent, since
    // there is no placement to pick its server.
    void aClientWithoutPlacementSendsOnlyToNamedServers()
    {
        const ServerList list = listOf(m_servers);
        Client writer(m_runtime, ring(list), fastOptions(1000));
        QCOMPARE(writer.storeSync(encode::Store::Set, "watch:me", "abc").reply, Reply::Stored);
        const std::size_t owner = writer.distribution().owner("watch:me");
        Client watcher(m_runtime, list, fastOptions(1000));
        QVERIFY(!watcher.hasPlacement());
        QCOMPARE(watcher.servers().size(), list.size());
        QCOMPARE(watcher.serverCount(), list.size());
        const auto [e, info] = watcher.inspectSync(owner, "watch:me");
        QVERIFY2(!e, e.message.c_str());
        QVERIFY(info.found);
        const Outcome stats = watcher.sendSync((owner + 1) % list.size(), "stats\r\n", Expect::Stats);
        QVERIFY2(!stats.error, stats.error.message.c_str());
        const auto [getError, item] = watcher.getSync("watch:me");
        QCOMPARE(getError.code, ClientErrc::InvalidKey);
        QVERIFY2(QString::fromStdString(getError.message).contains(QStringLiteral("places no keys")), getError.message.c_str());
        QVERIFY(!item);
        QCOMPARE(watcher.storeSync(encode::Store::Set, "watch:other", "x").error.code, ClientErrc::InvalidKey);
        QCOMPARE(watcher.removeSync("watch:me").error.code, ClientErrc::InvalidKey);
        QVERIFY(writer.getSync("watch:me").second.has_value()); // nothing was deleted
        // Named server: works as with a placement.
        std::promise<ClientError> got;
        watcher.getAt(owner, "watch:me", [&](ClientError err, std::optional<Item> it) { got.set_value(it ? err : ClientError{ClientErrc::Protocol, "no item"}); });
        const ClientError named = got.get_future().get();
        QVERIFY2(!named, named.message.c_str());
    }

    void elastiCacheDiscovery_data()
    {
        QTest::addColumn<bool>("configGet");
        QTest::addRow("config get cluster") << true;
        QTest::addRow("get AmazonElastiCache:cluster (before 1.4.14)") << false;
    }

    void elastiCacheDiscovery()
    {
        // A real memcached never sends this: a fake endpoint plays ElastiCache.
        QFETCH(bool, configGet);
        const std::string body = "7\nnode-a.example|127.0.0.1|" + std::to_string(m_servers[0]->port())
            + " node-b.example|127.0.0.1|" + std::to_string(m_servers[1]->port()) + "\n\r\n";
        FakeServer endpoint([&](const std::string &received) {
            if (received.find("config get cluster\r\n") != std::string::npos && received.find("get Amazon") == std::string::npos)
                return FakeServer::Action{configGet ? "CONFIG cluster 0 " + std::to_string(body.size()) + "\r\n" + body + "\r\nEND\r\n"
                                                    : std::string("ERROR\r\n"),
                                          false};
            if (received.find("get AmazonElastiCache:cluster\r\n") != std::string::npos)
                return FakeServer::Action{"VALUE AmazonElastiCache:cluster 0 " + std::to_string(body.size()) + "\r\n" + body
                                              + "\r\nEND\r\n",
                                          false};
            return FakeServer::Action{};
        });
        auto spec = discoverElastiCache(m_runtime, {"127.0.0.1", endpoint.port(), 1, {}});
        QVERIFY2(spec, spec.error.c_str());
        QCOMPARE(spec.value->servers.size(), std::size_t{2});
        QCOMPARE(spec.value->servers[1].port, m_servers[1]->port());
        QCOMPARE(spec.value->servers[0].name, std::string("node-a.example"));
        auto none = discoverElastiCache(m_runtime, {"127.0.0.1", m_servers[2]->port(), 1, {}});
        QVERIFY(!none);
        QVERIFY2(none.error.find("not an ElastiCache endpoint") != std::string::npos, none.error.c_str());
    }

    // Judged by a real memcached of its own: its counters after the bad keys,
    // and then after one good key on the same client. The good set goes out
    // after anything the bad ones could have sent, on the same connection,
    // so once it is STORED the server has counted all of it: no wait needed.
    void badKeysSendNothing()
    {
        QString why;
        const auto server = ringscope::test::startMemcached(&why);
        QVERIFY2(server, qPrintable(why));
        const auto stat = [&server](const char *name) { return ringscope::test::memcachedStat(server->port(), name); };
        const qint64 connectionsBefore = stat("total_connections");
        Client client(m_runtime, ring({{"127.0.0.1", server->port(), 1, {}}}), fastOptions(2000));
        for (const std::string &key : {std::string("k\r\nflush_all"), std::string(), std::string(251, 'k'),
                                      std::string("a b"), std::string("a\0b", 3)}) {
            const auto r = client.storeSync(encode::Store::Set, key, "v");
            QCOMPARE(r.error.code, ClientErrc::InvalidKey);
            QCOMPARE(client.getSync(key).first.code, ClientErrc::InvalidKey);
        }
        // Not even a connection: only the stats question itself was accepted since.
        QCOMPARE(stat("total_connections"), connectionsBefore + 1);
        const auto good = client.storeSync(encode::Store::Set, "good", "v");
        QVERIFY2(!good.error, good.error.message.c_str());
        QCOMPARE(good.reply, Reply::Stored);
        QCOMPARE(stat("total_connections"), connectionsBefore + 3); // two stats questions and the client's one
        QCOMPARE(stat("cmd_set"), qint64{1});
        QCOMPARE(stat("cmd_get"), qint64{0});
        QCOMPARE(stat("cmd_flush"), qint64{0});
        QCOMPARE(stat("curr_items"), qint64{1});
    }

    void valueTooLargeIsTheServersError()
    {
        Client client(m_runtime, ring(listOf(m_servers)), fastOptions(2000));
        const auto r = client.storeSync(encode::Store::Set, "big", std::string(2 * 1024 * 1024, 'x'));
        QVERIFY(!r.error);
        QCOMPARE(r.reply, Reply::ServerError);
        QVERIFY2(QString::fromStdString(r.text).contains(QStringLiteral("too large")), r.text.c_str());
    }

    void garbageFailsOnlyItsConnection_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("firstFails");
        QTest::addRow("truncated EN") << QByteArray("EN") << true;
        QTest::addRow("bogus VALUE length") << QByteArray("VALUE k 0 99999999999\r\n") << true;
        // The get is answered (a miss); the bytes after it close the connection.
        QTest::addRow("trailing bytes") << QByteArray("END\r\nEXTRA\r\n") << false;
        QTest::addRow("wrong reply") << QByteArray("STORED\r\n") << true;
        QTest::addRow("binary") << QByteArray("\x81\x00\x00\x00", 4) << true;
        QTest::addRow("short data") << QByteArray("VALUE k 0 10\r\nabc\r\nEND\r\n") << true;
        QTest::addRow("another key") << QByteArray("VALUE other 0 1\r\nx\r\nEND\r\n") << true;
    }

    void garbageFailsOnlyItsConnection()
    {
        QFETCH(QByteArray, reply);
        QFETCH(bool, firstFails);
        const std::string garbage = reply.toStdString();
        FakeServer fake([garbage](const std::string &received) {
            // First connection: garbage (then close when it is a truncation);
            // later ones: a proper miss.
            const bool first = received.find("get first") != std::string::npos;
            return FakeServer::Action{first ? garbage : std::string("END\r\n"), first && garbage == "EN"};
        });
        Client client(m_runtime, ring({{"127.0.0.1", fake.port(), 1, {}}}), fastOptions());
        const auto [e1, item1] = client.getSync("first");
        if (firstFails)
            QVERIFY2(e1.code == ClientErrc::Protocol || e1.code == ClientErrc::ConnectionLost
                         || e1.code == ClientErrc::Timeout,
                     e1.message.c_str());
        else
            QVERIFY2(!e1, e1.message.c_str());
        QVERIFY(!item1);
        QTest::qWait(20); // let the garbage arrive and close that connection
        const auto [e2, item2] = client.getSync("second");
        QVERIFY2(!e2, e2.message.c_str());
        QVERIFY(!item2);
    }

    void unsolicitedReplyIsRefused()
    {
        FakeServer fake([](const std::string &) { return FakeServer::Action{"END\r\n", false}; },
                        "VALUE never 0 1\r\nx\r\nEND\r\n");
        Client client(m_runtime, ring({{"127.0.0.1", fake.port(), 1, {}}}), fastOptions());
        // The greeting arrives with no request out: that connection is dropped;
        // the request itself either got its reply first or fails cleanly.
        const auto [e, item] = client.getSync("k");
        QVERIFY(!item);
        QVERIFY2(e.code == ClientErrc::Protocol || e.code == ClientErrc::ConnectionLost, e.message.c_str());
    }

    void sigkillFailsFast()
    {
        QString error;
        auto victim = ringscope::test::startMemcached(&error);
        QVERIFY2(victim, qPrintable(error));
        Client client(m_runtime, ring({{"127.0.0.1", victim->port(), 1, {}}}), fastOptions(500));
        QCOMPARE(client.storeSync(encode::Store::Set, "k", "v").reply, Reply::Stored);
        victim->signal(SIGKILL);
        // Dead once its port refuses (not after a fixed wait). The idle
        // connection's EOF may or may not have been read by then; either
        // way the next request fails at once, and the next connect is refused.
        QTRY_VERIFY_WITH_TIMEOUT(!ringscope::test::waitForPort(victim->port(), 1), 5000);
        QElapsedTimer t;
        t.start();
        const auto [e, item] = client.getSync("k");
        QVERIFY2(e.code == ClientErrc::ConnectionLost || e.code == ClientErrc::ConnectFailed, e.message.c_str());
        // "Fast" is against the 500 ms deadline a hang would wait out: half of
        // it leaves a loaded 2-core machine (-j2, sanitizers) room, and a
        // failure found by the deadline still cannot pass.
        QVERIFY2(t.elapsed() < 250, qPrintable(QString::number(t.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(client.states().front(), ServerState::Down, 1000);
        t.restart();
        QCOMPARE(client.getSync("k").first.code, ClientErrc::ServerDown);
        QVERIFY2(t.elapsed() < 250, qPrintable(QString::number(t.elapsed()))); // no connect, no deadline
    }

    void sigstopIsCaughtByTheDeadlineThenProbedBackUp()
    {
        QString error;
        auto victim = ringscope::test::startMemcached(&error);
        QVERIFY2(victim, qPrintable(error));
        std::mutex mutex; // before the client: its handler writes these until it is gone
        std::vector<HealthEvent> events;
        Client client(m_runtime, ring({{"127.0.0.1", victim->port(), 1, {}}}), fastOptions(200));
        client.addEventHandler([&](const HealthEvent &e) {
            std::lock_guard lock(mutex);
            events.push_back(e);
        });
        QCOMPARE(client.storeSync(encode::Store::Set, "k", "v").reply, Reply::Stored);
        victim->signal(SIGSTOP);

        QElapsedTimer t;
        t.start();
        const auto [e1, i1] = client.getSync("k");
        const auto first = t.elapsed();
        QVERIFY2(e1.code == ClientErrc::Timeout, (std::string(errcName(e1.code)) + ": " + e1.message).c_str());
        // Ends by its own 200 ms deadline: never before it, and well before a
        // second deadline could pass (under -j2 and sanitizers a call returns
        // up to ~100 ms late; 50 ms of slack was crossed).
        QVERIFY2(first >= 190 && first < 390, qPrintable(QString::number(first)));
        const auto w = client.storeSync(encode::Store::Set, "k", "w");
        QCOMPARE(w.error.code, ClientErrc::Unknown); // sent, never answered: it may have happened
        QVERIFY2(t.elapsed() < 3 * 200, qPrintable(QString::number(t.elapsed()))); // two deadlines, not three
        QCOMPARE(client.states().front(), ServerState::Down);
        QCOMPARE(client.getSync("k").first.code, ClientErrc::ServerDown);

        victim->signal(SIGCONT);
        QTRY_COMPARE_WITH_TIMEOUT(client.states().front(), ServerState::Up, 5000);
        const auto [e3, i3] = client.getSync("k");
        QVERIFY(!e3 && i3);
        std::lock_guard lock(mutex);
        QVERIFY(events.size() >= 3);
        QCOMPARE(events[0].to, ServerState::Suspect);
        QCOMPARE(events[1].to, ServerState::Down);
        QCOMPARE(events.back().to, ServerState::Up);
        QVERIFY(events.back().when > events[1].when);
    }
};

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
