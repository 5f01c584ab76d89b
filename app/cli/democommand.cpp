// ringscope-cli demo: a local cluster of real memcached processes that runs
// until Ctrl-C (or SIGTERM), then stops every process it started.
#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/replicationargs.h"

#include "core/live/statspoller.h"
#include "core/live/trafficgenerator.h"
#include "core/distribution/preset.h"
#include "core/local/democluster.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace ringscope::cli {

namespace {

// One line a second while traffic runs: rate, hit ratio, gets per server.
void report(const core::TrafficStats &now, const core::TrafficStats &before, const std::vector<core::ServerStats> &servers)
{
    const auto gets = now.gets - before.gets;
    const auto hits = now.hits - before.hits;
    std::fprintf(stderr, "traffic: %llu gets/s, hit ratio %.2f, %llu failed, p99 %.1f ms | gets/s per server:",
                 static_cast<unsigned long long>(gets), gets ? static_cast<double>(hits) / static_cast<double>(gets) : 0.0,
                 static_cast<unsigned long long>((now.readErrors - before.readErrors) + (now.writeErrors - before.writeErrors)),
                 now.latencyPercentile(0.99) / 1000.0);
    for (const auto &s : servers)
        if (s.error)
            std::fprintf(stderr, " down");
        else
            std::fprintf(stderr, " %.0f", s.getsPerSecond.value_or(0));
    std::fputc('\n', stderr);
}

} // namespace

int runDemo(const std::vector<std::string> &args)
{
    std::string error;
    auto valued = std::vector<std::string>{"servers", "proxy", "hash", "traffic", "keys", "zipf", "get-ratio", "preset"};
    valued.insert(valued.end(), kReplicationOptions.begin(), kReplicationOptions.end());
    const auto a = Arguments::parse(args, valued, {"quiet"}, error);
    if (!a)
        return fail(error);
    const auto count = a->integer("servers", 4, 1, 64, error);
    const auto rate = count ? a->integer("traffic", 0, 0, 1'000'000, error) : std::nullopt;
    const auto keys = rate ? a->integer("keys", 10000, 1, 10'000'000, error) : std::nullopt;
    if (!keys)
        return fail(error);
    double zipf = 0.99, getRatio = 0.9;
    try {
        zipf = std::stod(a->value("zipf", "0.99"));
        getRatio = std::stod(a->value("get-ratio", "0.9"));
    } catch (const std::exception &) {
        zipf = getRatio = -1;
    }
    if (zipf < 0 || zipf > 5 || getRatio < 0 || getRatio > 1)
        return fail("--zipf must be 0 to 5 and --get-ratio 0 to 1");
    const std::string proxy = a->value("proxy");
    const auto nginx = core::parseNginxPolicy(proxy);
    if (!proxy.empty() && proxy != "twemproxy" && !nginx)
        return fail("--proxy '" + proxy + "': expected twemproxy, nginx-rr, nginx-least-conn or nginx-hash");
    // Writes for a balancer that may read from any server go to every server;
    // behind nginx-hash, to the owner under nginx's own consistent hash.
    std::string preset = a->value("preset", "libmemcached-ketama");
    auto replication = core::ReplicationOptions{};
    if (nginx && *nginx != core::NginxPolicy::Hash && !wantsReplication(*a)) {
        replication.mode = core::ReplicationMode::MultiMaster;
        replication.replicas = static_cast<std::size_t>(*count);
        replication.writeQuorum = 1;
    } else if (auto r = replicationOptions(*a, static_cast<std::size_t>(*count), error)) {
        replication = *r;
    } else {
        return fail(error);
    }
    replication.readRepair = true; // the demo's own servers: written anyway
    if (nginx && *nginx == core::NginxPolicy::Hash && !a->has("preset"))
        preset = "nginx-consistent";
    if (rate && *rate > 0 && !core::findPreset(preset))
        return fail("unknown preset '" + preset + "'");

    // Ctrl-C, SIGTERM or SIGHUP ask us to stop; the handlers only set a flag.
    // (A shell starts background jobs with SIGINT ignored: we take it back.)
    static std::atomic<bool> stopRequested{false};
    struct sigaction action {};
    action.sa_handler = [](int) { stopRequested = true; };
    sigemptyset(&action.sa_mask);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP})
        sigaction(sig, &action, nullptr);

    core::DemoCluster cluster;
    if (auto started = cluster.start(static_cast<std::size_t>(*count)); !started)
        return fail(started.error);
    std::printf("%s\n", cluster.spec().c_str());
    std::optional<core::Server> readVia;
    if (proxy == "twemproxy") {
        auto started = cluster.startTwemproxy(a->value("hash", "fnv1a_64"));
        if (!started)
            return fail(started.error);
        std::printf("twemproxy %s  (pool: @%s#demo)\n", started.value->address().c_str(), cluster.proxyConfig().c_str());
    } else if (nginx) {
        auto started = cluster.startNginx(*nginx);
        if (!started)
            return fail(started.error);
        readVia = *started.value;
        std::printf("%s http://%s/?key=KEY  (config: %s; nginx only reads: writes go to the servers)\n",
                    core::nginxPolicyName(*nginx), started.value->address().c_str(), cluster.proxyConfig().c_str());
    }
    std::fflush(stdout);
    std::fprintf(stderr, "ringscope-cli: %lld memcached servers on 127.0.0.1 (UDP off); Ctrl-C stops them\n", *count);

    std::unique_ptr<core::IoRuntime> runtime;
    std::unique_ptr<core::Client> client;
    std::unique_ptr<core::ReplicatedClient> replicated;
    std::unique_ptr<core::TrafficGenerator> traffic;
    if (*rate > 0) {
        runtime = std::make_unique<core::IoRuntime>();
        client = std::make_unique<core::Client>(
            *runtime, core::makeDistribution(*core::findPreset(preset), cluster.servers(), std::nullopt, {}, error));
        replicated = std::make_unique<core::ReplicatedClient>(*client, replication);
        core::TrafficOptions t;
        t.rate = static_cast<double>(*rate);
        t.keySpace = static_cast<std::size_t>(*keys);
        t.zipf = zipf;
        t.getRatio = getRatio;
        t.readVia = readVia;
        traffic = std::make_unique<core::TrafficGenerator>(*replicated, t);
        traffic->start();
        std::fprintf(stderr, "ringscope-cli: traffic %lld ops/s over %lld keys (Zipf %.2f, %.0f%% gets), %s, replication %s\n",
                     *rate, *keys, zipf, getRatio * 100, preset.c_str(), core::modeName(replication.mode));
    }
    core::TrafficStats last;
    std::vector<core::ServerStats> lastStats;
    auto nextReport = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (!stopRequested) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (traffic && std::chrono::steady_clock::now() >= nextReport) {
            nextReport += std::chrono::seconds(1);
            const auto now = traffic->stats();
            auto stats = core::StatsPoller::pollSync(*client, lastStats.empty() ? nullptr : &lastStats);
            if (!a->has("quiet"))
                report(now, last, stats);
            last = now;
            lastStats = std::move(stats);
        }
    }
    traffic.reset();
    replicated.reset();
    client.reset();
    cluster.stopAll();
    std::fprintf(stderr, "ringscope-cli: stopped the local cluster\n");
    return 0;
}

} // namespace ringscope::cli
