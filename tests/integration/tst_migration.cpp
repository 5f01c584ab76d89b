// Topology changes on a real cluster: adding a 4th server to 3 moves what
// the planner predicts, key for key, as the audit of the servers shows; and
// a warm-up migration before the switch removes the miss storm after it.
#include "core/placement/keyset.h"
#include "core/live/migration.h"
#include "core/placement/ownershipaudit.h"
#include "core/placement/redistributionplanner.h"
#include "core/distribution/preset.h"
#include "core/local/democluster.h"

#include <QTest>

#include <libmemcached-1.0/memcached.h>

#include <atomic>
#include <future>
#include <set>

using namespace ringscope::core;

namespace {

constexpr std::size_t kKeys = 4000;

std::unique_ptr<Distribution> placement(const char *preset, const ServerList &servers)
{
    std::string error;
    return makeDistribution(*findPreset(preset), servers, std::nullopt, {}, error);
}

// Writes every key to its owner under `preset` over the cluster's servers.
void writeAll(IoRuntime &runtime, const char *preset, const ServerList &servers, const KeySet &keys)
{
    Client client(runtime, placement(preset, servers));
    std::atomic<std::size_t> pending{keys.size()};
    std::promise<void> all;
    for (const auto key : keys.views())
        client.store(encode::Store::Set, std::string(key), "value of " + std::string(key), 0, 0,
                     [&](ClientError e, Reply r, const std::string &) {
                         if (e || r != Reply::Stored)
                             qFatal("writing a key failed: %s", e.message.c_str());
                         if (--pending == 0)
                             all.set_value();
                     });
    all.get_future().wait();
}

// The real libmemcached, configured as `preset` over `servers`.
struct RealLibmemcached {
    memcached_st *m = memcached_create(nullptr);
    RealLibmemcached(const char *preset, const ServerList &servers)
    {
        if (std::string_view(preset) == "libmemcached-ketama")
            memcached_behavior_set(m, MEMCACHED_BEHAVIOR_KETAMA, 1);
        for (const auto &s : servers)
            memcached_server_add_with_weight(m, s.host.c_str(), s.port, s.weight);
    }
    ~RealLibmemcached() { memcached_free(m); }
    RealLibmemcached(const RealLibmemcached &) = delete;
    RealLibmemcached &operator=(const RealLibmemcached &) = delete;
    std::size_t serverOf(std::string_view key) const { return memcached_generate_hash(m, key.data(), key.size()); }
};

// Reads every key as a client with the placement `d` would: how many miss.
std::size_t missesOf(IoRuntime &runtime, const Distribution &d, const KeySet &keys)
{
    Client reader(runtime, placement("libmemcached-ketama", d.servers()));
    std::promise<std::size_t> result;
    reader.getMany(std::vector<std::string>(keys.views().begin(), keys.views().end()),
                   [&](std::vector<ClientError> errors, std::vector<std::optional<Item>> items) {
                       std::size_t misses = 0;
                       for (std::size_t i = 0; i < items.size(); ++i)
                           misses += (errors[i] || !items[i]) ? 1u : 0u;
                       result.set_value(misses);
                   });
    return result.get_future().get();
}

} // namespace

class TestMigration : public QObject {
    Q_OBJECT

