// Placement and hashes against the real libmemcached 1.1 and libhashkit
// (Debian's libmemcached-dev), linked into this test: for thousands of random
// keys per case, our owner must be the server memcached_generate_hash() picks.
#include "tests/common/testkeys.h"
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"
#include "core/hash/hashalgorithm.h"

#include <QTest>

#include <libhashkit-1.0/hashkit.h>
#include <libmemcached-1.0/memcached.h>

using namespace ringscope::core;

Q_DECLARE_METATYPE(HashAlgorithm)

namespace {

struct HashPair {
    HashAlgorithm ours;
    hashkit_hash_algorithm_t hashkit;
    memcached_hash_t memcached;
};

const HashPair kPairs[] = {
    {HashAlgorithm::OneAtATime, HASHKIT_HASH_DEFAULT, MEMCACHED_HASH_DEFAULT},
    {HashAlgorithm::Md5, HASHKIT_HASH_MD5, MEMCACHED_HASH_MD5},
    {HashAlgorithm::Crc32, HASHKIT_HASH_CRC, MEMCACHED_HASH_CRC},
    {HashAlgorithm::Fnv1_64, HASHKIT_HASH_FNV1_64, MEMCACHED_HASH_FNV1_64},
    {HashAlgorithm::Fnv1a_64, HASHKIT_HASH_FNV1A_64, MEMCACHED_HASH_FNV1A_64},
    {HashAlgorithm::Fnv1_32, HASHKIT_HASH_FNV1_32, MEMCACHED_HASH_FNV1_32},
    {HashAlgorithm::Fnv1a_32, HASHKIT_HASH_FNV1A_32, MEMCACHED_HASH_FNV1A_32},
    {HashAlgorithm::Hsieh, HASHKIT_HASH_HSIEH, MEMCACHED_HASH_HSIEH},
    {HashAlgorithm::Murmur, HASHKIT_HASH_MURMUR, MEMCACHED_HASH_MURMUR},
    {HashAlgorithm::Jenkins, HASHKIT_HASH_JENKINS, MEMCACHED_HASH_JENKINS},
    {HashAlgorithm::Murmur3, HASHKIT_HASH_MURMUR3, MEMCACHED_HASH_MURMUR3},
};

// Debian's libhashkit is built without hsieh: there, its rows are not made
// at all (10 hashes), and hsieh is checked against nutcracker, which has it
// (tst_twemproxycompat: ketama/hsieh and modula/hsieh through a real
// nutcracker). Any other algorithm missing is a failure, not a skip.
bool checkedHere(const HashPair &p)
{
    return p.ours != HashAlgorithm::Hsieh || libhashkit_has_algorithm(p.hashkit);
}

const HashPair *pairFor(HashAlgorithm a)
{
    for (const auto &p : kPairs)
        if (p.ours == a)
            return &p;
    return nullptr;
}

ServerList servers(const char *spec)
{
    auto parsed = parseServerList(spec);
    if (!parsed)
        qFatal("bad spec in test: %s", parsed.error.c_str());
    return *parsed.value;
}

ServerList manyServers(std::size_t n, bool weighted)
{
    ServerList out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back({"10.20." + std::to_string(i / 200) + "." + std::to_string(i % 200 + 1),
                       static_cast<std::uint16_t>(i % 3 == 0 ? 11211 : 11211 + i), 
                       weighted ? static_cast<std::uint32_t>(1 + (i * 7) % 5) : 1u, {}});
    return out;
}

enum class Mode { Modula, Ketama, KetamaWeighted };

struct Memc {
    memcached_st *m = memcached_create(nullptr);
    ~Memc() { memcached_free(m); }
};

} // namespace

Q_DECLARE_METATYPE(Mode)
Q_DECLARE_METATYPE(ServerList)

class TestLibmemcachedCompat : public QObject {
    Q_OBJECT

private slots:
    void hashesMatchLibhashkit_data()
    {
        QTest::addColumn<HashAlgorithm>("hash");
        for (const auto &p : kPairs)
            if (checkedHere(p))
                QTest::addRow("%s", std::string(hashName(p.ours)).c_str()) << p.ours;
    }

