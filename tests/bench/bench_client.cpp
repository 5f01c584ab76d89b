// RingScope's client against libmemcached on the same server, in the same
// run: rounds of paired runs in turns, medians and the median of the pairs' ratios. Prints figures, never fails.
// Usage: bench_client HOST:PORT [ROUNDS] [ONLY]   (see client_vs_libmemcached.sh)
// ONLY runs one side of one figure, for profiling (strace -c, perf):
// ours-get, theirs-get, ours-set, theirs-set, ours-mget, theirs-mget,
// ours-noreply, theirs-noreply, ours-pipelined; or ROUNDS pairs of one
// figure: get, set, mget, noreply.
#include "core/distribution/preset.h"
#include "core/net/client.h"
#include "tests/bench/quantile.h"

#include <libmemcached-1.0/memcached.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include <sys/resource.h>

using namespace ringscope::core;
using BenchClock = std::chrono::steady_clock;
using ringscope::bench::median;
using ringscope::bench::quantile;

namespace {

constexpr int kOps = 20000;
// Noreply sets run at over a million a second: 20,000 would take ~15 ms,
// too short for a steady figure. Ours are made 1,000 per turn of the I/O
// loop, as an application on an event loop makes them.
constexpr int kNoReplyOps = 200000;
constexpr int kNoReplyPerTurn = 1000;
constexpr int kMgetKeys = 100;
constexpr int kMgetRounds = 500;
constexpr std::size_t kValueSize = 100;

std::string keyOf(int i)
{
    return "bench:" + std::to_string(i);
}

double seconds(BenchClock::time_point start)
{
    return std::chrono::duration<double>(BenchClock::now() - start).count();
}

// Sequential requests on one connection, each sent when the previous one's
// reply arrives, driven from the I/O thread (no thread hop per request).
struct Sequential {
    Client &client;
    bool sets;
    std::string value = std::string(kValueSize, 'v');
    std::promise<void> finished;
    std::atomic<int> failures{0};

    void step(int i)
    {
        if (i == kOps) {
            finished.set_value();
            return;
        }
        // The callbacks hold one pointer and the index: they fit in
        // std::function's own room, so the harness adds no allocation per
        // request (libmemcached's loop has none either).
        if (sets)
            client.store(encode::Store::Set, keyOf(i % 1000), value, 0, 0, [this, i](ClientError e, Reply r, const std::string &) {
                if (e || r != Reply::Stored)
                    ++failures;
                step(i + 1);
            });
        else
            client.get(keyOf(i % 1000), [this, i](ClientError e, std::optional<Item> item) {
                if (e || !item)
                    ++failures;
                step(i + 1);
            });
    }
};

double oursSequential(Client &client, bool sets)
{
    Sequential run{client, sets};
    const auto start = BenchClock::now();
    run.step(0);
    run.finished.get_future().wait();
    if (run.failures)
        std::fprintf(stderr, "ringscope: %d failures\n", run.failures.load());
    return kOps / seconds(start);
}

double theirsSequential(memcached_st *memc, bool sets)
{
    const std::string value(kValueSize, 'v');
    const auto start = BenchClock::now();
    for (int i = 0; i < kOps; ++i) {
        const std::string key = keyOf(i % 1000);
        if (sets) {
            memcached_set(memc, key.data(), key.size(), value.data(), value.size(), 0, 0);
        } else {
            size_t len;
            uint32_t flags;
            memcached_return_t rc;
            free(memcached_get(memc, key.data(), key.size(), &len, &flags, &rc));
        }
    }
    return kOps / seconds(start);
}

// Multi-gets back to back, each issued from the previous one's completion.
double oursMget(Client &client)
{
    std::vector<std::string> keys;
    for (int i = 0; i < kMgetKeys; ++i)
        keys.push_back(keyOf(i));
    const auto start = BenchClock::now();
    std::size_t found = 0;
    std::promise<void> finished;
    std::function<void(int)> round = [&](int r) {
        if (r == kMgetRounds) {
            finished.set_value();
            return;
        }
        client.getMany(keys, [&, r](std::vector<ClientError>, std::vector<std::optional<Item>> items) {
            found += static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](auto &i) { return i.has_value(); }));
            round(r + 1);
        });
    };
    round(0);
    finished.get_future().wait();
    if (found != static_cast<std::size_t>(kMgetKeys) * kMgetRounds)
        std::fprintf(stderr, "ringscope: mget found %zu\n", found);
    return kMgetKeys * kMgetRounds / seconds(start);
}

double theirsMget(memcached_st *memc)
{
    std::vector<std::string> keys;
    std::vector<const char *> ptrs;
    std::vector<size_t> lens;
    for (int i = 0; i < kMgetKeys; ++i)
        keys.push_back(keyOf(i));
    for (const auto &k : keys) {
        ptrs.push_back(k.data());
        lens.push_back(k.size());
    }
    const auto start = BenchClock::now();
    std::size_t found = 0;
    for (int r = 0; r < kMgetRounds; ++r) {
        memcached_mget(memc, ptrs.data(), lens.data(), ptrs.size());
        memcached_result_st result;
        memcached_result_create(memc, &result);
        memcached_return_t rc;
        while (memcached_fetch_result(memc, &result, &rc))
            ++found;
        memcached_result_free(&result);
    }
    if (found != static_cast<std::size_t>(kMgetKeys) * kMgetRounds)
        std::fprintf(stderr, "libmemcached: mget found %zu\n", found);
    return kMgetKeys * kMgetRounds / seconds(start);
}

