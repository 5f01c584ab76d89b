#include "failover.h"

#include "../hash/hashfunctions.h"

#include <algorithm>
#include <array>

namespace ringscope::core {

namespace {

constexpr std::array<std::pair<Failover, const char *>, 3> kNames{{
    {Failover::Fail, "fail"},
    {Failover::Eject, "eject"},
    {Failover::Rehash, "rehash"},
}};

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
                                                           Failover rule, const Builder &build, std::string &error)
{
    std::unique_ptr<FailoverPlacement> p(new FailoverPlacement);
    p->m_down.assign(servers.size(), false);
    for (const std::size_t d : down)
        if (d < servers.size())
            p->m_down[d] = true;
    p->m_rule = rule;
    switch (rule) {
    case Failover::Fail:
        p->m_all = build(servers);
        if (!p->m_all)
            return nullptr;
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
    }
    return std::nullopt;
}

} // namespace ringscope::core