    void hashesMatchLibhashkit()
    {
        QFETCH(HashAlgorithm, hash);
        const HashPair *pair = pairFor(hash);
        QVERIFY2(libhashkit_has_algorithm(pair->hashkit), "this libhashkit build leaves the algorithm out");
        const auto keys = ringscope::test::randomKeys(20000, 42 + static_cast<int>(hash), 3);
        for (const auto &key : keys) {
            const uint32_t expected = libhashkit_digest(key.data(), key.size(), pair->hashkit);
            const uint32_t actual = hashKey(hash, key);
            if (expected != actual)
                QFAIL(qPrintable(QStringLiteral("key %1: libhashkit %2, ours %3")
                                     .arg(QString::fromLatin1(QByteArray::fromStdString(key).toHex()))
                                     .arg(expected)
                                     .arg(actual)));
        }
    }

    void placementMatchesLibmemcached_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<HashAlgorithm>("hash");
        QTest::addColumn<ServerList>("list");
        const std::pair<const char *, ServerList> lists[] = {
            {"three-local", servers("127.0.0.1:11211,127.0.0.1:11212,127.0.0.1:11213")},
            {"names-weights", servers("cache-a.example:11211:3,cache-b.example:11211:1,10.1.2.3:22122:2")},
            {"single", servers("127.0.0.1:11211")},
            {"ten-weighted", manyServers(10, true)},
            {"hundred", manyServers(100, false)},
        };
        for (const auto &[listName, list] : lists) {
            for (const auto &p : kPairs) {
                if (!checkedHere(p))
                    continue;
                QTest::addRow("modula/%s/%s", std::string(hashName(p.ours)).c_str(), listName)
                    << Mode::Modula << p.ours << list;
                QTest::addRow("ketama/%s/%s", std::string(hashName(p.ours)).c_str(), listName)
                    << Mode::Ketama << p.ours << list;
            }
            QTest::addRow("ketama-weighted/md5/%s", listName) << Mode::KetamaWeighted << HashAlgorithm::Md5 << list;
            QTest::addRow("ketama-weighted/crc32/%s", listName)
                << Mode::KetamaWeighted << HashAlgorithm::Crc32 << list;
        }
    }

    void placementMatchesLibmemcached()
    {
        QFETCH(Mode, mode);
        QFETCH(HashAlgorithm, hash);
        QFETCH(ServerList, list);
        const HashPair *pair = pairFor(hash);
        QVERIFY2(libhashkit_has_algorithm(pair->hashkit), "this libhashkit build leaves the algorithm out");

        Memc memc;
        const char *preset = "libmemcached-modula";
        switch (mode) {
        case Mode::Modula:
            break;
        case Mode::Ketama:
            QCOMPARE(memcached_behavior_set(memc.m, MEMCACHED_BEHAVIOR_KETAMA, 1), MEMCACHED_SUCCESS);
            preset = "libmemcached-ketama";
            break;
        case Mode::KetamaWeighted:
            QCOMPARE(memcached_behavior_set(memc.m, MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED, 1), MEMCACHED_SUCCESS);
            preset = "libmemcached-ketama-weighted";
            break;
        }
        if (mode != Mode::KetamaWeighted || hash != HashAlgorithm::Md5)
            QCOMPARE(memcached_behavior_set(memc.m, MEMCACHED_BEHAVIOR_HASH, pair->memcached), MEMCACHED_SUCCESS);
        for (const Server &s : list)
            QCOMPARE(memcached_server_add_with_weight(memc.m, s.host.c_str(), s.port, s.weight), MEMCACHED_SUCCESS);

        std::string error;
        auto d = makeDistribution(*findPreset(preset), list, hash, {}, error);
        QVERIFY2(d, error.c_str());
        const auto keys = ringscope::test::randomKeys(4000, 7, 5);
        std::size_t mismatches = 0;
        std::string first;
        for (const auto &key : keys) {
            const uint32_t expected = memcached_generate_hash(memc.m, key.data(), key.size());
            const auto actual = d->owner(key);
            if (expected != actual && mismatches++ == 0)
                first = key + " -> libmemcached " + std::to_string(expected) + ", ours " + std::to_string(actual);
        }
        QVERIFY2(mismatches == 0, qPrintable(QString::number(mismatches) + QStringLiteral(" of ")
                                             + QString::number(keys.size()) + QStringLiteral(" differ; first: ")
                                             + QString::fromStdString(first)));
    }
};

QTEST_GUILESS_MAIN(TestLibmemcachedCompat)
#include "tst_libmemcachedcompat.moc"