// Many sets in flight on one connection, noreply on both sides: ours
// pipelined, theirs buffered (libmemcached's fastest way to write).
double oursPipelinedNoReply(Client &client)
{
    struct Run {
        Client &client;
        const std::string value = std::string(kValueSize, 'p');
        std::promise<void> finished;
        int done = 0; // on the I/O thread only

        // Then a round trip so that every set has reached the server, as for
        // libmemcached: from the I/O thread too, as libmemcached makes it
        // from its caller's (no hand-off to and fro for it).
        void written()
        {
            if (++done == kNoReplyOps)
                client.get("pipe:0", [this](ClientError, std::optional<Item>) { finished.set_value(); });
        }
        // Issued from the I/O thread, as libmemcached issues from its
        // caller's: no cross-thread hand-off per request. The callback holds
        // one pointer: it fits in std::function's own room, so the harness
        // adds no allocation per request (as in Sequential).
        void turn(int from)
        {
            const int to = std::min(from + kNoReplyPerTurn, kNoReplyOps);
            for (int i = from; i < to; ++i)
                client.storeNoReply(encode::Store::Set, "pipe:" + std::to_string(i), value, 0, 0,
                                    [this](ClientError) { written(); });
            if (to < kNoReplyOps)
                client.runtime().post([this, to] { turn(to); });
        }
    };
    Run run{client};
    const auto start = BenchClock::now();
    client.runtime().post([&run] { run.turn(0); });
    run.finished.get_future().wait();
    return kNoReplyOps / seconds(start);
}

// The same with replies: every set acknowledged.
double oursPipelined(Client &client)
{
    const std::string value(kValueSize, 'p');
    constexpr int kWindow = 256;
    std::promise<void> finished;
    std::atomic<int> sent{0}, done{0};
    std::function<void()> next = [&] {
        const int i = sent++;
        if (i >= kOps)
            return;
        client.store(encode::Store::Set, "pipe:" + std::to_string(i), value, 0, 0, [&](ClientError, Reply, const std::string &) {
            if (++done == kOps)
                finished.set_value();
            else
                next();
        });
    };
    const auto start = BenchClock::now();
    for (int w = 0; w < kWindow; ++w)
        next();
    finished.get_future().wait();
    return kOps / seconds(start);
}

