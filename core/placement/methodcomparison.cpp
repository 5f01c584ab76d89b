#include "core/placement/methodcomparison.h"

#include "core/distribution/hashtagdistribution.h"
#include "core/placement/redistributionplanner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

namespace ringscope::core {
namespace {

double weightShare(const ServerList &part, const ServerList &whole)
{
    double p = 0, w = 0;
    for (const Server &s : part)
        p += s.weight;
    for (const Server &s : whole)
        w += s.weight;
    return w > 0 ? p / w : 0.0;
}

// Every key's copies under one distribution, as ids into a table of
// addresses shared by the before and after lists, so that "the same server"
// means the same address.
struct Copies {
    std::size_t stride = 1;          // copies per key
    std::vector<std::uint32_t> ids;  // keys × stride
};

class AddressTable {
public:
    std::vector<std::uint32_t> idsOf(const ServerList &servers)
    {
        std::vector<std::uint32_t> out;
        for (const Server &s : servers) {
            const auto [it, fresh] = m_ids.try_emplace(s.address(), static_cast<std::uint32_t>(m_ids.size()));
            out.push_back(it->second);
        }
        return out;
    }

private:
    std::map<std::string, std::uint32_t> m_ids;
};

Copies copiesOf(const Distribution &d, const std::vector<std::uint32_t> &ids, const KeySet &keys, std::size_t replicas,
                unsigned threads)
{
    Copies c;
    c.stride = std::min(replicas, d.servers().size());
    if (c.stride <= 1) {
        c.stride = 1;
        c.ids = assignOwners(d, keys, threads);
    } else {
        // A server with no point on the ring (a tiny weight share under
        // weighted ketama) is nobody's successor: keys then have fewer
        // distinct servers than asked, and every key keeps as many as the
        // one with the fewest.
        c.ids.assign(keys.size() * c.stride, 0);
        std::size_t shortest = c.stride;
        for (std::size_t k = 0; k < keys.size(); ++k) {
            const auto s = d.successors(keys[k], c.stride);
            shortest = std::min(shortest, s.size());
            for (std::size_t j = 0; j < s.size() && j < c.stride; ++j)
                c.ids[k * c.stride + j] = static_cast<std::uint32_t>(s[j]);
        }
        if (shortest == 0)
            return copiesOf(d, ids, keys, 1, threads);
        if (shortest < c.stride) {
            for (std::size_t k = 0; k < keys.size(); ++k)
                for (std::size_t j = 0; j < shortest; ++j)
                    c.ids[k * shortest + j] = c.ids[k * c.stride + j];
            c.ids.resize(keys.size() * shortest);
            c.stride = shortest;
        }
    }
    for (auto &id : c.ids)
        id = ids[id];
    return c;
}

// Copies that the change creates on a server that did not hold them, as a
// share of the copies after it.
double movedFraction(const Copies &before, const Copies &after, std::size_t keys)
{
    if (keys == 0)
        return 0;
    std::size_t moved = 0;
    for (std::size_t k = 0; k < keys; ++k) {
        const auto *old = &before.ids[k * before.stride];
        const auto *now = &after.ids[k * after.stride];
        for (std::size_t j = 0; j < after.stride; ++j)
            if (std::find(old, old + before.stride, now[j]) == old + before.stride)
                ++moved;
    }
    return static_cast<double>(moved) / static_cast<double>(keys * after.stride);
}

void measureLoad(MethodMeasurement &m, const ServerList &servers, const std::vector<std::uint32_t> &ids,
                 const Copies &copies)
{
    std::map<std::uint32_t, std::size_t> indexOf;
    for (std::size_t i = 0; i < ids.size(); ++i)
        indexOf[ids[i]] = i;
    m.keysPerServer.assign(servers.size(), 0);
    for (const std::uint32_t id : copies.ids)
        ++m.keysPerServer[indexOf[id]];
    double totalWeight = 0;
    for (const Server &s : servers)
        totalWeight += s.weight;
    const auto total = static_cast<double>(copies.ids.size());
    double maxRatio = 0, sum = 0, sumSq = 0;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const double ideal = total * servers[i].weight / totalWeight;
        const double ratio = ideal > 0 ? static_cast<double>(m.keysPerServer[i]) / ideal : 0;
        maxRatio = std::max(maxRatio, ratio);
        sum += ratio;
        sumSq += ratio * ratio;
    }
    const auto n = static_cast<double>(servers.size());
    const double mean = sum / n;
    m.maxOverMean = maxRatio;
    m.relativeStddev = mean > 0 ? std::sqrt(std::max(0.0, sumSq / n - mean * mean)) / mean : 0;
}

void measureFailure(MethodMeasurement &m, const ServerList &servers, const std::vector<std::uint32_t> &ids,
                    const Copies &copies, std::size_t keys)
{
    const auto busiest = static_cast<std::size_t>(
        std::max_element(m.keysPerServer.begin(), m.keysPerServer.end()) - m.keysPerServer.begin());
    m.downServer = servers[busiest].address();
    const std::uint32_t down = ids[busiest];
    const std::size_t needed = m.replication.mode == ReplicationMode::MultiMaster && m.replication.writeQuorum > 0
        ? std::min(m.replication.writeQuorum, copies.stride)
        : copies.stride;
    std::size_t unreadable = 0, refused = 0;
    for (std::size_t k = 0; k < keys; ++k) {
        const auto *c = &copies.ids[k * copies.stride];
        const auto onDown = static_cast<std::size_t>(std::count(c, c + copies.stride, down));
        const std::size_t live = copies.stride - onDown;
        if (live == 0)
            ++unreadable;
        bool refuse = false;
        switch (m.replication.mode) {
        case ReplicationMode::None:
        case ReplicationMode::Ring: refuse = live == 0; break;
        case ReplicationMode::MasterSlave: refuse = c[0] == down; break;
        case ReplicationMode::MultiMaster: refuse = live < needed; break;
        }
        if (refuse)
            ++refused;
    }
    const auto total = static_cast<double>(std::max<std::size_t>(keys, 1));
    m.readsUnavailable = static_cast<double>(unreadable) / total;
    m.writesRefused = static_cast<double>(refused) / total;
}

} // namespace

