#include "app/cli/commands.h"

#include "app/cli/arguments.h"

#include "core/placement/keyset.h"
#include "core/placement/redistributionplanner.h"
#include "core/distribution/preset.h"

#include <chrono>
#include <cstdio>

namespace ringscope::cli {

using namespace ringscope::core;
using Clock = std::chrono::steady_clock;

namespace {

ServerList syntheticServers(std::size_t n)
{
    ServerList servers;
    for (std::size_t i = 0; i < n; ++i)
        servers.push_back({"10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1),
                           static_cast<std::uint16_t>(11211), 1, {}});
    return servers;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

} // namespace

// Figures, never a verdict: the benchmarks with baselines live in tests/bench.
int runBench(const std::vector<std::string> &args)
{
    if (!args.empty() && args.front() == "client")
        return runLive("bench-client", std::vector<std::string>(args.begin() + 1, args.end()));
    std::string error;
    const auto a = Arguments::parse(args, {"servers", "keys", "preset"}, {}, error);
    if (!a)
        return fail(error);
    if (a->positional().size() != 1 || (a->positional()[0] != "lookup" && a->positional()[0] != "place"))
        return fail("bench needs one of: lookup, place, client");
    const std::size_t serverCount = std::stoul(a->value("servers", "100"));
    const std::size_t keyCount = std::stoul(a->value("keys", "1000000"));
    if (serverCount == 0 || serverCount > 10000 || keyCount == 0 || keyCount > 100'000'000)
        return fail("--servers must be 1..10000 and --keys 1..100000000");
    const KeySet keys = KeySet::synthetic(keyCount);
    const ServerList servers = syntheticServers(serverCount);
    const bool lookup = a->positional()[0] == "lookup";
    std::printf("%-34s %12s %12s %12s\n", "preset", "build ms", lookup ? "ns/lookup" : "Mkeys/s", "keys");
    for (const Preset &p : allPresets()) {
        if (a->has("preset") && a->value("preset") != p.name)
            continue;
        auto t0 = Clock::now();
        auto d = makeDistribution(p, servers, std::nullopt, {}, error);
        const double build = seconds(Clock::now() - t0);
        if (!d || !d->deterministic())
            continue;
        t0 = Clock::now();
        const auto owners = assignOwners(*d, keys, lookup ? 1 : 0);
        const double run = seconds(Clock::now() - t0);
        std::printf("%-34s %12.3f %12.2f %12zu\n", std::string(p.name).c_str(), build * 1e3,
                    lookup ? run * 1e9 / static_cast<double>(keyCount) : static_cast<double>(keyCount) / run / 1e6,
                    owners.size());
    }
    return 0;
}

} // namespace ringscope::cli
