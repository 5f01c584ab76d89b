// The redistribution planner and the comparison of methods: which keys move
// on a removal or a weight change, an ejected server's keys going to their
// next owner, a plan from known owners equal to one from scratch, per-server
// flows that add up, threads that change nothing but the time, and
// comparison figures equal to the plan's.
#include "core/placement/keyset.h"
#include "core/placement/methodcomparison.h"
#include "core/placement/redistributionplanner.h"
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"

#include <QTest>

using namespace ringscope::core;

namespace {

std::unique_ptr<Distribution> make(const char *preset, const char *spec)
{
    std::string error;
    auto d = makeDistribution(*findPreset(preset), *parseServerList(spec).value, std::nullopt, {}, error);
    if (!d)
        qFatal("%s", error.c_str());
    return d;
}

constexpr const char *kFour = "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211";
constexpr const char *kThree = "10.0.0.1:11211,10.0.0.2:11211,10.0.0.4:11211";

} // namespace

class TestPlanner : public QObject {
    Q_OBJECT

private slots:
    void removalMovesOnlyTheRemovedServersKeys()
    {
        const KeySet keys = KeySet::synthetic(50000, 8);
        const auto plan = planRedistribution(*make("libmemcached-ketama-weighted", kFour),
                                             *make("libmemcached-ketama-weighted", kThree), keys);
        QCOMPARE(plan.servers.size(), std::size_t{4});
        const auto &gone = plan.servers[2];
        QCOMPARE(gone.address, std::string("10.0.0.3:11211"));
        QCOMPARE(gone.after, std::uint64_t{0});
        QCOMPARE(gone.out, gone.before);
        QCOMPARE(static_cast<std::uint64_t>(plan.moves.size()), gone.before);
        for (const auto &m : plan.moves)
            QCOMPARE(m.from, 2u);
        QVERIFY(plan.fractionMoved() > 0.18 && plan.fractionMoved() < 0.32);
    }

    void weightChangeMovesTowardTheHeavierServer()
    {
        const KeySet keys = KeySet::synthetic(50000, 9);
        const auto plan = planRedistribution(
            *make("ketama", kFour),
            *make("ketama", "10.0.0.1:11211,10.0.0.2:11211:3,10.0.0.3:11211,10.0.0.4:11211"), keys);
        for (const auto &m : plan.moves)
            QCOMPARE(plan.servers[m.to].address, std::string("10.0.0.2:11211"));
        QVERIFY(plan.servers[1].after > 2 * plan.servers[1].before);
    }

    void identicalRingsMoveNothing()
    {
        const KeySet keys = KeySet::synthetic(10000, 10);
        const auto plan = planRedistribution(*make("jump", kFour), *make("jump", kFour), keys);
        QCOMPARE(plan.moves.size(), std::size_t{0});
        QCOMPARE(plan.fractionMoved(), 0.0);
    }

    // An ejected server stays in the list and owns nothing: each of its keys
    // goes to the key's next owner that is not ejected, and no other key
    // moves. On a plain ketama ring (the same points per server whatever the
    // others) that is exactly the ring built without the server.
    void ejectedServerGivesItsKeysToTheirNextOwner()
    {
        const KeySet keys = KeySet::synthetic(30000, 21);
        const auto four = make("ketama", kFour);
        PlaceOptions up, thirdDown;
        thirdDown.ejected = {false, false, true, false};
        const auto plan = planRedistribution(*four, up, *four, thirdDown, keys);
        const auto owners = assignOwners(*four, keys, 1);
        QCOMPARE(plan.servers.size(), std::size_t{4});
        QCOMPARE(plan.servers[2].after, std::uint64_t{0});
        QCOMPARE(plan.servers[2].out, plan.servers[2].before);
        QCOMPARE(static_cast<std::uint64_t>(plan.moves.size()), plan.servers[2].before);
        QVERIFY(!plan.moves.empty());
        std::size_t next = 0;
        for (std::size_t k = 0; k < keys.size(); ++k) {
            if (owners[k] != 2) {
                QCOMPARE(plan.ownersAfter[k], owners[k]); // the others' keys stay
                continue;
            }
            const auto &m = plan.moves[next++];
            QCOMPARE(std::size_t(m.key), k);
            QCOMPARE(m.from, 2u);
            const auto chain = four->successors(keys[k], 4);
            QCOMPARE(chain.front(), std::size_t{2});
            QCOMPARE(std::size_t(m.to), chain[1]); // the next server clockwise, which is up
            QCOMPARE(plan.ownersAfter[k], m.to);
        }
        QCOMPARE(next, plan.moves.size());

        // Judged by real placement: the ring without 10.0.0.3 puts every key
        // where the ejecting client does.
        const auto three = make("ketama", "10.0.0.1:11211,10.0.0.2:11211,10.0.0.4:11211");
        const auto without = assignOwners(*three, keys, 1);
        for (std::size_t k = 0; k < keys.size(); ++k)
            QCOMPARE(four->servers()[plan.ownersAfter[k]].address(), three->servers()[without[k]].address());
        const auto removed = planRedistribution(*four, *three, keys, 1);
        QCOMPARE(removed.moves.size(), plan.moves.size());
        for (std::size_t i = 0; i < plan.moves.size(); ++i) {
            QCOMPARE(removed.moves[i].key, plan.moves[i].key);
            QCOMPARE(removed.servers[removed.moves[i].to].address, plan.servers[plan.moves[i].to].address);
        }

        // Two ejected: a key skips both.
        PlaceOptions twoDown;
        twoDown.ejected = {false, true, true, false};
        const auto two = placeKeys(*four, keys, twoDown);
        for (std::size_t k = 0; k < keys.size(); ++k) {
            QVERIFY(two[k] == 0 || two[k] == 3);
            if (owners[k] == 0 || owners[k] == 3)
                QCOMPARE(two[k], owners[k]);
        }
    }