std::vector<std::string> defaultComparisonPresets()
{
    return {"modulo",     "ketama",       "rendezvous",          "jump",
            "maglev",     "multiprobe",   "bounded-load",        "libmemcached-ketama-weighted",
            "twemproxy-ketama", "python-memcached", "nginx-consistent", "memcached-proxy-jump"};
}

std::vector<ReplicationScheme> defaultReplicationSchemes(std::size_t servers)
{
    std::vector<ReplicationScheme> out;
    if (servers >= 2)
        out.push_back({ReplicationMode::MasterSlave, 2, 0});
    if (servers >= 2)
        out.push_back({ReplicationMode::Ring, 2, 0});
    if (servers >= 3)
        out.push_back({ReplicationMode::MultiMaster, 3, 2});
    return out;
}

std::string schemeLabel(const std::string &preset, const ReplicationScheme &scheme)
{
    if (scheme.mode == ReplicationMode::None)
        return preset;
    std::string label = preset + " + " + modeName(scheme.mode) + " R=" + std::to_string(scheme.replicas);
    if (scheme.mode == ReplicationMode::MultiMaster)
        label += " W=" + (scheme.writeQuorum == 0 ? std::string("all") : std::to_string(scheme.writeQuorum));
    return label;
}

std::string checkRequest(const ComparisonRequest &request)
{
    if (request.servers.empty())
        return "the cluster has no servers";
    if (!request.hashTag.empty() && request.hashTag.size() != 2)
        return "hash_tag must be two characters, like \"{}\"";
    std::set<std::string> present;
    for (const Server &s : request.servers)
        if (!present.insert(s.address()).second)
            return s.address() + " is in the cluster twice";
    for (const Server &s : request.added)
        if (!present.insert(s.address()).second)
            return "--add: " + s.address() + " is already in the cluster";
    std::set<std::string> gone;
    for (const std::string &r : request.removed) {
        const bool known = std::any_of(request.servers.begin(), request.servers.end(),
                                       [&](const Server &s) { return s.address() == r; });
        if (!known)
            return "--remove: " + r + " is not in the cluster";
        if (!gone.insert(r).second)
            return "--remove: " + r + " is named twice";
    }
    if (!request.removed.empty() && gone.size() >= request.servers.size())
        return "--remove: cannot remove every server";
    for (const ReplicationScheme &s : request.replication) {
        ReplicationOptions o;
        o.mode = s.mode;
        o.replicas = s.replicas;
        o.writeQuorum = s.writeQuorum;
        if (const std::string e = checkOptions(o, request.servers.size()); !e.empty())
            return schemeLabel(request.replicationPreset, s) + ": " + e;
    }
    return {};
}

