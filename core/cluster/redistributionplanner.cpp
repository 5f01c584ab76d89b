#include "redistributionplanner.h"

#include <algorithm>
#include <thread>
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

RedistributionPlan planRedistribution(const Distribution &before, const Distribution &after, const KeySet &keys,
                                      unsigned threads)
{
    RedistributionPlan plan;
    plan.totalKeys = keys.size();
    std::unordered_map<std::string, std::uint32_t> index;
    auto addServer = [&](const Server &s) {
        const auto [it, inserted] = index.emplace(s.address(), static_cast<std::uint32_t>(plan.servers.size()));
        if (inserted)
            plan.servers.push_back({s.address()});
        return it->second;
    };
    std::vector<std::uint32_t> mapBefore, mapAfter;
    for (const Server &s : before.servers())
        mapBefore.push_back(addServer(s));
    for (const Server &s : after.servers())
        mapAfter.push_back(addServer(s));

    const auto ownersBefore = assignOwners(before, keys, threads);
    const auto ownersAfter = assignOwners(after, keys, threads);
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const std::uint32_t from = mapBefore[ownersBefore[k]];
        const std::uint32_t to = mapAfter[ownersAfter[k]];
        ++plan.servers[from].before;
        ++plan.servers[to].after;
        if (from != to) {
            ++plan.servers[from].out;
            ++plan.servers[to].in;
            plan.moves.push_back({static_cast<std::uint32_t>(k), from, to});
        }
    }
    return plan;
}

} // namespace ringscope::core
