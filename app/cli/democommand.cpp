// ringscope-cli demo: a local cluster of real memcached processes that runs
// until Ctrl-C (or SIGTERM), then stops every process it started.
#include "arguments.h"
#include "commands.h"

#include "core/local/localcluster.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace ringscope::cli {

int runDemo(const std::vector<std::string> &args)
{
    std::string error;
    const auto a = Arguments::parse(args, {"servers", "proxy", "hash"}, {}, error);
    if (!a)
        return fail(error);
    long count = 4;
    if (a->has("servers")) {
        try {
            count = std::stol(a->value("servers"));
        } catch (const std::exception &) {
            count = 0;
        }
        if (count < 1 || count > 64)
            return fail("--servers must be a number of servers from 1 to 64");
    }
    // Ctrl-C, SIGTERM or SIGHUP ask us to stop; the handlers only set a flag.
    // (A shell starts background jobs with SIGINT ignored: we take it back.)
    static std::atomic<bool> stopRequested{false};
    struct sigaction action {};
    action.sa_handler = [](int) { stopRequested = true; };
    sigemptyset(&action.sa_mask);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP})
        sigaction(sig, &action, nullptr);

    core::LocalCluster cluster;
    if (auto started = cluster.start(static_cast<std::size_t>(count)); !started)
        return fail(started.error);
    std::printf("%s\n", cluster.spec().c_str());
    if (a->has("proxy")) {
        const std::string proxy = a->value("proxy");
        if (proxy != "twemproxy")
            return fail("--proxy: only twemproxy is available so far (nginx comes with the replication work)");
        auto started = cluster.startTwemproxy(a->value("hash", "fnv1a_64"));
        if (!started)
            return fail(started.error);
        std::printf("twemproxy %s  (pool: @%s#demo)\n", started.value->address().c_str(),
                    cluster.twemproxyConfig().c_str());
    }
    std::fflush(stdout);
    std::fprintf(stderr, "ringscope-cli: %ld memcached servers on 127.0.0.1 (UDP off); Ctrl-C stops them\n", count);
    while (!stopRequested)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    cluster.stopAll();
    std::fprintf(stderr, "ringscope-cli: stopped the local cluster\n");
    return 0;
}

} // namespace ringscope::cli
