#include "core/distribution/failover.h"

#include "core/hash/hashfunctions.h"

#include <algorithm>
#include <array>

namespace ringscope::core {

namespace {

constexpr std::array<std::pair<Failover, const char *>, 5> kNames{{
    {Failover::Fail, "fail"},
    {Failover::Eject, "eject"},
    {Failover::Rehash, "rehash"},
    {Failover::Redistribute, "redistribute"},
    {Failover::NextUpstream, "next-upstream"},
}};

// spymemcached 2.12.3, KetamaNodeLocator.getSequence: a KetamaIterator of 7
// nodes. Its positions accumulate: p0 = H(key) (the primary again), then
// p(n+1) = p(n) + H(decimal(n) + key) mod 2^32 for n = 0..5, each looked up
// as the first point at or after it (wrapping). MemcachedConnection.
// addOperation (Redistribute) takes the primary when it is active, else the
// first active node of that sequence, else the primary again (the request
// then waits for it: it fails here). The continuum is never rebuilt.
constexpr int kSpyIteratorNodes = 7;

// nginx 1.22.1, ngx_http_upstream_get_hash_peer / get_chash_peer: a peer
// that failed (max_fails 1 within fail_timeout 10 s) is skipped; after more
// than 20 skips nginx falls back to round robin over the live peers, which
// has no owner per key (here: the request is not placed).
constexpr int kNginxTries = 20;

// python-memcached 1.58, Client._get_server: up to _SERVER_RETRIES (10)
// buckets are tried; after a try whose server is dead, the hash becomes
// cmemcache_hash(str(hash) + str(i)) — the decimal digits of the last hash
// followed by the try's number from 0 — over the same bucket list.
constexpr int kPythonMemcachedTries = 10;

} // namespace

const char *failoverName(Failover rule) noexcept
{
    for (const auto &[r, name] : kNames)
        if (r == rule)
            return name;
    return "?";
}

std::optional<Failover> parseFailover(std::string_view text) noexcept
{
    for (const auto &[r, name] : kNames)
        if (text == name)
            return r;
    return std::nullopt;
}

FailoverBehaviour failoverOf(std::string_view preset, std::optional<bool> autoEject)
{
    using F = Failover;
    if (preset == "python-memcached")
        return {F::Rehash, "python-memcached (_get_server retries)", {F::Rehash}};
    if (preset.starts_with("twemproxy-")) {
        // nutcracker's auto_eject_hosts is false unless the pool says so.
        if (autoEject.value_or(false))
            return {F::Eject, "twemproxy (auto_eject_hosts: true)", {F::Eject, F::Fail}};
        return {F::Fail, "twemproxy (auto_eject_hosts: false)", {F::Fail, F::Eject}};
    }
    // libmemcached 1.1.4 (tried, tst_failover): a dead server's requests fail
    // ("SERVER HAS FAILED AND IS DISABLED UNTIL TIMED RETRY") unless
    // REMOVE_FAILED_SERVERS (or AUTO_EJECT_HOSTS) and a SERVER_FAILURE_LIMIT
    // are set; then update_continuum leaves it out of the ketama continuum.
    // Modula never ejects: its keys keep failing whatever the settings.
    if (preset == "libmemcached-modula")
        return {F::Fail, "libmemcached modula (never ejects)", {F::Fail}};
    if (preset.starts_with("libmemcached-"))
        return {F::Fail, "libmemcached (REMOVE_FAILED_SERVERS off)", {F::Fail, F::Eject}};
    if (preset == "libketama")
        return {F::Fail, "libketama (no failover of its own)", {F::Fail, F::Eject}};
    if (preset.starts_with("spymemcached-"))
        // DefaultConnectionFactory and KetamaConnectionFactory: FailureMode.Redistribute.
        return {F::Redistribute, "spymemcached (FailureMode.Redistribute)", {F::Redistribute, F::Fail}};
    if (preset.starts_with("nginx-"))
        // memcached_next_upstream defaults to "error timeout".
        return {F::NextUpstream, "nginx (memcached_next_upstream error timeout)", {F::NextUpstream, F::Fail}};
    if (preset == "pymemcache")
        // HashClient removes a node after retry_attempts failures (until
        // dead_timeout); the rendezvous hash then picks among the others.
        return {F::Eject, "pymemcache HashClient (node removed)", {F::Eject}};
    if (preset.starts_with("mcrouter-"))
        return {F::Fail, "mcrouter (TKO, no failover route)", {F::Fail}};
    if (preset.starts_with("memcached-proxy-"))
        return {F::Fail, "memcached proxy (the route fails)", {F::Fail}};
    return {F::Eject, "RingScope (the server leaves the ring)", {F::Eject, F::Fail}};
}

std::unique_ptr<FailoverPlacement> FailoverPlacement::make(ServerList servers, const std::vector<std::size_t> &down,
                                                           Failover rule, const Builder &build, std::string &error,
                                                           std::string_view preset)
{
    std::unique_ptr<FailoverPlacement> p(new FailoverPlacement);
    p->m_down.assign(servers.size(), false);
    for (const std::size_t d : down)
        if (d < servers.size())
            p->m_down[d] = true;
    p->m_rule = rule;
    switch (rule) {
    case Failover::Fail:
    case Failover::Redistribute:
        p->m_all = build(servers);
        if (!p->m_all)
            return nullptr;
        if (rule == Failover::Redistribute && p->m_all->points().empty()) {
            error = "redistribute follows spymemcached's KetamaNodeLocator: it needs a ring preset";
            return nullptr;
        }
        break;
    case Failover::NextUpstream:
        p->m_consistent = preset == "nginx-consistent";
        p->m_all = build(servers);
        if (!p->m_all)
            return nullptr;
        if (!p->m_consistent) // `hash $key`: each peer `weight` units, in config order
            for (std::size_t i = 0; i < servers.size(); ++i)
                p->m_buckets.push_back(servers[i].weight);
        break;
    case Failover::Eject: {
        ServerList live;
        for (std::size_t i = 0; i < servers.size(); ++i)
            if (!p->m_down[i]) {
                live.push_back(servers[i]);
                p->m_liveIndex.push_back(i);
            }
        if (!live.empty()) {
            p->m_live = build(std::move(live));
            if (!p->m_live)
                return nullptr;
        }
        break;
    }
    case Failover::Rehash:
        // python-memcached's _init_buckets: each server `weight` times, in list order.
        for (std::size_t i = 0; i < servers.size(); ++i)
            p->m_buckets.insert(p->m_buckets.end(), servers[i].weight, static_cast<std::uint32_t>(i));
        if (p->m_buckets.empty()) {
            error = "no servers";
            return nullptr;
        }
        break;
    }
    p->m_servers = std::move(servers);
    return p;
}

std::optional<std::size_t> FailoverPlacement::owner(std::string_view key) const
{
    switch (m_rule) {
    case Failover::Fail: {
        const std::size_t o = m_servers.size() == 1 ? 0 : m_all->owner(key);
        return m_down[o] ? std::nullopt : std::optional<std::size_t>(o);
    }
    case Failover::Eject:
        if (!m_live)
            return std::nullopt;
        return m_liveIndex[m_liveIndex.size() == 1 ? 0 : m_live->owner(key)];
    case Failover::Rehash: {
        std::uint32_t hash = hashfn::crc32PythonMemcached(key);
        for (int i = 0; i < kPythonMemcachedTries; ++i) {
            const std::uint32_t server = m_buckets[hash % m_buckets.size()];
            if (!m_down[server])
                return server;
            const std::string next = std::to_string(hash) + std::to_string(i);
            hash = hashfn::crc32PythonMemcached(next);
        }
        return std::nullopt;
    }
    case Failover::Redistribute: {
        const std::size_t primary = m_servers.size() == 1 ? 0 : m_all->owner(key);
        if (!m_down[primary])
            return primary;
        std::uint32_t position = m_all->position(key);
        std::string tried;
        for (int n = 0; n < kSpyIteratorNodes; ++n) {
            if (const auto node = m_all->ownerAt(position); node && !m_down[*node])
                return *node;
            tried.assign(std::to_string(n)).append(key);
            position += m_all->position(tried); // mod 2^32
        }
        return std::nullopt;
    }
    case Failover::NextUpstream:
        return m_consistent ? nextPoint(key) : nextRehash(key);
    }
    return std::nullopt;
}

std::optional<std::size_t> FailoverPlacement::nextRehash(std::string_view key) const
{
    // `hash $key`: hash += (crc32([rehash] key) >> 16) & 0x7fff, cumulative
    // (Cache::Memcached's), the decimal rehash count before the key from the
    // second try on; then hash % total weight, walked over the peers' weights.
    std::uint64_t total = 0;
    for (const std::uint32_t w : m_buckets)
        total += w;
    std::uint64_t hash = 0;
    std::string text;
    for (int tries = 0, rehash = 0; tries <= kNginxTries; ++rehash) {
        text.clear();
        if (rehash > 0)
            text = std::to_string(rehash);
        text.append(key);
        hash += (hashfn::crc32(text) >> 16) & 0x7fff;
        std::uint64_t w = hash % total;
        std::size_t peer = 0;
        while (w >= m_buckets[peer])
            w -= m_buckets[peer++];
        if (!m_down[peer])
            return peer;
        ++tries;
    }
    return std::nullopt; // round robin over the live peers: no owner
}

std::optional<std::size_t> FailoverPlacement::nextPoint(std::string_view key) const
{
    // `hash $key consistent`: from the first point at or after crc32(key),
    // the next point whenever its server is down, 21 points at most.
    const auto points = m_all->points();
    const std::uint32_t position = m_all->position(key);
    const auto first = std::lower_bound(points.begin(), points.end(), position,
                                        [](const RingPoint &p, std::uint32_t v) { return p.value < v; });
    std::size_t index = static_cast<std::size_t>(first - points.begin());
    for (int tries = 0; tries <= kNginxTries; ++tries, ++index) {
        const std::size_t server = points[index % points.size()].server;
        if (!m_down[server])
            return server;
    }
    return std::nullopt;
}

} // namespace ringscope::core