std::vector<MethodMeasurement> compareMethods(const ComparisonRequest &request, const KeySet &keys,
                                              std::string &error, const std::atomic<bool> *stop)
{
    const auto stopped = [&] {
        if (!stop || !stop->load(std::memory_order_relaxed))
            return false;
        error = "stopped before the end";
        return true;
    };
    if (error = checkRequest(request); !error.empty())
        return {};
    ServerList grown = request.servers;
    grown.insert(grown.end(), request.added.begin(), request.added.end());
    ServerList shrunk, removedServers;
    for (const Server &s : request.servers)
        (std::find(request.removed.begin(), request.removed.end(), s.address()) == request.removed.end() ? shrunk
                                                                                                        : removedServers)
            .push_back(s);
    AddressTable table;
    const auto baseIds = table.idsOf(request.servers);
    const auto grownIds = table.idsOf(grown);
    const auto shrunkIds = table.idsOf(shrunk);

    std::vector<std::pair<std::string, ReplicationScheme>> rows;
    for (const std::string &name : request.presets.empty() ? defaultComparisonPresets() : request.presets)
        rows.emplace_back(name, ReplicationScheme{});
    for (const ReplicationScheme &s : request.replication)
        rows.emplace_back(request.replicationPreset, s);

    std::vector<MethodMeasurement> out;
    for (const auto &[name, scheme] : rows) {
        if (stopped())
            return {};
        const Preset *preset = findPreset(name);
        if (!preset) {
            error = "unknown preset '" + name + "'";
            return {};
        }
        const auto hash = preset->hashSelectable ? request.hash : std::nullopt;
        const auto place = [&](const ServerList &servers) {
            return withHashTag(makeDistribution(*preset, servers, hash, request.options, error), request.hashTag);
        };
        const auto base = place(request.servers);
        if (!base)
            return {};
        if (!base->deterministic()) {
            error = "preset '" + name + "' picks a server at random: keys have no owner to compare";
            return {};
        }
        MethodMeasurement m;
        m.preset = name;
        m.replication = scheme;
        m.label = schemeLabel(name, scheme);
        m.hash = presetHashLabel(*preset, hash);
        m.idealOnAdd = weightShare(request.added, grown);
        m.idealOnRemove = weightShare(removedServers, request.servers);

        const auto start = std::chrono::steady_clock::now();
        const Copies before = copiesOf(*base, baseIds, keys, scheme.replicas, 1);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        m.lookupNanos = keys.empty() ? 0
                                     : static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count())
                / static_cast<double>(keys.size());
        measureLoad(m, request.servers, baseIds, before);
        measureFailure(m, request.servers, baseIds, before, keys.size());
        const auto movedTo = [&](const ServerList &servers, const std::vector<std::uint32_t> &ids) -> std::optional<double> {
            if (stopped())
                return std::nullopt;
            const auto d = place(servers);
            if (!d)
                return std::nullopt;
            return movedFraction(before, copiesOf(*d, ids, keys, scheme.replicas, 0), keys.size());
        };
        if (!request.added.empty() && !(m.movedOnAdd = movedTo(grown, grownIds)))
            return {};
        if (!request.removed.empty() && !(m.movedOnRemove = movedTo(shrunk, shrunkIds)))
            return {};
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace ringscope::core
