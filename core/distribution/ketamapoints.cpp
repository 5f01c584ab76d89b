#include "core/distribution/ketamapoints.h"

#include "core/hash/hashfunctions.h"
#include "core/hash/md5.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace ringscope::core::ketama {
namespace {

std::uint32_t totalWeight(const ServerList &servers)
{
    std::uint32_t total = 0;
    for (const Server &s : servers)
        total += s.weight;
    return total;
}

void addDigestPoints(std::vector<RingPoint> &out, std::string_view text, std::size_t server)
{
    const Md5::Digest d = Md5::digest(text);
    for (unsigned x = 0; x < 4; ++x)
        out.push_back({Md5::word(d, x), static_cast<std::uint32_t>(server)});
}

// libmemcached and twemproxy: (uint32_t)(floor((float)(pct * 160 / 4 * (float)live
// + 0.0000000001)) * 4), with pct a float. The types are kept as in the C so
// that borderline shares round the same way.
std::uint32_t weightedDigests(std::uint32_t weight, std::uint32_t total, std::size_t live)
{
    const float pct = static_cast<float>(weight) / static_cast<float>(total);
    const float share = pct * 160.0f / 4.0f * static_cast<float>(live);
    const auto rounded = static_cast<float>(static_cast<double>(share) + 0.0000000001);
    return static_cast<std::uint32_t>(std::floor(rounded) * 4) / 4;
}

std::string withIndex(std::string prefix, std::uint32_t i)
{
    prefix += '-';
    prefix += std::to_string(i);
    return prefix;
}

} // namespace

std::vector<RingPoint> libmemcached(const ServerList &servers, bool weighted, HashFunction pointHash)
{
    std::vector<RingPoint> out;
    const std::uint32_t total = totalWeight(servers);
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Server &s = servers[i];
        const std::string prefix = s.port == kDefaultMemcachedPort ? s.host : s.host + ":" + std::to_string(s.port);
        const std::uint32_t count = weighted ? weightedDigests(s.weight, total, servers.size()) : 100;
        for (std::uint32_t p = 0; p < count; ++p) {
            const std::string text = withIndex(prefix, p);
            if (weighted)
                addDigestPoints(out, text, i);
            else
                out.push_back({pointHash(text), static_cast<std::uint32_t>(i)});
        }
    }
    return out;
}

std::vector<RingPoint> libketama(const ServerList &servers)
{
    std::vector<RingPoint> out;
    const std::uint32_t total = totalWeight(servers);
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Server &s = servers[i];
        // float pct; floorf(pct * 40.0 * (float)numservers), the product in double.
        const float pct = static_cast<float>(s.weight) / static_cast<float>(total);
        const double share = static_cast<double>(pct) * 40.0 * static_cast<double>(static_cast<float>(servers.size()));
        const auto digests = static_cast<std::uint32_t>(std::floor(static_cast<float>(share)));
        const std::string prefix = s.host + ":" + std::to_string(s.port);
        for (std::uint32_t k = 0; k < digests; ++k)
            addDigestPoints(out, withIndex(prefix, k), i);
    }
    return out;
}

std::string twemproxyName(const Server &s)
{
    if (!s.name.empty())
        return s.name;
    return s.port == kDefaultMemcachedPort ? s.host : s.host + ":" + std::to_string(s.port);
}

std::vector<std::size_t> twemproxyOrder(const ServerList &servers)
{
    std::vector<std::string> names;
    for (const Server &s : servers)
        names.push_back(twemproxyName(s));
    std::vector<std::size_t> order(servers.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::string &x = names[a];
        const std::string &y = names[b];
        if (x.size() != y.size())
            return x.size() < y.size();
        return std::memcmp(x.data(), y.data(), x.size()) < 0;
    });
    return order;
}

std::vector<RingPoint> twemproxy(const ServerList &servers)
{
    std::vector<RingPoint> out;
    const std::uint32_t total = totalWeight(servers);
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Server &s = servers[i];
        const std::string prefix = twemproxyName(s);
        const std::uint32_t digests = weightedDigests(s.weight, total, servers.size());
        for (std::uint32_t p = 0; p < digests; ++p)
            addDigestPoints(out, withIndex(prefix, p), i);
    }
    return out;
}

