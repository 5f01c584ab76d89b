// Placement benchmarks against libmemcached in the same run (Google
// Benchmark). They print figures and never fail on time; the README quotes
// them with the command that produced them.
#include "core/placement/keyset.h"
#include "core/placement/redistributionplanner.h"
#include "core/distribution/preset.h"

#include <benchmark/benchmark.h>
#include <libmemcached-1.0/memcached.h>

#include <memory>
#include <string>

using namespace ringscope::core;

namespace {

ServerList servers(std::size_t n)
{
    ServerList out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back({"10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1),
                       static_cast<std::uint16_t>(11211 + i % 2), 1, {}});
    return out;
}

const KeySet &keys()
{
    static const KeySet k = KeySet::synthetic(1'000'000, 77);
    return k;
}

struct Memc {
    explicit Memc(std::size_t n, memcached_behavior_t behavior = MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED)
    {
        memcached_behavior_set(m, behavior, 1);
        for (const Server &s : servers(n))
            memcached_server_add_with_weight(m, s.host.c_str(), s.port, s.weight);
    }
    ~Memc() { memcached_free(m); }
    memcached_st *m = memcached_create(nullptr);
};

std::unique_ptr<Distribution> make(const char *preset, std::size_t n, std::optional<HashAlgorithm> hash = {})
{
    std::string error;
    return makeDistribution(*findPreset(preset), servers(n), hash, {}, error);
}

// --- lookup: one key at a time, ketama-weighted ---------------------------

void BM_Lookup_RingScope_KetamaWeighted(benchmark::State &state)
{
    const auto d = make("libmemcached-ketama-weighted", static_cast<std::size_t>(state.range(0)));
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(d->owner(keys()[i]));
        i = i + 1 == keys().size() ? 0 : i + 1;
    }
}

void BM_Lookup_Libmemcached_KetamaWeighted(benchmark::State &state)
{
    Memc memc(static_cast<std::size_t>(state.range(0)));
    std::size_t i = 0;
    for (auto _ : state) {
        const auto k = keys()[i];
        benchmark::DoNotOptimize(memcached_generate_hash(memc.m, k.data(), k.size()));
        i = i + 1 == keys().size() ? 0 : i + 1;
    }
}

// --- native ketama vs jump, same fast hash ---------------------------------

void BM_Lookup_Ketama_Xxh3(benchmark::State &state)
{
    const auto d = make("ketama", static_cast<std::size_t>(state.range(0)), HashAlgorithm::Xxh3);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(d->owner(keys()[i]));
        i = i + 1 == keys().size() ? 0 : i + 1;
    }
}

void BM_Lookup_Jump_Xxh3(benchmark::State &state)
{
    const auto d = make("jump", static_cast<std::size_t>(state.range(0)), HashAlgorithm::Xxh3);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(d->owner(keys()[i]));
        i = i + 1 == keys().size() ? 0 : i + 1;
    }
}

// --- owners of 1M keys at 100 servers ---------------------------------------

void BM_Owners1M_RingScope(benchmark::State &state)
{
    const auto d = make("libmemcached-ketama-weighted", 100);
    for (auto _ : state)
        benchmark::DoNotOptimize(assignOwners(*d, keys()).data());
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(keys().size()));
}

void BM_Owners1M_Libmemcached(benchmark::State &state)
{
    Memc memc(100);
    std::vector<std::uint32_t> owners(keys().size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < keys().size(); ++i) {
            const auto k = keys()[i];
            owners[i] = memcached_generate_hash(memc.m, k.data(), k.size());
        }
        benchmark::DoNotOptimize(owners.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(keys().size()));
}

// --- ring rebuild after a topology change, 100 servers ----------------------

void BM_Rebuild_RingScope(benchmark::State &state)
{
    const ServerList list = servers(100);
    std::string error;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            makeDistribution(*findPreset("libmemcached-ketama-weighted"), list, std::nullopt, {}, error).get());
}

void BM_Rebuild_Libmemcached(benchmark::State &state)
{
    Memc memc(100);
    // Setting the distribution runs libmemcached's run_distribution() ->
    // update_continuum(): the same full rebuild a server add or removal does.
    for (auto _ : state)
        benchmark::DoNotOptimize(
            memcached_behavior_set_distribution(memc.m, MEMCACHED_DISTRIBUTION_CONSISTENT_KETAMA));
}

} // namespace

BENCHMARK(BM_Lookup_RingScope_KetamaWeighted)->Arg(10)->Arg(100);
BENCHMARK(BM_Lookup_Libmemcached_KetamaWeighted)->Arg(10)->Arg(100);
BENCHMARK(BM_Lookup_Ketama_Xxh3)->Arg(10)->Arg(100);
BENCHMARK(BM_Lookup_Jump_Xxh3)->Arg(10)->Arg(100);
BENCHMARK(BM_Owners1M_RingScope)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Owners1M_Libmemcached)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Rebuild_RingScope)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Rebuild_Libmemcached)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