    // Ejected on the side before: the server coming back takes exactly its keys back.
    void ejectedServerComingBackTakesItsKeysBack()
    {
        const KeySet keys = KeySet::synthetic(20000, 22);
        const auto d = make("libmemcached-ketama-weighted", kFour);
        PlaceOptions down, up;
        down.ejected = {true, false, false, false};
        const auto plan = planRedistribution(*d, down, *d, up, keys);
        QCOMPARE(plan.servers[0].before, std::uint64_t{0});
        QCOMPARE(static_cast<std::uint64_t>(plan.moves.size()), plan.servers[0].after);
        for (const auto &m : plan.moves)
            QCOMPARE(m.to, 0u);
        QCOMPARE(plan.ownersAfter, assignOwners(*d, keys, 1));
        // Every server ejected: nowhere to go, so nothing moves.
        PlaceOptions all;
        all.ejected.assign(4, true);
        QCOMPARE(placeKeys(*d, keys, all), assignOwners(*d, keys, 1));
        QCOMPARE(planRedistribution(*d, up, *d, all, keys).moves.size(), std::size_t{0});
    }

    // Starting from owners already known (a picture's), or from positions
    // already hashed, the plan is the one computed from scratch.
    void knownOwnersAndPositionsGiveTheSamePlan()
    {
        const KeySet keys = KeySet::synthetic(20000, 23);
        const auto before = make("libmemcached-ketama-weighted", kThree);
        const auto after = make("libmemcached-ketama-weighted", kFour);
        const auto scratch = planRedistribution(*before, *after, keys, 1);
        const auto owners = assignOwners(*before, keys, 1);
        KnownOwners known;
        for (const auto &s : before->servers())
            known.addresses.push_back(s.address());
        known.owners = owners;
        std::vector<std::uint32_t> positions(keys.size());
        for (std::size_t k = 0; k < keys.size(); ++k)
            positions[k] = after->position(keys[k]);
        PlaceOptions hashed;
        hashed.positions = positions;
        const auto plan = planRedistribution(known, *after, hashed, keys);
        QCOMPARE(plan.ownersAfter, assignOwners(*after, keys, 1));
        QCOMPARE(plan.moves.size(), scratch.moves.size());
        for (std::size_t i = 0; i < plan.moves.size(); ++i) {
            QCOMPARE(plan.moves[i].key, scratch.moves[i].key);
            QCOMPARE(plan.servers[plan.moves[i].from].address, scratch.servers[scratch.moves[i].from].address);
            QCOMPARE(plan.servers[plan.moves[i].to].address, scratch.servers[scratch.moves[i].to].address);
        }
        for (std::size_t s = 0; s < plan.servers.size(); ++s) {
            QCOMPARE(plan.servers[s].address, scratch.servers[s].address);
            QCOMPARE(plan.servers[s].in, scratch.servers[s].in);
            QCOMPARE(plan.servers[s].out, scratch.servers[s].out);
        }
        QCOMPARE(plan.indexOfAfter.size(), std::size_t{4});
        QCOMPARE(plan.servers[plan.indexOfAfter[2]].address, std::string("10.0.0.3:11211"));

        // Another key list: owners carry over by name; a key that is new arrives but does not move.
        KeySet other;
        for (std::size_t k = 0; k < 100; ++k)
            other.add(keys[k]);
        other.add("never-seen-before");
        const auto carried = carryOwners(keys, owners, other);
        QCOMPARE(carried.size(), std::size_t{101});
        QCOMPARE(carried[7], owners[7]);
        QCOMPARE(carried[100], KnownOwners::kNone);
        known.owners = carried;
        const auto small = planRedistribution(known, *after, PlaceOptions{}, other);
        QCOMPARE(small.totalKeys, std::size_t{101});
        std::uint64_t ownedBefore = 0, ownedAfter = 0;
        for (const auto &s : small.servers) {
            ownedBefore += s.before;
            ownedAfter += s.after;
        }
        QCOMPARE(ownedBefore, std::uint64_t{100});
        QCOMPARE(ownedAfter, std::uint64_t{101});
        for (const auto &m : small.moves)
            QVERIFY(m.key < 100);
    }

