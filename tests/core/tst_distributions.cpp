// Distributions: published vectors where the real software is not packaged
// (mcrouter's Ch3/Crc32/WeightedCh3 tests, go-jump, pymemcache's rendezvous
// tests), and the properties each strategy promises (consistency, balance,
// distinct replicas, bounded load) on thousands of keys.
#include "core/placement/keyset.h"
#include "core/placement/redistributionplanner.h"
#include "core/distribution/continuum.h"
#include "core/distribution/hashtagdistribution.h"
#include "core/distribution/jumpdistribution.h"
#include "core/distribution/ketamapoints.h"
#include "core/distribution/mcrouterdistribution.h"
#include "core/distribution/memcachedproxydistribution.h"
#include "core/distribution/multiprobedistribution.h"
#include "core/distribution/preset.h"
#include "core/distribution/pymemcachedistribution.h"
#include "core/hash/hashfunctions.h"
#include "core/hash/md5.h"

#include <QTest>

#include <set>

using namespace ringscope::core;

namespace {

ServerList numbered(std::size_t n, const char *prefix = "10.0.0.")
{
    ServerList out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back({prefix + std::to_string(i + 1), 11211, 1, {}});
    return out;
}

std::unique_ptr<Distribution> make(const char *preset, ServerList servers)
{
    std::string error;
    auto d = makeDistribution(*findPreset(preset), std::move(servers), std::nullopt, {}, error);
    if (!d)
        qFatal("%s", error.c_str());
    return d;
}

std::vector<std::size_t> counts(const Distribution &d, const KeySet &keys)
{
    std::vector<std::size_t> c(d.servers().size());
    for (const auto o : assignOwners(d, keys, 1))
        ++c[o];
    return c;
}

std::string bytesMinus128To127(bool reversed)
{
    std::string key;
    for (int i = -128; i < 128; ++i)
        key.push_back(static_cast<char>(i));
    if (reversed)
        std::reverse(key.begin(), key.end());
    return key;
}

} // namespace

class TestDistributions : public QObject {
    Q_OBJECT

private slots:
    // Where a distribution says a key's owner follows from its position alone,
    // it must be exactly owner(): the desktop program relies on it to re-place
    // a million keys without hashing them again.
    void ownerAtPositionIsTheOwner()
    {
        ServerList list;
        for (int i = 0; i < 7; ++i)
            list.push_back({"10.0.1." + std::to_string(i + 1), static_cast<std::uint16_t>(11211 + i % 2),
                            static_cast<std::uint32_t>(1 + i % 3), {}});
        const auto keys = KeySet::synthetic(20000, 11);
        int rings = 0;
        for (const auto &p : allPresets()) {
            std::string error;
            auto d = makeDistribution(p, list, std::nullopt, {}, error);
            QVERIFY2(d, error.c_str());
            if (!d->ownerAt(0))
                continue;
            ++rings;
            for (std::size_t i = 0; i < keys.size(); ++i)
                QCOMPARE(*d->ownerAt(d->position(keys[i])), d->owner(keys[i]));
        }
        QVERIFY(rings >= 8); // the ketama family: libmemcached, libketama, twemproxy, spymemcached, nginx…
    }

    void mcrouterCh3Vectors()
    {
        using M = McrouterDistribution;
        QCOMPARE(M::furcHash("sample", 100), 97u);
        QCOMPARE(M::furcHash("sample", 1), 0u);
        QCOMPARE(M::furcHash("", 100), 72u);
        QCOMPARE(M::furcHash("", 1u << 23), 6173600u);
        QCOMPARE(M::furcHash("sample", 1u << 23), 5167780u);
        QCOMPARE(M::furcHash(bytesMinus128To127(false), 99999), 31015u);
        QCOMPARE(M::furcHash(bytesMinus128To127(true), 99999), 67101u);
        std::vector<int> three(3), ten(10);
        for (int i = 0; i < 1000; ++i)
            ++three[M::furcHash(std::to_string(i), 3)];
        for (int i = 0; i < 10000; ++i)
            ++ten[M::furcHash(std::to_string(i), 10)];
        QCOMPARE(three, (std::vector<int>{307, 342, 351}));
        QCOMPARE(ten, (std::vector<int>{995, 955, 1046, 968, 1032, 972, 1016, 1038, 1010, 968}));
    }

