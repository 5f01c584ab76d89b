#include "core/placement/redistributionplanner.h"

#include <algorithm>
#include <thread>
#include <string_view>
#include <unordered_map>

namespace ringscope::core {

std::vector<std::uint32_t> assignOwners(const Distribution &d, const KeySet &keys, unsigned threads)
{
    std::vector<std::uint32_t> owners(keys.size());
    const std::span<const std::string_view> all(keys.views());
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    // Distributions that place the whole set at once (bounded load) cannot be
    // split; small sets are not worth a thread.
    const bool splittable = all.size() >= 50000 && threads > 1 && d.independentKeys();
    if (!splittable) {
        d.assign(all, owners);
        return owners;
    }
    const std::size_t chunk = (all.size() + threads - 1) / threads;
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        const std::size_t begin = t * chunk;
        const std::size_t end = std::min(all.size(), begin + chunk);
        if (begin >= end)
            break;
        workers.emplace_back([&, begin, end] {
            d.assign(all.subspan(begin, end - begin), std::span(owners).subspan(begin, end - begin));
        });
    }
    workers.clear(); // join before `owners` is handed out
    return owners;
}

std::vector<std::uint32_t> placeKeys(const Distribution &d, const KeySet &keys, const PlaceOptions &how)
{
    const std::size_t n = d.servers().size();
    const auto isEjected = [&](std::size_t server) { return server < how.ejected.size() && how.ejected[server]; };
    std::size_t live = 0;
    for (std::size_t s = 0; s < n; ++s)
        live += isEjected(s) ? 0u : 1u;
    const bool someDown = live != 0 && live != n;
    std::vector<std::uint32_t> owners;
    if (someDown && how.failover && how.failover->rule() == Failover::Eject) {
        // Every key is placed over the live servers: the owners under `d` are not needed.
        owners.resize(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto to = how.failover->owner(keys[i]);
            owners[i] = static_cast<std::uint32_t>(to ? *to : d.owner(keys[i]));
        }
        return owners;
    }
    if (!how.positions.empty() && how.positions.size() == keys.size() && d.ownerAt(0)) {
        owners.resize(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i)
            owners[i] = static_cast<std::uint32_t>(*d.ownerAt(how.positions[i]));
    } else {
        owners = assignOwners(d, keys, how.threads);
    }
    if (!someDown)
        return owners;
    if (how.failover) {
        // A down server's keys go where the client sends them; the rest stay.
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (isEjected(owners[i]))
                if (const auto to = how.failover->owner(keys[i]))
                    owners[i] = static_cast<std::uint32_t>(*to);
        return owners;
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!isEjected(owners[i]))
            continue;
        for (const std::size_t next : d.successors(keys[i], n))
            if (!isEjected(next)) {
                owners[i] = static_cast<std::uint32_t>(next);
                break;
            }
    }
    return owners;
}

std::vector<std::uint32_t> carryOwners(const KeySet &from, std::span<const std::uint32_t> owners, const KeySet &to)
{
    std::unordered_map<std::string_view, std::uint32_t> byName;
    byName.reserve(owners.size());
    for (std::size_t i = 0; i < owners.size() && i < from.size(); ++i)
        byName.emplace(from[i], owners[i]);
    std::vector<std::uint32_t> out(to.size(), KnownOwners::kNone);
    for (std::size_t i = 0; i < to.size(); ++i)
        if (const auto it = byName.find(to[i]); it != byName.end())
            out[i] = it->second;
    return out;
}

RedistributionPlan planRedistribution(const KnownOwners &before, const Distribution &after, const PlaceOptions &howAfter,
                                      const KeySet &keys)
{
    RedistributionPlan plan;
    plan.totalKeys = keys.size();
    std::unordered_map<std::string, std::uint32_t> index;
    auto addServer = [&](const std::string &address) {
        const auto [it, inserted] = index.emplace(address, static_cast<std::uint32_t>(plan.servers.size()));
        if (inserted)
            plan.servers.push_back({address});
        return it->second;
    };
    for (const std::string &address : before.addresses)
        plan.indexOfBefore.push_back(addServer(address));
    for (const Server &s : after.servers())
        plan.indexOfAfter.push_back(addServer(s.address()));

    plan.ownersAfter = placeKeys(after, keys, howAfter);
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const std::uint32_t to = plan.indexOfAfter[plan.ownersAfter[k]];
        ++plan.servers[to].after;
        const std::uint32_t was = k < before.owners.size() ? before.owners[k] : KnownOwners::kNone;
        if (was == KnownOwners::kNone)
            continue; // a key that is new: it arrives, but it does not move
        const std::uint32_t from = plan.indexOfBefore[was];
        ++plan.servers[from].before;
        if (from != to) {
            ++plan.servers[from].out;
            ++plan.servers[to].in;
            plan.moves.push_back({static_cast<std::uint32_t>(k), from, to});
        }
    }
    return plan;
}

RedistributionPlan planRedistribution(const Distribution &before, const PlaceOptions &howBefore, const Distribution &after,
                                      const PlaceOptions &howAfter, const KeySet &keys)
{
    KnownOwners known;
    for (const Server &s : before.servers())
        known.addresses.push_back(s.address());
    const auto owners = placeKeys(before, keys, howBefore);
    known.owners = owners;
    return planRedistribution(known, after, howAfter, keys);
}

RedistributionPlan planRedistribution(const Distribution &before, const Distribution &after, const KeySet &keys,
                                      unsigned threads)
{
    PlaceOptions how;
    how.threads = threads;
    return planRedistribution(before, how, after, how, keys);
}

} // namespace ringscope::core