    void threadsGiveTheSameOwners()
    {
        const KeySet keys = KeySet::synthetic(300000, 11);
        auto d = make("libmemcached-ketama-weighted", kFour);
        QCOMPARE(assignOwners(*d, keys, 1), assignOwners(*d, keys, 4));
    }

    void keySetFromLines()
    {
        const KeySet keys = KeySet::fromLines("a\nb\r\n\nlast");
        QCOMPARE(keys.size(), std::size_t{4});
        QCOMPARE(keys[1], std::string_view("b"));
        QCOMPARE(keys[2], std::string_view(""));
        QCOMPARE(keys[3], std::string_view("last"));
        QCOMPARE(KeySet::fromLines("x\n").size(), std::size_t{1});
        QCOMPARE(KeySet::fromLines("").size(), std::size_t{0});
        KeySet grown;
        for (int i = 0; i < 1000; ++i)
            grown.add(std::to_string(i));
        QCOMPARE(grown[999], std::string_view("999"));
        QCOMPARE(grown[0], std::string_view("0"));
        // Synthetic keys are a fixed sequence of the seed (written out here, from
        // the generator's arithmetic done by hand), distinct per seed.
        QCOMPARE(KeySet::synthetic(5, 1)[0], std::string_view("session:0:2a4c"));
        QCOMPARE(KeySet::synthetic(5, 1)[3], std::string_view("product:3:494f"));
        QCOMPARE(KeySet::synthetic(9, 1)[3], std::string_view("product:3:494f")); // a longer set starts the same
        QVERIFY(KeySet::synthetic(5, 2)[3] != KeySet::synthetic(5, 1)[3]);
    }