    void mcrouterCrc32Vectors()
    {
        auto d = make("mcrouter-crc32", numbered(100));
        QCOMPARE(d->owner("sample"), std::size_t{7});
        QCOMPARE(d->owner(""), std::size_t{0});
        auto big = make("mcrouter-crc32", numbered(99999));
        QCOMPARE(big->owner(bytesMinus128To127(false)), std::size_t{11697});
        QCOMPARE(big->owner(bytesMinus128To127(true)), std::size_t{97630});
    }

    void mcrouterWeightedCh3()
    {
        // Weights {1.0, 1.0, 0.7} as 10:10:7; mcrouter's reducedWeight test.
        ServerList s = numbered(3);
        s[0].weight = 10;
        s[1].weight = 10;
        s[2].weight = 7;
        auto d = make("mcrouter-ch3", s);
        std::vector<int> c(3);
        for (int i = 0; i < 1000; ++i)
            ++c[d->owner(std::to_string(i))];
        QCOMPARE(c, (std::vector<int>{341, 371, 288}));
        // Equal weights: plain Ch3.
        auto plain = make("mcrouter-ch3", numbered(100));
        QCOMPARE(plain->owner("sample"), std::size_t{97});
    }

    void mcrouterRoutingKey()
    {
        QCOMPARE(McrouterDistribution::routingKey("/region/cluster/foo|#|bar"), std::string_view("foo"));
        QCOMPARE(McrouterDistribution::routingKey("/region/foo"), std::string_view("/region/foo"));
        QCOMPARE(McrouterDistribution::routingKey("someprefix:1:|#|id=123"), std::string_view("someprefix:1:"));
        auto d = make("mcrouter-ch3", numbered(10));
        QCOMPARE(d->owner("/a/b/user:1|#|x"), d->owner("user:1"));
    }

    void jumpGoVectors()
    {
        const std::vector<int> one{0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 17, 17};
        const std::vector<int> beef{0, 1, 2, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 16, 16, 16};
        const std::vector<int> coffee{0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 15, 15, 15, 15};
        for (int n = 1; n <= 19; ++n) {
            QCOMPARE(JumpDistribution::jump(0, n), 0);
            QCOMPARE(JumpDistribution::jump(1, n), one[static_cast<std::size_t>(n - 1)]);
            QCOMPARE(JumpDistribution::jump(0xdeadbeef, n), beef[static_cast<std::size_t>(n - 1)]);
            QCOMPARE(JumpDistribution::jump(0x0ddc0ffeebadf00dull, n), coffee[static_cast<std::size_t>(n - 1)]);
        }
        const int guava[] = {0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83};
        for (int k = 0; k < 20; ++k)
            QCOMPARE(JumpDistribution::jump(static_cast<std::uint64_t>(k), 100), guava[k]);
        QCOMPARE(JumpDistribution::jump(10863919174838991ull, 11), 6);
        QCOMPARE(JumpDistribution::jump(2201, 100001), 22152);
    }

    void pymemcacheRendezvousTests()
    {
        // pymemcache's test_rendezvous.py, nodes named '0', '1', '2'. Our
        // nodes are "host:port", so reproduce its tie-free vectors through
        // the hash itself: murmur3("0-ok") and friends.
        auto score = [](const std::string &node, const std::string &key) {
            return PymemcacheDistribution::pythonMurmur3(node + "-" + key);
        };
        auto winner = [&](const std::vector<std::string> &nodes, const std::string &key) {
            std::string best;
            std::uint32_t high = 0;
            bool any = false;
            for (const auto &n : nodes) {
                const auto s = score(n, key);
                if (!any || s > high || (s == high && n > best)) {
                    high = s;
                    best = n;
                    any = true;
                }
            }
            return best;
        };
        QCOMPARE(winner({"0", "1", "2"}, "ok"), std::string("0"));
        QCOMPARE(winner({"0", "1", "2"}, "mykey"), std::string("1"));
        QCOMPARE(winner({"0", "1", "2"}, "wat"), std::string("2"));
        QCOMPARE(winner({"0", "1", "2"}, "lol"), std::string("2"));
        QCOMPARE(winner({"0", "1", "2", "3"}, "lol"), std::string("3"));
        QCOMPARE(winner({"0", "2"}, "mykey"), std::string("0"));
        // Non-ASCII: one byte per character, its low byte ('é' = U+00E9 -> 0xe9).
        QCOMPARE(PymemcacheDistribution::pythonMurmur3("k\xc3\xa9"), hashfn_murmur3("k\xe9"));
    }

