#include "core/distribution/preset.h"

#include "core/hash/hashfunctions.h"
#include "core/distribution/boundedloaddistribution.h"
#include "core/distribution/continuum.h"
#include "core/distribution/jumpdistribution.h"
#include "core/distribution/ketamapoints.h"
#include "core/distribution/maglevdistribution.h"
#include "core/distribution/mcrouterdistribution.h"
#include "core/distribution/memcachedproxydistribution.h"
#include "core/distribution/modulodistribution.h"
#include "core/distribution/multiprobedistribution.h"
#include "core/distribution/pymemcachedistribution.h"
#include "core/distribution/randomdistribution.h"
#include "core/distribution/rendezvousdistribution.h"

#include <algorithm>
#include <array>

namespace ringscope::core {
namespace {

using Ptr = std::unique_ptr<Distribution>;
using Ties = Continuum::Ties;

bool anyWeighted(const ServerList &servers)
{
    return std::any_of(servers.begin(), servers.end(), [](const Server &s) { return s.weight > 1; });
}

Ptr ring(ServerList servers, std::vector<RingPoint> points, HashAlgorithm hash, Ties ties = Ties::FirstWins)
{
    return std::make_unique<Continuum>(std::move(servers), std::move(points), hashFunction(hash), ties);
}

// --- real software -------------------------------------------------------

Ptr libmemcachedKetamaWeighted(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    auto points = ketama::libmemcached(s, true, nullptr);
    return ring(std::move(s), std::move(points), h);
}

Ptr libmemcachedKetama(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    // memcached_server_add_with_weight() turns weighted ketama on as soon as a
    // server has a weight above 1; the key hash stays what it was.
    const bool weighted = anyWeighted(s);
    auto points = ketama::libmemcached(s, weighted, hashFunction(h));
    return ring(std::move(s), std::move(points), h);
}

Ptr libmemcachedModula(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    return std::make_unique<ModuloDistribution>(std::move(s), hashFunction(h), false);
}

Ptr libketamaPreset(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    auto points = ketama::libketama(s);
    return ring(std::move(s), std::move(points), h);
}

Ptr twemproxyKetama(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    auto points = ketama::twemproxy(s);
    return ring(std::move(s), std::move(points), h);
}

Ptr twemproxyRandom(ServerList s, HashAlgorithm, const PresetOptions &)
{
    return std::make_unique<RandomDistribution>(std::move(s));
}

Ptr weightedModulo(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    return std::make_unique<ModuloDistribution>(std::move(s), hashFunction(h), true);
}

Ptr twemproxyModula(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    const auto order = ketama::twemproxyOrder(s);
    return std::make_unique<ModuloDistribution>(std::move(s), hashFunction(h), true, order);
}

Ptr pythonMemcached(ServerList s, HashAlgorithm, const PresetOptions &)
{
    return std::make_unique<ModuloDistribution>(std::move(s), hashfn::crc32PythonMemcached, true);
}

Ptr pymemcache(ServerList s, HashAlgorithm, const PresetOptions &)
{
    return std::make_unique<PymemcacheDistribution>(std::move(s));
}

Ptr spymemcachedKetama(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    auto points = ketama::spymemcached(s, false);
    return ring(std::move(s), std::move(points), h, Ties::LastWins);
}

Ptr spymemcachedKetamaLibmemcached(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    auto points = ketama::spymemcached(s, true);
    return ring(std::move(s), std::move(points), h, Ties::LastWins);
}

Ptr nginxConsistent(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    auto points = ketama::nginx(s);
    return ring(std::move(s), std::move(points), h);
}

// memcached's proxy: mcp.pool() with dist_jump_hash (its default) or
// dist_ring_hash in one of its omodes, each with the pool's options.
Ptr memcachedProxyJump(ServerList s, HashAlgorithm, const PresetOptions &o)
{
    return std::make_unique<MemcachedProxyDistribution>(std::move(s), o.proxyPool);
}

template <ketama::ProxyRingMode M>
Ptr memcachedProxyRing(ServerList s, HashAlgorithm, const PresetOptions &o)
{
    auto points = ketama::memcachedProxy(s, M);
    return std::make_unique<MemcachedProxyDistribution>(std::move(s), std::move(points), o.proxyPool);
}

Ptr mcrouterCh3(ServerList s, HashAlgorithm, const PresetOptions &)
{
    // A pool with weights gets WeightedCh3, as mcrouter's PoolRoute does.
    const bool weighted = std::any_of(s.begin(), s.end(), [&](const Server &x) { return x.weight != s.front().weight; });
    return std::make_unique<McrouterDistribution>(
        std::move(s), weighted ? McrouterDistribution::Function::WeightedCh3 : McrouterDistribution::Function::Ch3);
}

Ptr mcrouterCrc32(ServerList s, HashAlgorithm, const PresetOptions &)
{
    return std::make_unique<McrouterDistribution>(std::move(s), McrouterDistribution::Function::Crc32);
}

// --- textbook -------------------------------------------------------------

template <HashAlgorithm A>
std::uint64_t widened(std::string_view key) noexcept
{
    if constexpr (A == HashAlgorithm::Xxh3)
        return hashfn::xxh3_64(key, 0);
    else
        return hashKey(A, key);
}

template <std::size_t... I>
constexpr auto makeWidened(std::index_sequence<I...>)
{
    return std::array<JumpDistribution::Hash64, sizeof...(I)>{widened<static_cast<HashAlgorithm>(I)>...};
}

constexpr auto kWidened = makeWidened(std::make_index_sequence<14>{});

Ptr textbookJump(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    return std::make_unique<JumpDistribution>(std::move(s), kWidened[static_cast<std::size_t>(h)]);
}

Ptr textbookKetama(ServerList s, HashAlgorithm h, const PresetOptions &o)
{
    auto points = ketama::textbook(s, o.pointsPerServer, hashFunction(h));
    return ring(std::move(s), std::move(points), h);
}

Ptr textbookModulo(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    return std::make_unique<ModuloDistribution>(std::move(s), hashFunction(h), true);
}

Ptr textbookRendezvous(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    return std::make_unique<RendezvousDistribution>(std::move(s), hashFunction(h));
}

Ptr textbookMaglev(ServerList s, HashAlgorithm h, const PresetOptions &)
{
    return std::make_unique<MaglevDistribution>(std::move(s), hashFunction(h));
}

Ptr textbookMultiProbe(ServerList s, HashAlgorithm h, const PresetOptions &o)
{
    return std::make_unique<MultiProbeDistribution>(std::move(s), hashFunction(h), o.probes);
}

Ptr textbookBoundedLoad(ServerList s, HashAlgorithm h, const PresetOptions &o)
{
    auto points = ketama::textbook(s, o.pointsPerServer, hashFunction(h));
    auto inner = std::make_unique<Continuum>(s, std::move(points), hashFunction(h), Ties::FirstWins);
    return std::make_unique<BoundedLoadDistribution>(std::move(s), std::move(inner), o.loadFactor);
}

using H = HashAlgorithm;

const Preset kPresets[] = {
    {"libmemcached-ketama-weighted", "libmemcached (MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED)",
     "160 points per server share, 4 per MD5 digest of \"host-i\" (11211) or \"host:port-i\"; MD5 keys",
     H::Md5, true, false, libmemcachedKetamaWeighted},
    {"libmemcached-ketama", "libmemcached (MEMCACHED_BEHAVIOR_KETAMA)",
     "100 points per server hashed with the key hash; weighted MD5 points once any weight > 1",
     H::OneAtATime, true, false, libmemcachedKetama},
    {"libmemcached-modula", "libmemcached (default distribution)",
     "hash % servers, weights ignored", H::OneAtATime, true, false, libmemcachedModula},
    {"libketama", "libketama (last.fm)", "weight share × 160 points from MD5 of \"ip:port-i\"; MD5 keys",
     H::Md5, false, false, libketamaPreset},
    {"twemproxy-ketama", "twemproxy / nutcracker (distribution: ketama)",
     "weighted MD5 points of the server name, or \"host\" (11211) / \"host:port\"; any of its 12 hashes",
     H::Fnv1a_64, true, false, twemproxyKetama},
    {"twemproxy-modula", "twemproxy / nutcracker (distribution: modula)",
     "hash % total weight; servers sorted by name (shorter first), repeated by weight", H::Fnv1a_64, true,
     false, twemproxyModula},
    {"twemproxy-random", "twemproxy / nutcracker (distribution: random)",
     "a random server per request, weighted: keys have no owner", H::Fnv1a_64, true, false, twemproxyRandom},
    {"python-memcached", "python-memcached 1.x", "((crc32(key) >> 16) & 0x7fff or 1) % buckets, each server repeated weight times",
     H::Crc32, false, false, pythonMemcached, "crc32 (15 bits, 0 -> 1)"},
    {"pymemcache", "pymemcache HashClient", "rendezvous: highest murmur3_32(\"host:port-key\") wins", H::Murmur3,
     false, false, pymemcache, "murmur3 (seed 0, per character)"},
    {"spymemcached-ketama", "spymemcached KetamaNodeLocator (format SPYMEMCACHED)",
     "160 points per node from MD5 of \"ip:port-i\"; weighted when weights are given; MD5 keys", H::Md5, false,
     false, spymemcachedKetama},
    {"spymemcached-ketama-libmemcached", "spymemcached KetamaNodeLocator (format LIBMEMCACHED)",
     "as spymemcached-ketama, but \"host-i\" on port 11211", H::Md5, false, false, spymemcachedKetamaLibmemcached},
    {"nginx-consistent", "nginx upstream `hash $key consistent;`",
     "weight × 160 CRC-32 points of \"host\\0port\" chained; full CRC-32 keys", H::Crc32a, false, false,
     nginxConsistent},
    {"nginx-hash", "nginx upstream `hash $key;`", "((crc32(key) >> 16) & 0x7fff) % total weight, servers by weight",
     H::Crc32, false, false, weightedModulo},
    {"memcached-proxy-jump", "memcached's proxy 1.6.15+: mcp.pool(backends) (dist_jump_hash)",
     "jump consistent hash of XXH3-64(key, seed); pool seed, filter and hash as mcp.pool takes them", H::Xxh3,
     false, false, memcachedProxyJump, "xxh3 (64 bits, pool seed)", true},
    {"memcached-proxy-ring", "memcached's proxy 1.6.45+: dist_ring_hash (omode default)",
     "160 points per backend, XXH3 of \"addr:port-k\"; keys by the low word of XXH3-64(key, seed)", H::Xxh3, false,
     false, memcachedProxyRing<ketama::ProxyRingMode::Default>, "xxh3 (low 32 bits, pool seed)", true},
    {"memcached-proxy-ring-1.6.18",
     "memcached's proxy 1.6.15-1.6.44 (Debian 12: 1.6.18): dist_ring_hash (omode default)",
     "one point only, the last backend's \"addr:port-159\" (the table is never filled): every key to the last backend",
     H::Xxh3, false, false, memcachedProxyRing<ketama::ProxyRingMode::Default1_6_18>, "xxh3 (low 32 bits, pool seed)",
     true},
    {"memcached-proxy-ring-ketama", "memcached's proxy 1.6.15+: dist_ring_hash, omode ketama",
     "40 MD5 digests of \"addr:port-k\", 4 points each; keys by the low word of XXH3-64(key, seed)", H::Xxh3, false,
     false, memcachedProxyRing<ketama::ProxyRingMode::Ketama>, "xxh3 (low 32 bits, pool seed)", true},
    {"memcached-proxy-ring-twemproxy", "memcached's proxy 1.6.15+: dist_ring_hash, omode twemproxy",
     "as omode ketama, but \"addr-k\" when the port is 11211", H::Xxh3, false, false,
     memcachedProxyRing<ketama::ProxyRingMode::Twemproxy>, "xxh3 (low 32 bits, pool seed)", true},
    {"memcached-proxy-ring-evcache", "memcached's proxy 1.6.15+: dist_ring_hash, omode evcache",
     "as omode ketama, of \"addr/addr:port-k\"", H::Xxh3, false, false,
     memcachedProxyRing<ketama::ProxyRingMode::Evcache>, "xxh3 (low 32 bits, pool seed)", true},
    {"mcrouter-ch3", "mcrouter (hash_func Ch3; WeightedCh3 when weights differ)",
     "furc_hash of the routing key; weights as fractions of the largest", H::Xxh3, false, false, mcrouterCh3, "furc (murmur64a)"},
    {"mcrouter-crc32", "mcrouter (hash_func Crc32)", "(crc32(routing key) & 0x7fffffff) % servers", H::Crc32a, false,
     false, mcrouterCrc32, "crc32a & 0x7fffffff"},
    {"ketama", "textbook", "consistent hashing: points-per-server × weight points of \"label-i\"", H::Md5, true, true,
     textbookKetama},
    {"modulo", "textbook", "hash % buckets, each server repeated weight times", H::Md5, true, true, textbookModulo},
    {"jump", "textbook (Lamping & Veach)", "jump consistent hash; 64-bit for xxh3", H::Xxh3, true, true, textbookJump},
    {"rendezvous", "textbook (highest random weight)", "highest score wins; weighted -w/ln(u)", H::Murmur3, true, true,
     textbookRendezvous},
    {"maglev", "textbook (Google Maglev)", "65537-slot lookup table filled by per-server permutations", H::Murmur3,
     true, true, textbookMaglev},
    {"multiprobe", "textbook (multi-probe consistent hashing)", "one point per weight unit, 21 probes per key",
     H::Murmur3, true, true, textbookMultiProbe},
    {"bounded-load", "textbook (consistent hashing with bounded loads)",
     "ketama ring, no server above load factor × its share", H::Md5, true, true, textbookBoundedLoad},
};

} // namespace

std::span<const Preset> allPresets() noexcept
{
    return kPresets;
}

const Preset *findPreset(std::string_view name) noexcept
{
    for (const Preset &p : kPresets)
        if (p.name == name)
            return &p;
    return nullptr;
}

std::string presetHashLabel(const Preset &preset, std::optional<HashAlgorithm> hash)
{
    if (!preset.hashSelectable && !preset.fixedHashLabel.empty())
        return std::string(preset.fixedHashLabel);
    return std::string(hashName(hash.value_or(preset.defaultHash)));
}

std::unique_ptr<Distribution> makeDistribution(const Preset &preset, ServerList servers,
                                               std::optional<HashAlgorithm> hash,
                                               const PresetOptions &options, std::string &error)
{
    if (hash && *hash != preset.defaultHash && !preset.hashSelectable) {
        error = "preset '" + std::string(preset.name) + "' always hashes keys with "
            + std::string(hashName(preset.defaultHash)) + "; --hash cannot change it";
        return nullptr;
    }
    if (servers.empty()) {
        error = "the server list is empty";
        return nullptr;
    }
    if (!options.proxyPool.isDefault() && !preset.takesProxyPool) {
        error = "preset '" + std::string(preset.name)
            + "' is not memcached's proxy: mcp.pool's seed, hash filter and key hash apply only to the "
              "memcached-proxy-* presets";
        return nullptr;
    }
    if (error = options.proxyPool.validate(); !error.empty())
        return nullptr;
    return preset.make(std::move(servers), hash.value_or(preset.defaultHash), options);
}

} // namespace ringscope::core
