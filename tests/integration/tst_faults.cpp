// The fault matrix: a real memcached behind an in-process proxy that delays
// replies, slices them into single bytes, resets or closes mid-value, or
// flaps; an address that never answers a SYN; a blackhole route in a network
// namespace. Every call ends within its deadline (+50 ms), with the error
// that says what happened; a write whose reply was lost is *unknown*.
#include "tests/common/faultproxy.h"
#include "tests/common/processes.h"
#include "core/distribution/preset.h"
#include "core/net/client.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <QThread>

#include <future>

#include <cstdlib>
#include <mutex>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

using namespace ringscope::core;
using ringscope::test::FaultProxy;
using namespace std::chrono_literals;

namespace {

constexpr auto kDeadline = 200ms;
// Returning within the deadline is what these tests check, so the bound stays: the deadline
// is a timer on the client's own I/O thread, which nothing in the test blocks, and the
// slack covers its wake-up and the hop back to the caller on a loaded machine (-j2 with
// ASan or TSan in CI: the wake-up is late by a few ms there, not tens).
constexpr auto kSlack = 50ms;

std::unique_ptr<Client> clientFor(IoRuntime &runtime, std::uint16_t port, ClientOptions options = {})
{
    std::string error;
    options.pool.requestTimeout = kDeadline;
    options.pool.connection.connectTimeout = kDeadline;
    options.pool.probeFirst = 100ms;
    return std::make_unique<Client>(runtime, makeDistribution(*findPreset("modulo"), {{"127.0.0.1", port, 1, {}}},
                                                              std::nullopt, {}, error),
                                    options);
}

template <typename F>
std::chrono::milliseconds timed(F &&f)
{
    const auto t0 = Clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
}

// A listening socket whose accept queue is full: the kernel drops every
// further SYN, so a connect gets no answer at all, as with a blackholed host.
class SilentAddress {
public:
    SilentAddress()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_listen, 0);
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_filler = ::socket(AF_INET, SOCK_STREAM, 0);
        ::connect(m_filler, reinterpret_cast<sockaddr *>(&addr), sizeof addr); // fills the queue
    }
    ~SilentAddress()
    {
        ::close(m_filler);
        ::close(m_listen);
    }
    std::uint16_t port() const noexcept { return m_port; }

private:
    int m_listen = -1, m_filler = -1;
    std::uint16_t m_port = 0;
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

    IoRuntime m_runtime;
    std::unique_ptr<ringscope::test::ServerProcess> m_memcached;

