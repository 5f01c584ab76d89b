#include "methodcomparison.h"

#include "redistributionplanner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

namespace ringscope::core {
namespace {

double expectedMoveFraction(const ServerList &before, const ServerList &after)
{
    // Under an ideal consistent method, only the weight that changed hands
    // moves: the removed servers' share of the old total, or the added
    // servers' share of the new one.
    std::set<std::string> oldSet, newSet;
    double oldTotal = 0, newTotal = 0, removed = 0, added = 0;
    for (const Server &s : before) {
        oldSet.insert(s.address());
        oldTotal += s.weight;
    }
    for (const Server &s : after) {
        newSet.insert(s.address());
        newTotal += s.weight;
    }
    for (const Server &s : before)
        if (!newSet.count(s.address()))
            removed += s.weight;
    for (const Server &s : after)
        if (!oldSet.count(s.address()))
            added += s.weight;
    return std::max(oldTotal > 0 ? removed / oldTotal : 0.0, newTotal > 0 ? added / newTotal : 0.0);
}

void measureLoad(MethodMeasurement &m, const ServerList &servers, const std::vector<std::uint32_t> &owners)
{
    m.keysPerServer.assign(servers.size(), 0);
    for (const std::uint32_t o : owners)
        ++m.keysPerServer[o];
    double totalWeight = 0;
    for (const Server &s : servers)
        totalWeight += s.weight;
    const auto total = static_cast<double>(owners.size());
    double maxRatio = 0, sum = 0, sumSq = 0, maxShare = 0;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const double ideal = total * servers[i].weight / totalWeight;
        const double ratio = ideal > 0 ? static_cast<double>(m.keysPerServer[i]) / ideal : 0;
        maxRatio = std::max(maxRatio, ratio);
        sum += ratio;
        sumSq += ratio * ratio;
        maxShare = std::max(maxShare, total > 0 ? static_cast<double>(m.keysPerServer[i]) / total : 0);
    }
    const auto n = static_cast<double>(servers.size());
    const double mean = sum / n;
    m.maxOverMean = maxRatio;
    m.relativeStddev = mean > 0 ? std::sqrt(std::max(0.0, sumSq / n - mean * mean)) / mean : 0;
    m.unavailableFraction = maxShare;
}

} // namespace

std::vector<std::string> defaultComparisonPresets()
{
    return {"modulo",     "ketama",       "rendezvous",          "jump",
            "maglev",     "multiprobe",   "bounded-load",        "libmemcached-ketama-weighted",
            "twemproxy-ketama", "python-memcached", "nginx-consistent", "memcached-proxy-jump"};
}

std::vector<MethodMeasurement> compareMethods(const ComparisonRequest &request, const KeySet &keys,
                                              std::string &error)
{
    std::vector<MethodMeasurement> out;
    const auto names = request.presets.empty() ? defaultComparisonPresets() : request.presets;
    const double expected = expectedMoveFraction(request.before, request.after);
    for (const std::string &name : names) {
        const Preset *preset = findPreset(name);
        if (!preset) {
            error = "unknown preset '" + name + "'";
            return {};
        }
        const auto hash = preset->hashSelectable ? request.hash : std::nullopt;
        auto before = makeDistribution(*preset, request.before, hash, request.options, error);
        auto after = before ? makeDistribution(*preset, request.after, hash, request.options, error) : nullptr;
        if (!before || !after)
            return {};

        MethodMeasurement m;
        m.preset = name;
        m.hash = presetHashLabel(*preset, hash);
        m.expectedMoved = expected;
        const auto start = std::chrono::steady_clock::now();
        const auto owners = assignOwners(*before, keys, 1);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        m.lookupNanos = keys.empty() ? 0
                                     : static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count())
                / static_cast<double>(keys.size());
        measureLoad(m, request.before, owners);
        m.movedFraction = planRedistribution(*before, *after, keys).fractionMoved();
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace ringscope::core