double theirsPipelined(memcached_st *memc)
{
    const std::string value(kValueSize, 'p');
    const auto start = BenchClock::now();
    for (int i = 0; i < kNoReplyOps; ++i) {
        const std::string key = "pipe:" + std::to_string(i);
        memcached_set(memc, key.data(), key.size(), value.data(), value.size(), 0, 0);
    }
    memcached_flush_buffers(memc);
    // A round trip so that every buffered set has reached the server.
    size_t len;
    uint32_t flags;
    memcached_return_t rc;
    free(memcached_get(memc, "pipe:0", 6, &len, &flags, &rc));
    return kNoReplyOps / seconds(start);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_client HOST:PORT [ROUNDS]\n");
        return 2;
    }
    const std::string spec = argv[1];
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 21;
    const auto colon = spec.rfind(':');
    const std::string host = spec.substr(0, colon);
    const auto port = static_cast<in_port_t>(std::stoi(spec.substr(colon + 1)));

    IoRuntime runtime;
    std::string error;
    ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(5000);
    Client client(runtime, makeDistribution(*findPreset("ketama"), {{host, port, 1, {}}}, std::nullopt, {}, error),
                  options);
    memcached_st *memc = memcached_create(nullptr);
    memcached_server_add(memc, host.c_str(), port);
    memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_TCP_NODELAY, 1);
    memcached_st *buffered = memcached_create(nullptr);
    memcached_server_add(buffered, host.c_str(), port);
    memcached_behavior_set(buffered, MEMCACHED_BEHAVIOR_BUFFER_REQUESTS, 1);
    memcached_behavior_set(buffered, MEMCACHED_BEHAVIOR_NOREPLY, 1);
    memcached_behavior_set(buffered, MEMCACHED_BEHAVIOR_TCP_NODELAY, 1);

    // Warm up: fill the keys both sides read (one side only when profiling it).
    const std::string only = argc > 3 ? argv[3] : "";
    if (!only.starts_with("theirs"))
        oursSequential(client, true);
    if (!only.starts_with("ours"))
        theirsSequential(memc, true);

    const bool oneFigure = only == "get" || only == "set" || only == "mget" || only == "noreply";
    if (!only.empty() && !oneFigure) {
        double figure = 0;
        for (int r = 0; r < rounds; ++r) {
            rusage cpuStart{}, cpuEnd{};
            getrusage(RUSAGE_SELF, &cpuStart);
            if (only == "ours-get") figure = oursSequential(client, false);
            else if (only == "theirs-get") figure = theirsSequential(memc, false);
            else if (only == "ours-set") figure = oursSequential(client, true);
            else if (only == "theirs-set") figure = theirsSequential(memc, true);
            else if (only == "ours-mget") figure = oursMget(client);
            else if (only == "theirs-mget") figure = theirsMget(memc);
            else if (only == "ours-noreply") figure = oursPipelinedNoReply(client);
            else if (only == "theirs-noreply") figure = theirsPipelined(buffered);
            else if (only == "ours-pipelined") figure = oursPipelined(client);
            else {
                std::fprintf(stderr, "bench_client: unknown figure '%s'\n", only.c_str());
                return 2;
            }
            getrusage(RUSAGE_SELF, &cpuEnd);
            auto us = [](const timeval &a, const timeval &b) {
                return double(b.tv_sec - a.tv_sec) * 1e6 + double(b.tv_usec - a.tv_usec);
            };
            const double ops = only.ends_with("mget") ? kMgetRounds : only.ends_with("noreply") ? kNoReplyOps : kOps;
            std::printf("%s %.0f/s, client cpu per %s: user %.2f us, system %.2f us\n", only.c_str(), figure,
                        only.ends_with("mget") ? "100-key mget" : "op", us(cpuStart.ru_utime, cpuEnd.ru_utime) / ops,
                        us(cpuStart.ru_stime, cpuEnd.ru_stime) / ops);
        }
        memcached_free(buffered);
        memcached_free(memc);
        return 0;
    }

    // Each round runs both clients back to back, in turns (RingScope first in
    // even rounds, libmemcached first in odd ones), and its ratio compares
    // those two runs only: a VM's slow drift (another guest, the host's
    // frequency) moves both sides of a pair alike, so the median of the
    // pairs' ratios is steadier than the ratio of the two medians.
    constexpr int kFigures = 5;
    std::vector<double> ours[kFigures], theirs[kFigures], ratios[kFigures];
    // The paired figures: get, set, multi-get, noreply sets.
    const std::function<double()> runOurs[] = {[&] { return oursSequential(client, false); },
                                               [&] { return oursSequential(client, true); },
                                               [&] { return oursMget(client); },
                                               [&] { return oursPipelinedNoReply(client); }};
    const std::function<double()> runTheirs[] = {[&] { return theirsSequential(memc, false); },
                                                  [&] { return theirsSequential(memc, true); },
                                                  [&] { return theirsMget(memc); },
                                                  [&] { return theirsPipelined(buffered); }};
    auto pair = [&](int figure, int round) {
        double a, b;
        if (round % 2 == 0) {
            a = runOurs[figure]();
            b = runTheirs[figure]();
        } else {
            b = runTheirs[figure]();
            a = runOurs[figure]();
        }
        ours[figure].push_back(a);
        theirs[figure].push_back(b);
        ratios[figure].push_back(a / b);
    };
    if (oneFigure) {
        // Many pairs of one figure, for a tighter median than the full run's.
        const int figure = only == "get" ? 0 : only == "set" ? 1 : only == "mget" ? 2 : 3;
        for (int r = 0; r < rounds; ++r)
            pair(figure, r);
        std::printf("%s, %d pairs: RingScope %.0f/s, libmemcached %.0f/s, ratio %.3fx [%.3f-%.3f]\n", only.c_str(),
                    rounds, median(ours[figure]), median(theirs[figure]), median(ratios[figure]),
                    quantile(ratios[figure], 0.25), quantile(ratios[figure], 0.75));
        memcached_free(buffered);
        memcached_free(memc);
        return 0;
    }
    for (int r = 0; r < rounds; ++r) {
        for (int figure = 0; figure < 4; ++figure)
            pair(figure, r);
        // With replies against their buffered noreply sets, the one they have.
        const double withReplies = oursPipelined(client);
        ours[4].push_back(withReplies);
        theirs[4].push_back(theirs[3].back());
        ratios[4].push_back(withReplies / theirs[3].back());
    }
    const char *names[] = {"get, one connection, sequential (ops/s)", "set, one connection, sequential (ops/s)",
                           "100-key multi-get (keys/s)", "pipelined noreply sets (ops/s; libmemcached buffered)",
                           "pipelined sets with replies (ops/s; vs the same)"};
    std::printf("server %s, %d rounds, each a pair of runs in turns; medians; ratio = median of the pairs' ratios "
                "[quartiles]; client and server share the machine's cores\n",
                spec.c_str(), rounds);
    std::printf("%-56s %12s %12s %7s %s\n", "figure", "RingScope", "libmemcached", "ratio", "[25%-75%]");
    for (int i = 0; i < kFigures; ++i)
        std::printf("%-56s %12.0f %12.0f %6.3fx [%.3f-%.3f]\n", names[i], median(ours[i]), median(theirs[i]),
                    median(ratios[i]), quantile(ratios[i], 0.25), quantile(ratios[i], 0.75));
    memcached_free(buffered);
    memcached_free(memc);
    return 0;
}