    // Adding one server to n moves about 1/(n+1) of the keys under every
    // consistent method, and only onto the new server; modulo moves n/(n+1).
    void consistencyOnAdd_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<bool>("onlyToNew");
        for (const char *p : {"ketama", "libmemcached-ketama-weighted", "libmemcached-ketama", "libketama",
                              "twemproxy-ketama", "spymemcached-ketama", "nginx-consistent", "memcached-proxy-ring",
                              "memcached-proxy-ring-ketama", "memcached-proxy-ring-twemproxy",
                              "memcached-proxy-ring-evcache", "rendezvous", "pymemcache", "jump",
                              "memcached-proxy-jump", "mcrouter-ch3"})
            QTest::addRow("%s", p) << QString::fromLatin1(p) << 0.15 << 0.36 << true;
        // multiprobe: one point per server, so the newcomer's share depends on
        // the gap in front of its single point (8.5 % here): see multiprobeFollowsItsArcs.
        QTest::addRow("maglev") << QStringLiteral("maglev") << 0.15 << 0.36 << false;
        QTest::addRow("modulo") << QStringLiteral("modulo") << 0.70 << 0.80 << false;
        QTest::addRow("python-memcached") << QStringLiteral("python-memcached") << 0.70 << 0.80 << false;
        QTest::addRow("libmemcached-modula") << QStringLiteral("libmemcached-modula") << 0.70 << 0.80 << false;
    }

    void consistencyOnAdd()
    {
        QFETCH(QString, preset);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(bool, onlyToNew);
        const KeySet keys = KeySet::synthetic(20000, 3);
        auto before = make(preset.toLatin1().constData(), numbered(3));
        auto after = make(preset.toLatin1().constData(), numbered(4));
        const auto plan = planRedistribution(*before, *after, keys, 1);
        QVERIFY2(plan.fractionMoved() >= low && plan.fractionMoved() <= high,
                 qPrintable(QString::number(plan.fractionMoved())));
        if (onlyToNew)
            for (const auto &m : plan.moves)
                QCOMPARE(plan.servers[m.to].address, std::string("10.0.0.4:11211"));
        std::uint64_t in = 0, out = 0;
        for (const auto &s : plan.servers) {
            in += s.in;
            out += s.out;
            QCOMPARE(s.before - s.out + s.in, s.after);
        }
        QCOMPARE(in, static_cast<std::uint64_t>(plan.moves.size()));
        QCOMPARE(out, in);
    }

    // Multi-probe: with 21 independent probes the owner is the server whose
    // point follows the closest probe, so a server's share follows from the
    // arcs alone: share_i = integral over t in [0, a_i] of n (1 - S(t))^(n-1),
    // S(t) = sum_j min(t, a_j) (a_j: the arc in front of point j, n probes).
    // The keys that move on an add are exactly the newcomer's share.
    void multiprobeFollowsItsArcs()
    {
        const KeySet keys = KeySet::synthetic(20000, 3);
        auto before = make("multiprobe", numbered(3));
        auto after = make("multiprobe", numbered(4));
        std::vector<RingPoint> points(after->points().begin(), after->points().end());
        QCOMPARE(points.size(), std::size_t{4});
        std::sort(points.begin(), points.end(), [](const RingPoint &a, const RingPoint &b) { return a.value < b.value; });
        std::vector<double> arcs(points.size());
        std::size_t newcomer = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const std::uint32_t previous = points[(i + points.size() - 1) % points.size()].value;
            arcs[i] = static_cast<double>(static_cast<std::uint32_t>(points[i].value - previous)) / 4294967296.0;
            if (points[i].server == 3)
                newcomer = i;
        }
        // S is linear between the sorted arc lengths, so the integral is exact piece by piece.
        constexpr double n = MultiProbeDistribution::kDefaultProbes;
        std::vector<double> sorted = arcs;
        std::sort(sorted.begin(), sorted.end());
        double expected = 0, from = 0, below = 0; // below: the sum of the arcs shorter than t
        for (std::size_t k = 0; k < sorted.size() && from < arcs[newcomer]; ++k) {
            const double to = std::min(sorted[k], arcs[newcomer]);
            const double longer = static_cast<double>(sorted.size() - k); // arcs with a_j >= t here
            const auto left = [&](double t) { return std::pow(1 - below - longer * t, n); };
            expected += (left(from) - left(to)) / longer;
            below += sorted[k];
            from = to;
        }
        const auto plan = planRedistribution(*before, *after, keys, 1);
        for (const auto &m : plan.moves)
            QCOMPARE(m.to, 3u); // only onto the new server
        const double moved = plan.fractionMoved();
        qInfo("multiprobe, 3 -> 4 servers: %.4f of the keys move, the arcs give %.4f", moved, expected);
        // 20,000 keys: one standard deviation of the measured share is ~0.003.
        QVERIFY2(std::abs(moved - expected) < 0.015, qPrintable(QStringLiteral("%1 vs %2").arg(moved).arg(expected)));
        QCOMPARE(static_cast<double>(counts(*after, keys)[3]) / 20000.0, moved);
    }

    void weightsGiveShares_data()
    {
        QTest::addColumn<QString>("preset");
        for (const char *p : {"ketama", "libmemcached-ketama-weighted", "twemproxy-ketama", "nginx-consistent",
                              "nginx-hash", "python-memcached", "rendezvous", "maglev", "spymemcached-ketama",
                              "libketama", "modulo", "multiprobe"})
            QTest::addRow("%s", p) << QString::fromLatin1(p);
    }

    void weightsGiveShares()
    {
        QFETCH(QString, preset);
        ServerList s = numbered(3);
        s[2].weight = 2; // expect 25% / 25% / 50%
        const KeySet keys = KeySet::synthetic(40000, 4);
        const auto c = counts(*make(preset.toLatin1().constData(), s), keys);
        const double share = static_cast<double>(c[2]) / 40000.0;
        QVERIFY2(share > 0.40 && share < 0.60, qPrintable(QString::number(share)));
    }

    void successorsAreDistinctAndStartAtOwner()
    {
        const KeySet keys = KeySet::synthetic(2000, 5);
        for (const Preset &p : allPresets()) {
            std::string error;
            auto d = makeDistribution(p, numbered(5), std::nullopt, {}, error);
            QVERIFY2(d, error.c_str());
            if (!d->deterministic())
                continue;
            for (const auto key : keys.views()) {
                const auto s = d->successors(key, 3);
                QCOMPARE(s.size(), std::size_t{3});
                QCOMPARE(std::set<std::size_t>(s.begin(), s.end()).size(), std::size_t{3});
                if (p.name != "bounded-load")
                    QCOMPARE(s.front(), d->owner(key));
            }
        }
    }

    void batchAssignEqualsOwner()
    {
        // assign() takes fast paths (MD5 in SIMD lanes); it must agree with owner().
        const KeySet keys = KeySet::synthetic(5003, 14);
        for (const Preset &p : allPresets()) {
            auto d = make(std::string(p.name).c_str(), numbered(7));
            if (!d->independentKeys())
                continue;
            std::vector<std::uint32_t> owners(keys.size());
            d->assign(keys.views(), owners);
            for (std::size_t i = 0; i < keys.size(); ++i)
                QCOMPARE(owners[i], static_cast<std::uint32_t>(d->owner(keys[i])));
        }
    }

    void ketamaTiesFirstOrLastWins()
    {
        const ServerList s = numbered(2);
        const std::vector<RingPoint> points{{100, 0}, {100, 1}, {200, 1}};
        const Continuum first(s, points, hashFunction(HashAlgorithm::Md5), Continuum::Ties::FirstWins);
        const Continuum last(s, points, hashFunction(HashAlgorithm::Md5), Continuum::Ties::LastWins);
        QCOMPARE(first.points().size(), std::size_t{2});
        QCOMPARE(first.points()[first.pointFor(50)].server, 0u);
        QCOMPARE(last.points()[last.pointFor(50)].server, 1u);
        QCOMPARE(first.pointFor(150), std::size_t{1});
        QCOMPARE(first.pointFor(201), std::size_t{0}); // wraps
        QCOMPARE(first.pointFor(0xffffffffu), std::size_t{0});
    }

    void boundedLoadRespectsCapacity()
    {
        PresetOptions o;
        o.loadFactor = 1.1;
        std::string error;
        auto d = makeDistribution(*findPreset("bounded-load"), numbered(8), std::nullopt, o, error);
        const KeySet keys = KeySet::synthetic(30000, 6);
        const auto c = counts(*d, keys);
        for (const auto n : c)
            QVERIFY2(n <= static_cast<std::size_t>(std::ceil(1.1 * 30000 / 8)), qPrintable(QString::number(n)));
    }

    void hashTagHashesTheTag()
    {
        QCOMPARE(HashTagDistribution::hashedPart("user:{42}:name", "{}"), std::string_view("42"));
        QCOMPARE(HashTagDistribution::hashedPart("user:{}:name", "{}"), std::string_view("user:{}:name"));
        QCOMPARE(HashTagDistribution::hashedPart("user:{42", "{}"), std::string_view("user:{42"));
        QCOMPARE(HashTagDistribution::hashedPart("$a$b", "$$"), std::string_view("a"));
        HashTagDistribution d(make("twemproxy-ketama", numbered(5)), "{}");
        QCOMPARE(d.owner("user:{42}:name"), d.owner("cart:{42}"));
    }

    // dist_ring_hash's MD5 omodes make the very points of clients already
    // checked against the real libraries: omode ketama is libketama's
    // "ip:port-i" with equal weights, omode twemproxy libmemcached's weighted
    // ketama ("host-i" on port 11211) with equal weights.
    void memcachedProxyRingModesMatchTheirNamesakes()
    {
        for (const std::uint16_t port : {std::uint16_t{11211}, std::uint16_t{11300}}) {
            ServerList s = numbered(5);
            for (auto &server : s)
                server.port = port;
            const auto points = [&](const char *preset) {
                std::vector<std::pair<std::uint32_t, std::uint32_t>> v;
                const auto d = make(preset, s); // held: the points are a view into it
                for (const auto &p : d->points())
                    v.emplace_back(p.value, p.server);
                return v;
            };
            QCOMPARE(points("memcached-proxy-ring-ketama"), points("libketama"));
            QCOMPARE(points("memcached-proxy-ring-twemproxy"), points("libmemcached-ketama-weighted"));
            QCOMPARE(make("memcached-proxy-ring-evcache", s)->points().size(), std::size_t{800});
        }
        const auto evcache = ketama::memcachedProxy({{"10.0.0.9", 11300, 1, {}}}, ketama::ProxyRingMode::Evcache);
        QCOMPARE(evcache.size(), std::size_t{160});
        QCOMPARE(evcache.front().value, Md5::word(Md5::digest("10.0.0.9/10.0.0.9:11300-0"), 0));
    }

    // 1.6.18's default omode fills one slot of its table: every key goes to
    // the last backend, and adding one moves every key to the newcomer.
    void memcachedProxyRing1618SendsEveryKeyToTheLastBackend()
    {
        const KeySet keys = KeySet::synthetic(3000, 21);
        auto d = make("memcached-proxy-ring-1.6.18", numbered(4));
        QCOMPARE(d->points().size(), std::size_t{1});
        QCOMPARE(d->points().front().value,
                 static_cast<std::uint32_t>(hashfn::xxh3_64("10.0.0.4:11211-159", 0)));
        QCOMPARE(counts(*d, keys), (std::vector<std::size_t>{0, 0, 0, 3000}));
        const auto plan = planRedistribution(*make("memcached-proxy-ring-1.6.18", numbered(3)), *d, keys, 1);
        QCOMPARE(plan.moves.size(), std::size_t{3000});
        // The fixed default mode: 160 XXH3 points per backend, about a quarter each.
        const auto fixed = counts(*make("memcached-proxy-ring", numbered(4)), keys);
        for (const auto n : fixed)
            QVERIFY2(n > 450 && n < 1100, qPrintable(QString::number(n)));
    }

    void memcachedProxyPoolOptions()
    {
        using P = ProxyPoolOptions;
        P stop;
        stop.filter = P::Filter::Stop;
        stop.filterConf = "|#|";
        QCOMPARE(stop.filtered("foo:bar|#|rest|#|x"), std::string_view("foo:bar"));
        QCOMPARE(stop.filtered("|#|x"), std::string_view(""));
        QCOMPARE(stop.filtered("no-stop"), std::string_view("no-stop"));
        P tags;
        tags.filter = P::Filter::Tags;
        tags.filterConf = "{}";
        QCOMPARE(tags.filtered("user:{42}:name"), std::string_view("42"));
        QCOMPARE(tags.filtered("user:{}:name"), std::string_view("")); // unlike twemproxy's hash_tag
        QCOMPARE(tags.filtered("user:{42"), std::string_view("user:{42"));
        QCOMPARE(tags.filtered("}a{b}"), std::string_view("b"));
        tags.filterConf = "$$";
        QCOMPARE(tags.filtered("$a$b"), std::string_view("a"));
        QVERIFY(tags.validate().empty());
        tags.filterConf = "{";
        QVERIFY(!tags.validate().empty());
        tags.filterConf = "{}{}{}";
        QVERIFY(!tags.validate().empty());

        // seed: XXH3-64 of the seed string seeds XXH3-64 of the key; the
        // ring's MD5 key hash ignores it.
        P seeded;
        seeded.seed = "ringscope";
        const MemcachedProxyDistribution jump(numbered(3), seeded);
        QCOMPARE(jump.keyHash("k"), hashfn::xxh3_64("k", hashfn::xxh3_64("ringscope", 0)));
        seeded.seed = "";
        QVERIFY(MemcachedProxyDistribution(numbered(3), seeded).keyHash("k") != hashfn::xxh3_64("k", 0));
        seeded.keyHash = P::KeyHash::RingMd5;
        QCOMPARE(MemcachedProxyDistribution(numbered(3), seeded).keyHash("k"), std::uint64_t{hashfn::md5("k")});

        std::string error;
        PresetOptions o;
        o.proxyPool.seed = "x";
        QVERIFY(!makeDistribution(*findPreset("ketama"), numbered(2), std::nullopt, o, error));
        QVERIFY(error.find("memcached-proxy") != std::string::npos);
        QVERIFY(makeDistribution(*findPreset("memcached-proxy-ring-ketama"), numbered(2), std::nullopt, o, error));
        // Jump over the seeded hash is the textbook jump of that 64-bit value.
        auto d = makeDistribution(*findPreset("memcached-proxy-jump"), numbered(7), std::nullopt, o, error);
        const auto seed = hashfn::xxh3_64("x", 0);
        const KeySet keys = KeySet::synthetic(500, 8);
        for (const auto key : keys.views())
            QCOMPARE(d->owner(key), static_cast<std::size_t>(JumpDistribution::jump(hashfn::xxh3_64(key, seed), 7)));
    }

    void twemproxySortsServersByName()
    {
        ServerList s = numbered(3);
        s[0].name = "cache-z";
        s[1].name = "c-a";
        s[2].name = "cache-mid";
        QCOMPARE(ketama::twemproxyOrder(s), (std::vector<std::size_t>{1, 0, 2}));
        const ServerList unnamed{{"10.0.0.10", 11211, 1, {}}, {"10.0.0.9", 11212, 1, {}}, {"10.0.0.9", 11211, 1, {}}};
        QCOMPARE(ketama::twemproxyOrder(unnamed), (std::vector<std::size_t>{2, 0, 1}));
    }

    void presetsRefuseAForeignHash()
    {
        std::string error;
        QVERIFY(!makeDistribution(*findPreset("python-memcached"), numbered(2), HashAlgorithm::Md5, {}, error));
        QVERIFY(error.find("python-memcached") != std::string::npos);
        QVERIFY(makeDistribution(*findPreset("twemproxy-ketama"), numbered(2), HashAlgorithm::Md5, {}, error));
        QVERIFY(!makeDistribution(*findPreset("ketama"), {}, std::nullopt, {}, error));
        QCOMPARE(error, std::string("the server list is empty"));
    }

    void everyPresetAnswersForOddKeys()
    {
        const std::string odd[] = {"", std::string(1, '\0'), std::string(300, '\xff'), "k\r\nflush_all", "a b"};
        for (const Preset &p : allPresets()) {
            auto d = make(std::string(p.name).c_str(), numbered(4));
            for (const auto &k : odd)
                QVERIFY(d->owner(k) < 4);
        }
    }

private:
    static std::uint32_t hashfn_murmur3(std::string_view s);
};

#include "core/hash/hashfunctions.h"
#include "core/hash/md5.h"
std::uint32_t TestDistributions::hashfn_murmur3(std::string_view s)
{
    return hashfn::murmur3_32(s, 0);
}

QTEST_GUILESS_MAIN(TestDistributions)
#include "tst_distributions.moc"