std::vector<RingPoint> spymemcached(const ServerList &servers, bool libmemcachedFormat)
{
    // KetamaNodeLocator takes its weighted path when the client passes
    // weights; we pass them when any server has a weight other than 1.
    const bool weighted = std::any_of(servers.begin(), servers.end(), [](const Server &s) { return s.weight != 1; });
    const std::uint32_t total = totalWeight(servers);
    std::vector<RingPoint> out;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Server &s = servers[i];
        // SPYMEMCACHED: InetSocketAddress.toString() less its leading '/', i.e.
        // "ip:port" for an address given as an IP. LIBMEMCACHED: the host
        // name, with ":port" unless the port is 11211.
        const std::string prefix = libmemcachedFormat && s.port == kDefaultMemcachedPort
            ? s.host
            : s.host + ":" + std::to_string(s.port);
        const std::uint32_t digests = weighted ? weightedDigests(s.weight, total, servers.size()) : 40;
        for (std::uint32_t p = 0; p < digests; ++p)
            addDigestPoints(out, withIndex(prefix, p), i);
    }
    return out;
}

std::vector<RingPoint> nginx(const ServerList &servers)
{
    std::vector<RingPoint> out;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Server &s = servers[i];
        // nginx hashes the `server` text split at its last ':'; an IPv6 host
        // keeps its brackets there.
        const std::string address = s.address();
        const std::string_view host(address.data(), address.rfind(':'));
        std::uint32_t base = hashfn::kCrc32Init;
        base = hashfn::crc32Update(base, host);
        base = hashfn::crc32Update(base, std::string_view("\0", 1));
        base = hashfn::crc32Update(base, std::to_string(s.port));
        std::uint32_t prev = 0;
        const std::uint32_t count = s.weight * 160;
        for (std::uint32_t j = 0; j < count; ++j) {
            const char bytes[4] = {static_cast<char>(prev), static_cast<char>(prev >> 8),
                                   static_cast<char>(prev >> 16), static_cast<char>(prev >> 24)};
            const std::uint32_t h = hashfn::crc32Final(hashfn::crc32Update(base, std::string_view(bytes, 4)));
            out.push_back({h, static_cast<std::uint32_t>(i)});
            prev = h;
        }
    }
    return out;
}

std::vector<RingPoint> memcachedProxy(const ServerList &servers, ProxyRingMode mode)
{
    constexpr std::uint32_t kBuckets = 160; // DEFAULT_BUCKET_SIZE
    std::vector<RingPoint> out;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Server &s = servers[i];
        const std::string port = std::to_string(s.port);
        const auto server = static_cast<std::uint32_t>(i);
        const auto xxh3Point = [&](std::uint32_t k) {
            const auto value = static_cast<std::uint32_t>(hashfn::xxh3_64(withIndex(s.host + ":" + port, k), 0));
            out.push_back({value, server});
        };
        switch (mode) {
        case ProxyRingMode::Default:
            for (std::uint32_t k = 0; k < kBuckets; ++k)
                xxh3Point(k);
            break;
        case ProxyRingMode::Default1_6_18:
            if (i + 1 == servers.size())
                xxh3Point(kBuckets - 1);
            break;
        case ProxyRingMode::Ketama:
        case ProxyRingMode::Twemproxy:
        case ProxyRingMode::Evcache: {
            std::string prefix = s.host + ":" + port;
            if (mode == ProxyRingMode::Twemproxy && port == "11211")
                prefix = s.host;
            else if (mode == ProxyRingMode::Evcache)
                prefix = s.host + "/" + prefix;
            for (std::uint32_t k = 0; k < kBuckets / 4; ++k)
                addDigestPoints(out, withIndex(prefix, k), i);
            break;
        }
        }
    }
    return out;
}

std::vector<RingPoint> textbook(const ServerList &servers, std::uint32_t pointsPerServer, HashFunction hash)
{
    std::vector<RingPoint> out;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const std::string label = servers[i].label();
        const std::uint32_t count = pointsPerServer * servers[i].weight;
        for (std::uint32_t p = 0; p < count; ++p)
            out.push_back({hash(withIndex(label, p)), static_cast<std::uint32_t>(i)});
    }
    return out;
}

} // namespace ringscope::core::ketama
