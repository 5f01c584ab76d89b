// Scale figures (issue #7): a simulated cluster of 200 servers and 10M keys
// (placement and planner only), then a real local cluster of 20 memcached
// holding 1M keys: write time, metadump streaming with bounded memory (peak
// RSS), audit time, and recompute-on-change. Prints figures, never fails.
// Usage: bench_scale [SIM_KEYS] [REAL_KEYS] [REAL_SERVERS]
#include "core/live/keyenumerator.h"
#include "core/placement/keyset.h"
#include "core/placement/ownershipaudit.h"
#include "core/placement/redistributionplanner.h"
#include "core/distribution/preset.h"
#include "core/local/democluster.h"
#include "core/net/client.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>

using namespace ringscope::core;
using BenchClock = std::chrono::steady_clock;

namespace {

double msSince(BenchClock::time_point start)
{
    return std::chrono::duration<double, std::milli>(BenchClock::now() - start).count();
}

// Peak resident set of this process so far, in MB (VmHWM).
double peakRssMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5"; // VmHWM back to the current RSS
}

ServerList simulatedServers(std::size_t n)
{
    ServerList servers;
    for (std::size_t i = 0; i < n; ++i)
        servers.push_back({"10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1), 11211, 1, {}});
    return servers;
}

void simulated(std::size_t keyCount)
{
    std::printf("simulated: 200 servers, %zu keys (libmemcached-ketama-weighted)\n", keyCount);
    auto t = BenchClock::now();
    const KeySet keys = KeySet::synthetic(keyCount, 3);
    std::printf("  %-44s %9.0f ms\n", "make the keys", msSince(t));
    std::string error;
    const auto *preset = findPreset("libmemcached-ketama-weighted");
    ServerList servers = simulatedServers(200);
    t = BenchClock::now();
    const auto before = makeDistribution(*preset, servers, std::nullopt, {}, error);
    std::printf("  %-44s %9.1f ms\n", "build the ring (200 x 160 points)", msSince(t));
    t = BenchClock::now();
    const auto owners = assignOwners(*before, keys);
    std::printf("  %-44s %9.0f ms\n", "owner of every key", msSince(t));
    servers.push_back({"10.0.9.9", 11211, 1, {}});
    const auto after = makeDistribution(*preset, servers, std::nullopt, {}, error);
    t = BenchClock::now();
    const auto plan = planRedistribution(*before, *after, keys);
    std::printf("  %-44s %9.0f ms  (%zu keys move, %.2f%%)\n", "plan adding a 201st server", msSince(t),
                plan.moves.size(), 100.0 * plan.fractionMoved());
    std::printf("  %-44s %9.0f MB\n", "peak RSS so far", peakRssMb());
}

void real(std::size_t keyCount, std::size_t serverCount)
{
    std::printf("real: %zu memcached on 127.0.0.1, %zu keys of 20 bytes\n", serverCount, keyCount);
    DemoCluster::Options options;
    options.memoryMb = 256;
    DemoCluster cluster(options);
    if (auto started = cluster.start(serverCount); !started) {
        std::printf("  cannot start the cluster: %s\n", started.error.c_str());
        return;
    }
    IoRuntime runtime;
    std::string error;
    const auto *preset = findPreset("libmemcached-ketama-weighted");
    Client client(runtime, makeDistribution(*preset, cluster.servers(), std::nullopt, {}, error));
    const KeySet keys = KeySet::synthetic(keyCount, 5);
    const std::string value(20, 'v');

    auto t = BenchClock::now();
    std::atomic<std::size_t> pending{keys.size()};
    std::mutex mutex;
    std::condition_variable allWritten;
    std::atomic<std::size_t> failed{0};
    std::string firstError; // under `mutex`
    // Pipelined noreply sets, issued on the I/O thread in slices, at most
    // kWindow unfinished at a time: a write that waits in a queue past its
    // deadline is failed unsent, as the client promises; then a round trip
    // to every server.
    constexpr std::size_t kSlice = 5000, kWindow = 20000;
    std::function<void(std::size_t)> slice = [&](std::size_t from) {
        if (pending - (keys.size() - from) > kWindow) { // still too many in flight: later
            runtime.post([&, from] { slice(from); });
            return;
        }
        const std::size_t to = std::min(keys.size(), from + kSlice);
        for (std::size_t i = from; i < to; ++i)
            client.storeNoReply(encode::Store::Set, std::string(keys[i]), value, 0, 0, [&](ClientError e) {
                if (e && failed++ == 0) {
                    std::lock_guard lock(mutex);
                    firstError = e.message;
                }
                if (--pending == 0) {
                    std::lock_guard lock(mutex);
                    allWritten.notify_one();
                }
            });
        if (to < keys.size())
            runtime.post([&, to] { slice(to); });
    };
    runtime.post([&] { slice(0); });
    {
        std::unique_lock lock(mutex);
        allWritten.wait(lock, [&] { return pending == 0; });
    }
    for (std::size_t s = 0; s < serverCount; ++s)
        (void)client.sendSync(s, "version\r\n", Expect::Version);
    std::printf("  %-44s %9.0f ms  (%zu failed%s%s)\n", "write every key (pipelined noreply)", msSince(t), failed.load(),
                firstError.empty() ? "" : "; first: ", firstError.c_str());

    resetPeakRss();
    const double rssBefore = peakRssMb();
    t = BenchClock::now();
    KeyEnumerator::Options enumeration;
    enumeration.cap = 1'000'000;
    const auto held = KeyEnumerator::enumerateSync(client, enumeration);
    const double enumerateMs = msSince(t);
    std::uint64_t seen = 0;
    for (const auto &h : held)
        seen += h.seen;
    std::printf("  %-44s %9.0f ms  (%llu keys)\n", "metadump of every server", enumerateMs,
                static_cast<unsigned long long>(seen));
    t = BenchClock::now();
    const auto audit = OwnershipAudit::compute(client.distribution(), held);
    const double auditMs = msSince(t);
    std::printf("  %-44s %9.0f ms  (%llu misplaced)\n", "audit against the preset", auditMs,
                static_cast<unsigned long long>(audit.totalMisplaced));
    std::printf("  %-44s %9.0f ms\n", "metadump + audit", enumerateMs + auditMs);
    std::printf("  %-44s %9.0f MB  (%.0f MB before the metadump)\n", "peak RSS with every key tracked", peakRssMb(),
                rssBefore);

    ServerList more = cluster.servers();
    more.push_back({"127.0.0.1", 1, 1, {}});
    const auto after = makeDistribution(*preset, more, std::nullopt, {}, error);
    t = BenchClock::now();
    const auto plan = planRedistribution(client.distribution(), *after, keys);
    std::printf("  %-44s %9.0f ms  (%zu keys move)\n", "recompute on adding a server", msSince(t), plan.moves.size());
}

} // namespace

int main(int argc, char **argv)
{
    const std::size_t simKeys = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
    const std::size_t realKeys = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1'000'000;
    const std::size_t realServers = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20;
    simulated(simKeys);
    real(realKeys, realServers);
    return 0;
}