    IoRuntime m_runtime;

private slots:
    void addingAFourthServer_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addRow("ketama") << "libmemcached-ketama" << 0.15 << 0.35; // 100 points a server on random ports: ±8 %
        QTest::addRow("modulo") << "libmemcached-modula" << 0.70 << 0.80;
    }

    // The planner's prediction, then the real software's account of it: the
    // keys are written by the real libmemcached over 3 servers, and the keys
    // that the real libmemcached over 4 would look for elsewhere (its own
    // memcached_generate_hash), the keys an audit of the servers (metadump)
    // finds misplaced and the keys the planner said would move are the same.
    void addingAFourthServer()
    {
        QFETCH(QString, preset);
        QFETCH(double, low);
        QFETCH(double, high);
        const QByteArray name = preset.toUtf8();
        DemoCluster cluster;
        QVERIFY(cluster.start(3));
        const KeySet keys = KeySet::synthetic(kKeys, 7);
        const ServerList three = cluster.servers();
        {
            RealLibmemcached writer(name.constData(), three);
            for (const auto key : keys.views()) {
                const std::string value = "value of " + std::string(key);
                QCOMPARE(memcached_set(writer.m, key.data(), key.size(), value.data(), value.size(), 0, 0),
                         MEMCACHED_SUCCESS);
            }
        }
        QVERIFY(cluster.addServer());
        const ServerList four = cluster.servers();
        const auto before = placement(name.constData(), three);
        const auto after = placement(name.constData(), four);
        const RedistributionPlan plan = planRedistribution(*before, *after, keys);

        Client client(m_runtime, placement(name.constData(), four));
        const OwnershipAudit audit = OwnershipAudit::compute(*after, KeyEnumerator::enumerateSync(client, {}), kKeys);
        QCOMPARE(audit.totalKeys, std::uint64_t{kKeys});
        QCOMPARE(audit.totalMisplaced, std::uint64_t{plan.moves.size()});
        std::set<std::string> predicted, found;
        for (const auto &m : plan.moves)
            predicted.emplace(keys[m.key]);
        for (const auto &m : audit.misplaced)
            found.insert(m.key);
        QCOMPARE(found, predicted);
        // The real client's own view of the same change.
        const RealLibmemcached was(name.constData(), three), is(name.constData(), four);
        std::set<std::string> realMoved;
        for (const auto key : keys.views())
            if (was.serverOf(key) != is.serverOf(key))
                realMoved.emplace(key);
        QCOMPARE(found, realMoved);
        for (const auto &m : audit.misplaced) { // held where the real client put it, owned where it now looks
            QCOMPARE(m.heldBy, was.serverOf(m.key));
            QCOMPARE(m.belongsTo, is.serverOf(m.key));
        }
        const double fraction = plan.fractionMoved();
        qInfo("%s: adding a 4th server to 3 moves %zu of %zu keys (%.1f%%); the audit of the real servers finds the same %llu",
              name.constData(), plan.moves.size(), kKeys, 100.0 * fraction,
              static_cast<unsigned long long>(audit.totalMisplaced));
        QVERIFY(fraction > low && fraction < high);
    }

    // Reads right after the switch, without and with a warm-up copy first.
    void warmUpRemovesTheMissStorm()
    {
        DemoCluster cluster;
        QVERIFY(cluster.start(3));
        const KeySet keys = KeySet::synthetic(kKeys, 11);
        const ServerList three = cluster.servers();
        writeAll(m_runtime, "libmemcached-ketama", three, keys);
        QVERIFY(cluster.addServer());
        const ServerList four = cluster.servers();
        const auto before = placement("libmemcached-ketama", three);
        const auto after = placement("libmemcached-ketama", four);
        const std::size_t moving = planRedistribution(*before, *after, keys).moves.size();

        const std::size_t cold = missesOf(m_runtime, *after, keys);
        QCOMPARE(cold, moving); // every moved key misses on its new, empty owner

        QCOMPARE(cluster.restart(3), std::string()); // empty again
        Client client(m_runtime, placement("modulo", Migration::unionOf(three, four)));
        std::size_t progressCalls = 0;
        const MigrationReport report = Migration::runSync(client, *before, *after, {},
                                                          [&](const MigrationReport &) { ++progressCalls; });
        QVERIFY2(report.errors.empty(), report.errors.empty() ? "" : report.errors.front().c_str());
        QCOMPARE(report.enumerated, std::uint64_t{kKeys});
        QCOMPARE(report.moving, std::uint64_t{moving});
        QCOMPARE(report.copied, std::uint64_t{moving});
        QVERIFY(progressCalls >= 1);
        const std::size_t warm = missesOf(m_runtime, *after, keys);
        qInfo("after adding a 4th server: %zu of %zu reads miss (%.1f%%) without warm-up, %zu with it "
              "(copied %llu keys first)",
              cold, kKeys, 100.0 * static_cast<double>(cold) / kKeys, warm, static_cast<unsigned long long>(report.copied));
        QCOMPARE(warm, std::size_t{0});

        // Run again: everything is already there, and `add` replaces nothing.
        const MigrationReport again = Migration::runSync(client, *before, *after);
        QCOMPARE(again.copied, std::uint64_t{0});
        QCOMPARE(again.alreadyThere, std::uint64_t{moving});
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