    void comparisonAgreesWithThePlanner()
    {
        const KeySet keys = KeySet::synthetic(40000, 12);
        ComparisonRequest request;
        request.servers = *parseServerList(kThree).value;
        const std::string grown = std::string(kThree) + ",10.0.0.3:11211";
        request.added = {parseServerList(grown).value->back()};
        request.removed = {request.servers[1].address()};
        request.presets = {"modulo", "ketama", "python-memcached"};
        request.replication = defaultReplicationSchemes(3);
        std::string error;
        const auto results = compareMethods(request, keys, error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(results.size(), std::size_t{6});
        for (std::size_t i = 0; i < 3; ++i) {
            const auto &m = results[i];
            const auto plan = planRedistribution(*make(m.preset.c_str(), kThree), *make(m.preset.c_str(), grown.c_str()), keys);
            QCOMPARE(*m.movedOnAdd, plan.fractionMoved());
            QCOMPARE(m.idealOnAdd, 0.25);
            QCOMPARE(m.idealOnRemove, 1.0 / 3.0);
            std::uint64_t total = 0;
            for (const auto c : m.keysPerServer)
                total += c;
            QCOMPARE(total, std::uint64_t{40000});
            // Equal weights: the busiest server's keys over its ideal third.
            const auto most = *std::max_element(m.keysPerServer.begin(), m.keysPerServer.end());
            QCOMPARE(m.maxOverMean, static_cast<double>(most) / (40000.0 / 3.0));
            // One server down, no replication: its keys are lost.
            const auto busiest = *std::max_element(m.keysPerServer.begin(), m.keysPerServer.end());
            QCOMPARE(m.readsUnavailable, static_cast<double>(busiest) / 40000.0);
        }
        QVERIFY(*results[0].movedOnAdd > 0.7); // modulo: about 3/4
        QVERIFY(*results[1].movedOnAdd < 0.3); // ketama: about 1/4
        QVERIFY(*results[1].movedOnRemove < 0.4);
        // Replication: 2 or 3 copies per key, no key unreadable with one server down.
        for (std::size_t i = 3; i < 6; ++i) {
            const auto &m = results[i];
            std::uint64_t total = 0;
            for (const auto c : m.keysPerServer)
                total += c;
            QCOMPARE(total, std::uint64_t{40000} * m.replication.replicas);
            QCOMPARE(m.readsUnavailable, 0.0);
        }
        QCOMPARE(results[3].label, std::string("ketama + master-slave R=2"));
        QVERIFY(results[3].writesRefused > 0.2); // the primaries of the down server
        QCOMPARE(results[4].writesRefused, 0.0); // ring: the other replica takes the write
        QCOMPARE(results[5].writesRefused, 0.0); // R=3, W=2
        // R=3 on 3 servers: every server holds every key, adding one moves a quarter of the copies.
        QVERIFY(std::abs(*results[5].movedOnAdd - 0.25) < 0.03);

        // A server too light to get a point on a weighted ring is nobody's
        // replica: the replication rows still measure, with what there is.
        ComparisonRequest light;
        light.servers = *parseServerList("10.0.0.1:11211:1,10.0.0.2:11211:1000").value;
        light.added = *parseServerList("10.0.0.3:11211").value;
        light.presets = {"libmemcached-ketama-weighted"};
        light.replication = defaultReplicationSchemes(2);
        light.replicationPreset = "libmemcached-ketama-weighted";
        const auto lightResults = compareMethods(light, keys, error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(lightResults.size(), std::size_t{3});
        const auto lightPlan = planRedistribution(*make("libmemcached-ketama-weighted", "10.0.0.1:11211:1,10.0.0.2:11211:1000"),
                                                  *make("libmemcached-ketama-weighted",
                                                        "10.0.0.1:11211:1,10.0.0.2:11211:1000,10.0.0.3:11211"),
                                                  keys);
        QCOMPARE(*lightResults[0].movedOnAdd, lightPlan.fractionMoved());
        for (const auto &m : lightResults) {
            QVERIFY(m.movedOnAdd);
            QCOMPARE(m.keysPerServer.front(), std::uint64_t{0}); // no point, no key, no copy
        }
        // With every copy on the heavy server, a copy moves exactly when the
        // key's owner is the new server: the plan's figure again.
        QCOMPARE(*lightResults[1].movedOnAdd, lightPlan.fractionMoved());
        QCOMPARE(*lightResults[2].movedOnAdd, lightPlan.fractionMoved());

        // twemproxy's hash_tag: every method hashes only the tagged part, so
        // tagged keys measure exactly as their tags alone do.
        std::string tagged, tags;
        for (int i = 0; i < 3000; ++i) {
            tagged += "user:{" + std::to_string(i % 150) + "}:" + std::to_string(i) + "\n";
            tags += std::to_string(i % 150) + "\n";
        }
        ComparisonRequest withTag = request;
        withTag.hashTag = "{}";
        const auto byTag = compareMethods(withTag, KeySet::fromLines(tagged), error);
        QVERIFY2(error.empty(), error.c_str());
        const auto byTagAlone = compareMethods(request, KeySet::fromLines(tags), error);
        QVERIFY2(error.empty(), error.c_str());
        const auto untagged = compareMethods(request, KeySet::fromLines(tagged), error);
        QCOMPARE(byTag.size(), byTagAlone.size());
        for (std::size_t i = 0; i < byTag.size(); ++i) {
            QCOMPARE(byTag[i].keysPerServer, byTagAlone[i].keysPerServer);
            QCOMPARE(*byTag[i].movedOnAdd, *byTagAlone[i].movedOnAdd);
            QCOMPARE(*byTag[i].movedOnRemove, *byTagAlone[i].movedOnRemove);
        }
        QVERIFY(byTag[1].keysPerServer != untagged[1].keysPerServer);
        withTag.hashTag = "{";
        QVERIFY(compareMethods(withTag, keys, error).empty());
        QCOMPARE(error, std::string("hash_tag must be two characters, like \"{}\""));

        // Stopped (the window closed): nothing measured, and says so.
        const std::atomic<bool> stop{true};
        QVERIFY(compareMethods(light, keys, error, &stop).empty());
        QCOMPARE(error, std::string("stopped before the end"));
        const std::atomic<bool> goOn{false};
        QCOMPARE(compareMethods(light, keys, error, &goOn).size(), std::size_t{3});

        QVERIFY(compareMethods({request.servers, request.added, {}, {"nope"}, {}, {}, {}}, keys, error).empty());
        QCOMPARE(error, std::string("unknown preset 'nope'"));
        request.removed = {"x:1"};
        QVERIFY(compareMethods(request, keys, error).empty());
        QCOMPARE(error, std::string("--remove: x:1 is not in the cluster"));
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