private slots:
    void initTestCase()
    {
        QString error;
        m_memcached = ringscope::test::startMemcached(&error);
        QVERIFY2(m_memcached, qPrintable(error));
        auto direct = clientFor(m_runtime, m_memcached->port());
        QCOMPARE(direct->storeSync(encode::Store::Set, "big", std::string(20000, 'x') + "end").reply, Reply::Stored);
        QCOMPARE(direct->storeSync(encode::Store::Set, "medium", std::string(3000, 'y') + "end").reply, Reply::Stored);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(direct->storeSync(encode::Store::Set, "k" + std::to_string(i), "value " + std::to_string(i)).reply,
                     Reply::Stored);
    }

    // Replies cut into single bytes still parse, values intact.
    void slicedReplies()
    {
        FaultProxy proxy(m_memcached->port());
        FaultProxy::Faults f;
        f.slice = true;
        proxy.setFaults(f);
        auto client = clientFor(m_runtime, proxy.port(), [] {
            ClientOptions o;
            o.pool.requestTimeout = 10s; // thousands of one-byte writes take a while (more under sanitizers)
            return o;
        }());
        const auto [error, item] = client->getSync("medium");
        QVERIFY2(!error, error.message.c_str());
        QCOMPARE(item->value, std::string(3000, 'y') + "end");
        std::vector<std::string> keys;
        for (int i = 0; i < 50; ++i)
            keys.push_back("k" + std::to_string(i));
        std::promise<std::vector<std::optional<Item>>> p;
        client->getMany(keys, [&](std::vector<ClientError>, std::vector<std::optional<Item>> items) { p.set_value(std::move(items)); });
        const auto items = p.get_future().get();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(items[static_cast<std::size_t>(i)]->value, "value " + std::to_string(i));
    }

    // Each fault: the call ends by its deadline with the error that names it;
    // then the fault is lifted and the same client works again.
    void faultsEndWithinTheDeadline_data()
    {
        QTest::addColumn<int>("latency");
        QTest::addColumn<int>("resetAfter");
        QTest::addColumn<int>("closeAfter");
        QTest::addColumn<bool>("write");
        QTest::addColumn<int>("expected");
        QTest::addRow("late read") << 1000 << -1 << -1 << false << int(ClientErrc::Timeout);
        QTest::addRow("late write: unknown") << 1000 << -1 << -1 << true << int(ClientErrc::Unknown);
        QTest::addRow("reset mid-value") << 0 << 100 << -1 << false << int(ClientErrc::ConnectionLost);
        QTest::addRow("closed mid-value") << 0 << -1 << 5000 << false << int(ClientErrc::ConnectionLost);
        QTest::addRow("closed mid-line") << 0 << -1 << 3 << false << int(ClientErrc::ConnectionLost);
        QTest::addRow("reset before a write's reply: unknown") << 0 << 0 << -1 << true << int(ClientErrc::Unknown);
    }

    void faultsEndWithinTheDeadline()
    {
        QFETCH(int, latency);
        QFETCH(int, resetAfter);
        QFETCH(int, closeAfter);
        QFETCH(bool, write);
        QFETCH(int, expected);
        FaultProxy proxy(m_memcached->port());
        FaultProxy::Faults f;
        f.latency = std::chrono::milliseconds(latency);
        f.resetAfter = resetAfter;
        f.closeAfter = closeAfter;
        proxy.setFaults(f);
        auto client = clientFor(m_runtime, proxy.port());
        ClientError error;
        const auto took = timed([&] {
            error = write ? client->storeSync(encode::Store::Set, "w", "v").error : client->getSync("big").first;
        });
        qInfo("%s after %lld ms: %s", errcName(error.code), static_cast<long long>(took.count()), error.message.c_str());
        QCOMPARE(int(error.code), expected);
        QVERIFY(took <= kDeadline + kSlack);

        proxy.setFaults({});
        QTRY_VERIFY_WITH_TIMEOUT(!client->getSync("big").first, 3000);
        QCOMPARE(client->getSync("big").second->value.size(), std::size_t{20003});
    }

    // An address that never answers (SYNs dropped): connect fails by its deadline.
    void silentAddress()
    {
        SilentAddress silent;
        auto client = clientFor(m_runtime, silent.port());
        ClientError error;
        const auto took = timed([&] { error = client->getSync("k").first; });
        qInfo("no SYN-ACK: %s after %lld ms", error.message.c_str(), static_cast<long long>(took.count()));
        QVERIFY(error.code == ClientErrc::ConnectFailed || error.code == ClientErrc::Timeout);
        QVERIFY(took <= kDeadline + kSlack);
    }

    // Probes of an address that never answers a SYN: each probe's request
    // passes its deadline while still connecting, and the probe closes that
    // connection from the callback. The watchdog walking the queue must not
    // touch it afterwards (a use-after-free that ThreadSanitizer once saw).
    void probesOfASilentAddressEndCleanly()
    {
        SilentAddress silent;
        ClientOptions options;
        options.pool.requestTimeout = 60ms;                // shorter than the connect timeout:
        options.pool.connection.connectTimeout = 200ms;    // requests expire while connecting
        options.pool.probeFirst = 20ms;
        options.pool.probeMax = 40ms;
        std::string error;
        std::atomic<int> downs{0}; // before the client, whose handler counts here until it is gone
        Client client(m_runtime, makeDistribution(*findPreset("modulo"), {{"127.0.0.1", silent.port(), 1, {}}},
                                                  std::nullopt, {}, error),
                      options);
        client.addEventHandler([&downs](const HealthEvent &e) { downs += e.to == ServerState::Down ? 1 : 0; });
        QTRY_VERIFY_WITH_TIMEOUT((void(client.getSync("k")), downs.load() > 0), 5000);
        // The time is the point: 600 ms is some fifteen probe intervals (probeMax 40 ms), each
        // probe failed by its deadline while connecting; none may bring the server back. On a
        // loaded machine fewer probes run in that time, which can only make the check easier
        // to pass, never fail it wrongly.
        QThread::msleep(600);
        const auto [e, item] = client.getSync("k");
        QCOMPARE(e.code, ClientErrc::ServerDown);
        QCOMPARE(client.states().front(), ServerState::Down);
    }

    // A caller that makes its next request from the previous one's callback
    // (a bulk loader does) while the server is marked down: every request
    // fails at once, but from the loop, never inside the call that made it,
    // so 200,000 of them do not nest (they overflowed a stack once).
    void requestsToADownServerFailOutsideTheCall()
    {
        SilentAddress silent;
        auto client = clientFor(m_runtime, silent.port());
        QTRY_VERIFY_WITH_TIMEOUT(client->getSync("k").first.code == ClientErrc::ServerDown, 5000);
        struct Chain {
            Client *client = nullptr;
            int left = 200000;
            int depth = 0, deepest = 0, notDown = 0;
            std::promise<void> done;
            void next()
            {
                if (left-- == 0)
                    return done.set_value();
                ++depth;
                client->get("k", [this](ClientError e, std::optional<Item>) {
                    deepest = std::max(deepest, depth);
                    notDown += e.code == ClientErrc::ServerDown ? 0 : 1;
                    next();
                });
                --depth;
            }
        } chain;
        chain.client = client.get();
        m_runtime.post([&chain] { chain.next(); }); // from the I/O thread, as callbacks run
        QCOMPARE(chain.done.get_future().wait_for(60s), std::future_status::ready);
        QCOMPARE(chain.deepest, 0); // no callback ran inside a get()
        QCOMPARE(chain.notDown, 0);
    }

    // Those failures still reach every callback before the client's
    // destructor returns: a caller may free what its callbacks use after it.
    void destroyingTheClientDeliversEveryFailure()
    {
        SilentAddress silent;
        auto client = clientFor(m_runtime, silent.port());
        QTRY_VERIFY_WITH_TIMEOUT(client->getSync("k").first.code == ClientErrc::ServerDown, 5000);
        std::atomic<int> called{0};
        constexpr int kGets = 1000;
        for (int i = 0; i < kGets; ++i)
            client->get("k" + std::to_string(i), [&called](ClientError, std::optional<Item>) { ++called; });
        client.reset();
        QCOMPARE(called.load(), kGets);
    }

    // A blackhole route in a network namespace of its own (needs root or
    // user namespaces; fails rather than skips under CI): the CLI fails at
    // once with a clear error.
    void blackholeRouteInANetworkNamespace()
    {
        QString why;
        const QStringList netns = ringscope::test::networkNamespaceCommand(&why);
        if (netns.isEmpty())
            RINGSCOPE_SKIP_OR_FAIL_UNDER_CI(why);
        const QString ip = ringscope::test::findProgram(QStringLiteral("ip"));
        const QString script = QStringLiteral("%1 link set lo up && %1 route add blackhole 192.0.2.0/24 && exec %2 get "
                                              "--servers 192.0.2.7:11211 --preset modulo --timeout 200 key")
                                   .arg(ip, QStringLiteral(RINGSCOPE_CLI));
        QElapsedTimer timer;
        timer.start();
        const auto r = ringscope::test::runProgram(netns.front(), netns.mid(1) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script},
                                                   {}, 10000);
        qInfo("blackhole route: exit %d after %lld ms: %s", r.exitCode, timer.elapsed(), r.err.trimmed().constData());
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("192.0.2.7:11211"));
        // The route refuses at once (no deadline to wait for): the 2 s cover
        // starting unshare, ip and the CLI, ~50 ms here, a few hundred under
        // sanitizers with the other core busy; a 200 ms timeout waited out
        // would still pass, so the error's wording is what tells them apart.
        QVERIFY(timer.elapsed() < 2000);
    }

    // A server that goes up and down faster than the probe interval: the
    // ring changes a bounded number of times, and fewer as it goes on.
    void flappingServerIsDamped()
    {
        FaultProxy proxy(m_memcached->port());
        ClientOptions options;
        options.pool.probeFirst = 100ms;
        options.pool.probeMax = 2s;
        std::mutex mutex; // before the client: its handler writes these until it is gone
        std::vector<HealthEvent> events;
        auto client = clientFor(m_runtime, proxy.port(), options);
        client->addEventHandler([&](const HealthEvent &e) {
            std::lock_guard lock(mutex);
            events.push_back(e);
        });
        constexpr auto kRun = 4s;
        const auto end = Clock::now() + kRun;
        bool refuse = false;
        auto nextFlip = Clock::now();
        std::chrono::milliseconds slowest{0};
        while (Clock::now() < end) {
            if (Clock::now() >= nextFlip) {
                refuse = !refuse;
                FaultProxy::Faults f;
                f.refuse = refuse;
                proxy.setFaults(f);
                // Faster than any probe, and irregular (a fixed period could
                // stay in step with the doubling backoff).
                nextFlip += std::chrono::milliseconds(20 + std::rand() % 60);
            }
            slowest = std::max(slowest, timed([&] { (void)client->getSync("k1"); }));
            QThread::msleep(5);
        }
        std::size_t downs = 0;
        {
            std::lock_guard lock(mutex);
            for (const auto &e : events) {
                downs += e.to == ServerState::Down ? 1 : 0;
                if (qEnvironmentVariableIsSet("RINGSCOPE_VERBOSE"))
                    qInfo("%s -> %s: %s", stateName(e.from), stateName(e.to), e.reason.c_str());
            }
        }
        // With the defaults (1 s doubling to 60 s) the same flapping marks it
        // down about 6 times in its first minute and once a minute after.
        qInfo("flapping every 20-80 ms for 4 s, probes from 100 ms: marked down %zu times, slowest call %lld ms",
              downs, static_cast<long long>(slowest.count()));
        // Backoff 100, 200, 400, 800, 1600 ms (doubling while it flaps): at most 6 in 4 s.
        QVERIFY(downs >= 1);
        QVERIFY(downs <= 6);
        QVERIFY(slowest <= kDeadline + kSlack);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
