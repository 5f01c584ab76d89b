// Commands that talk to servers: get/set/add/replace/delete/touch, stats,
// audit and the client benchmark. Reads are always allowed; writes refuse a
// server that is not on this machine unless --allow-write is given.
#include "arguments.h"
#include "commands.h"
#include "output.h"
#include "proxypoolargs.h"
#include "replicationargs.h"

#include "core/cluster/clusterplacement.h"
#include "core/cluster/discovery.h"
#include "core/cluster/keyenumerator.h"
#include "core/cluster/ownershipaudit.h"
#include "core/cluster/replicatedclient.h"
#include "core/cluster/statspoller.h"
#include "core/net/client.h"
#include "core/net/tlscontext.h"
#include "core/distribution/preset.h"

#include <algorithm>
#include <atomic>

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>

namespace ringscope::cli {

using namespace ringscope::core;

namespace {

const std::vector<std::string> kConnectionOptions{"servers",  "preset",   "hash",       "timeout",  "connect-timeout",
                                                  "tls-ca",   "tls-cert", "tls-key",    "mcp-seed", "mcp-filter",
                                                  "mcp-hash"};
const std::vector<std::string> kConnectionFlags{"tls"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

struct Live {
    std::unique_ptr<IoRuntime> runtime;
    std::unique_ptr<Client> client;
};

// The cluster, its placement and a client; `needPreset` false lets commands
// that address servers one by one (stats) run without --preset.
std::optional<Live> connect(const Arguments &a, bool needPreset, bool writes, std::string &error)
{
    if (!a.has("servers")) {
        error = "--servers is required";
        return std::nullopt;
    }
    Live live;
    live.runtime = std::make_unique<IoRuntime>();
    const std::string serversText = a.value("servers");
    Parsed<ClusterSpec> spec;
    if (serversText.rfind("elasticache:", 0) == 0) {
        // An ElastiCache configuration endpoint: ask it for the nodes.
        auto endpoint = parseServer(serversText.substr(12));
        if (!endpoint) {
            error = "--servers elasticache:HOST:PORT: " + endpoint.error;
            return std::nullopt;
        }
        spec = discoverElastiCache(*live.runtime, *endpoint.value);
    } else {
        spec = loadClusterSpec(serversText);
    }
    if (!spec) {
        error = "--servers: " + spec.error;
        return std::nullopt;
    }
    if (writes && !a.has("allow-write"))
        for (const auto &s : spec.value->servers)
            if (!isLoopbackHost(s.host)) {
                error = s.address() + " is not on this machine: writing to it needs --allow-write";
                return std::nullopt;
            }
    PlacementChoice choice;
    choice.preset = a.value("preset", needPreset ? "" : "modulo");
    if (a.has("hash")) {
        choice.hash = parseHash(a.value("hash"));
        if (!choice.hash) {
            error = "unknown hash '" + a.value("hash") + "'";
            return std::nullopt;
        }
    }
    if (!proxyPoolOptions(a, choice.options.proxyPool, error))
        return std::nullopt;
    auto d = buildPlacement(*spec.value, choice, error);
    if (!d)
        return std::nullopt;
    if (!d->deterministic() && needPreset) {
        error = "preset '" + choice.preset + "' has no owner for a key: pick the preset your clients use";
        return std::nullopt;
    }
    const auto timeout = a.integer("timeout", 300, 1, 600000, error);
    const auto connectTimeout = timeout ? a.integer("connect-timeout", *timeout, 1, 600000, error) : std::nullopt;
    if (!connectTimeout)
        return std::nullopt;
    ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(*timeout);
    options.pool.connection.connectTimeout = std::chrono::milliseconds(*connectTimeout);
    if (a.has("tls") || a.has("tls-ca") || a.has("tls-cert")) {
        options.pool.connection.tls = makeTlsContext({a.value("tls-ca"), a.value("tls-cert"), a.value("tls-key")}, error);
        if (!options.pool.connection.tls)
            return std::nullopt;
    }
    live.client = std::make_unique<Client>(*live.runtime, std::move(d), options);
    return live;
}

std::string describe(const ClientError &e)
{
    return e.message.empty() ? std::string(errcName(e.code)) : e.message;
}

// get/set/delete through the replication layer: one request per key, all in flight at once.
int runReplicatedGet(ReplicatedClient &c, const std::vector<std::string> &keys, bool showServer)
{
    std::vector<std::promise<ReadResult>> results(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        c.get(keys[i], [&results, i](ReadResult r) { results[i].set_value(std::move(r)); });
    OutputBuffer out(stdout);
    int status = 0;
    const auto &servers = c.client().distribution().servers();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const ReadResult r = results[i].get_future().get();
        if (r.error) {
            std::fprintf(stderr, "ringscope-cli: %s: %s\n", keys[i].c_str(), describe(r.error).c_str());
            status = 2;
            continue;
        }
        out.append(keys[i]);
        out.append('\t');
        out.append(r.item ? std::string_view(r.item->value) : std::string_view("MISS"));
        if (showServer) {
            out.append('\t');
            out.append(r.servedBy < servers.size() ? servers[r.servedBy].address()
                                                   : std::string(r.unavailable ? "(server down)" : "-"));
            // A miss is not certain when a replica that may hold the key did not answer.
            if (!r.item && r.failed > 0)
                out.append(" (" + std::to_string(r.failed) + (r.failed == 1 ? " replica" : " replicas")
                           + " did not answer)");
        }
        out.append('\n');
    }
    return out.finish() ? status : fail("cannot write to standard output");
}

int runGet(const std::vector<std::string> &args)
{
    std::string error;
    const auto a = Arguments::parse(args, with(kConnectionOptions, kReplicationOptions),
                                    with({"stdin", "show-server"}, kConnectionFlags), error);
    if (!a)
        return fail(error);
    std::vector<std::string> keys;
    if (a->has("stdin")) {
        if (!a->positional().empty())
            return fail("get --stdin reads keys from standard input; give no KEY");
        const KeySet lines = readStdinKeys();
        for (const auto k : lines.views())
            keys.emplace_back(k);
    } else {
        if (a->positional().size() != 1)
            return fail("get needs one KEY (or --stdin)");
        keys.push_back(a->positional()[0]);
    }
    auto live = connect(*a, true, false, error);
    if (!live)
        return fail(error);
    if (wantsReplication(*a) || a->has("show-server")) {
        const auto options = replicationOptions(*a, live->client->serverCount(), error);
        if (!options)
            return fail(error);
        ReplicatedClient replicated(*live->client, *options);
        return runReplicatedGet(replicated, keys, a->has("show-server"));
    }
    std::promise<std::pair<std::vector<ClientError>, std::vector<std::optional<Item>>>> result;
    live->client->getMany(keys, [&](std::vector<ClientError> e, std::vector<std::optional<Item>> items) {
        result.set_value({std::move(e), std::move(items)});
    });
    const auto [errors, items] = result.get_future().get();
    OutputBuffer out(stdout);
    int status = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (errors[i]) {
            std::fprintf(stderr, "ringscope-cli: %s: %s\n", keys[i].c_str(), describe(errors[i]).c_str());
            status = 2;
            continue;
        }
        out.append(keys[i]);
        out.append('\t');
        out.append(items[i] ? std::string_view(items[i]->value) : std::string_view("MISS"));
        out.append('\n');
    }
    return out.finish() ? status : fail("cannot write to standard output");
}

int runWrite(const std::string &command, const std::vector<std::string> &args)
{
    std::string error;
    auto valued = with(kConnectionOptions, {"ttl", "flags"});
    if (command != "touch")
        valued = with(valued, kReplicationOptions);
    const auto a = Arguments::parse(args, valued, with({"stdin", "allow-write"}, kConnectionFlags), error);
    if (!a)
        return fail(error);
    const auto ttl = a->integer("ttl", 0, -1, 60LL * 60 * 24 * 365 * 10, error);
    const auto flags = ttl ? a->integer("flags", 0, 0, 4294967295LL, error) : std::nullopt;
    if (!flags)
        return fail(error);
    const bool takesValue = command == "set" || command == "add" || command == "replace";
    std::vector<std::pair<std::string, std::string>> pairs;
    if (a->has("stdin")) {
        if (!a->positional().empty())
            return fail(command + " --stdin reads from standard input; give no KEY");
        const KeySet lines = readStdinKeys();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string_view line = lines[i];
            if (line.empty())
                continue;
            if (!takesValue) {
                pairs.emplace_back(std::string(line), std::string());
                continue;
            }
            const auto space = line.find(' ');
            if (space == std::string_view::npos)
                return fail("line " + std::to_string(i + 1) + ": expected \"key value\"");
            pairs.emplace_back(std::string(line.substr(0, space)), std::string(line.substr(space + 1)));
        }
    } else {
        const std::size_t want = takesValue ? 2 : 1;
        if (a->positional().size() != want)
            return fail(command + (takesValue ? " needs KEY VALUE (or --stdin)" : " needs KEY (or --stdin)"));
        pairs.emplace_back(a->positional()[0], takesValue ? a->positional()[1] : std::string());
    }
    auto live = connect(*a, true, true, error);
    if (!live)
        return fail(error);
    struct Result {
        ClientError error;
        Reply reply;
        std::string text;
    };
    std::vector<std::promise<Result>> promises(pairs.size());
    std::optional<ReplicatedClient> replicated;
    if (wantsReplication(*a)) {
        const auto options = replicationOptions(*a, live->client->serverCount(), error);
        if (!options)
            return fail(error);
        replicated.emplace(*live->client, *options);
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (replicated) {
            auto cb = [&promises, i](WriteResult w) { promises[i].set_value({std::move(w.error), w.reply, std::move(w.text)}); };
            const auto &[key, value] = pairs[i];
            if (takesValue)
                replicated->store(command == "set" ? encode::Store::Set
                                  : command == "add" ? encode::Store::Add
                                                     : encode::Store::Replace,
                                  key, value, static_cast<std::uint32_t>(*flags), *ttl, cb);
            else
                replicated->remove(key, cb);
            continue;
        }
        auto cb = [&promises, i](ClientError e, Reply r, const std::string &text) {
            promises[i].set_value({std::move(e), r, text});
        };
        const auto &[key, value] = pairs[i];
        if (takesValue)
            live->client->store(command == "set" ? encode::Store::Set
                                : command == "add" ? encode::Store::Add
                                                   : encode::Store::Replace,
                                key, value, static_cast<std::uint32_t>(*flags), *ttl, cb);
        else if (command == "delete")
            live->client->remove(key, cb);
        else
            live->client->touch(key, *ttl, cb);
    }
    int status = 0;
    std::size_t done = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const Result r = promises[i].get_future().get();
        if (r.error) {
            std::fprintf(stderr, "ringscope-cli: %s: %s\n", pairs[i].first.c_str(), describe(r.error).c_str());
            status = 2;
        } else if (r.reply == Reply::Stored || r.reply == Reply::Deleted || r.reply == Reply::Touched) {
            ++done;
            if (!a->has("stdin"))
                std::printf("%s\n", replyName(r.reply));
        } else {
            std::fprintf(stderr, "ringscope-cli: %s: %s%s\n", pairs[i].first.c_str(), replyName(r.reply),
                         r.text.empty() ? "" : (" " + r.text).c_str());
            status = std::max(status, 1);
        }
    }
    if (a->has("stdin"))
        std::printf("%zu of %zu done\n", done, pairs.size());
    return status;
}

int runStats(const std::vector<std::string> &args)
{
    std::string error;
    const auto a = Arguments::parse(args, {"servers", "timeout", "connect-timeout", "group", "tls-ca", "tls-cert", "tls-key"},
                                    with({"json", "rates"}, kConnectionFlags), error);
    if (!a)
        return fail(error);
    auto live = connect(*a, false, false, error);
    if (!live)
        return fail(error);
    const std::string group = a->value("group");
    if (!group.empty() && group != "slabs" && group != "items" && group != "conns" && group != "settings")
        return fail("--group must be one of slabs, items, conns, settings");
    auto stats = StatsPoller::pollSync(*live->client, nullptr, group);
    if (a->has("rates") && group.empty()) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        stats = StatsPoller::pollSync(*live->client, &stats);
    }
    int status = 0;
    if (a->has("json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto &s : stats) {
            nlohmann::json o{{"server", s.address}};
            if (s.error) {
                o["error"] = describe(s.error);
                status = 2;
            } else {
                o["stats"] = s.raw;
                if (s.getsPerSecond)
                    o["gets_per_second"] = *s.getsPerSecond;
                if (s.setsPerSecond)
                    o["sets_per_second"] = *s.setsPerSecond;
                if (s.hitRatio)
                    o["hit_ratio"] = *s.hitRatio;
                if (s.evictionsPerSecond)
                    o["evictions_per_second"] = *s.evictionsPerSecond;
            }
            j.push_back(std::move(o));
        }
        std::cout << j.dump(2) << '\n';
        return status;
    }
    if (!group.empty()) {
        for (const auto &s : stats) {
            std::printf("%s\n", s.address.c_str());
            if (s.error) {
                std::printf("  error: %s\n", describe(s.error).c_str());
                status = 2;
            }
            for (const auto &[k, v] : s.raw)
                std::printf("  %-40s %s\n", k.c_str(), v.c_str());
        }
        return status;
    }
    std::printf("%-24s %-8s %8s %10s %12s %6s %9s %9s %6s\n", "server", "version", "pid", "items", "bytes", "conns",
                "gets/s", "sets/s", "hit%");
    for (const auto &s : stats) {
        if (s.error) {
            std::printf("%-24s %s\n", s.address.c_str(), describe(s.error).c_str());
            status = 2;
            continue;
        }
        auto rate = [](const std::optional<double> &v) { return v ? std::to_string(static_cast<long long>(*v)) : std::string("-"); };
        std::printf("%-24s %-8s %8llu %10llu %12llu %6llu %9s %9s %6s\n", s.address.c_str(), s.version.c_str(),
                    static_cast<unsigned long long>(s.pid), static_cast<unsigned long long>(s.items),
                    static_cast<unsigned long long>(s.bytes), static_cast<unsigned long long>(s.connections),
                    rate(s.getsPerSecond).c_str(), rate(s.setsPerSecond).c_str(),
                    s.hitRatio ? std::to_string(static_cast<int>(*s.hitRatio * 100)).c_str() : "-");
    }
    return status;
}

int runAudit(const std::vector<std::string> &args)
{
    std::string error;
    auto valued = kConnectionOptions;
    valued.push_back("cap");
    const auto a = Arguments::parse(args, valued, with({"json", "list"}, kConnectionFlags), error);
    if (!a)
        return fail(error);
    const auto cap = a->integer("cap", 1'000'000, 1, 100'000'000, error);
    if (!cap)
        return fail(error);
    auto live = connect(*a, true, false, error);
    if (!live)
        return fail(error);
    KeyEnumerator::Options options;
    options.cap = static_cast<std::size_t>(*cap);
    options.idleTimeout = std::chrono::milliseconds(std::max<long long>(2000, a->integer("timeout", 300, 1, 600000, error).value_or(300)));
    const auto held = KeyEnumerator::enumerateSync(*live->client, options);
    const auto audit = OwnershipAudit::compute(live->client->distribution(), held, a->has("list") ? 100000 : 1000);
    int status = 0;
    for (const auto &s : audit.servers)
        if (!s.error.empty()) {
            std::fprintf(stderr, "ringscope-cli: %s\n", s.error.c_str());
            status = 2;
        }
    const auto &servers = live->client->distribution().servers();
    if (a->has("json")) {
        nlohmann::json j{{"total_keys", audit.totalKeys}, {"misplaced", audit.totalMisplaced}};
        j["servers"] = nlohmann::json::array();
        for (const auto &s : audit.servers) {
            nlohmann::json o{{"server", s.address}, {"keys", s.keys}, {"owned", s.owned}, {"misplaced", s.misplaced}};
            if (s.sampled)
                o["seen"] = s.seen;
            if (!s.error.empty())
                o["error"] = s.error;
            j["servers"].push_back(std::move(o));
        }
        if (a->has("list")) {
            j["misplaced_keys"] = nlohmann::json::array();
            for (const auto &m : audit.misplaced)
                j["misplaced_keys"].push_back({{"key", m.key},
                                               {"held_by", servers[m.heldBy].address()},
                                               {"belongs_to", servers[m.belongsTo].address()}});
        }
        std::cout << j.dump(2) << '\n';
        return status;
    }
    std::printf("%llu keys, %llu misplaced\n", static_cast<unsigned long long>(audit.totalKeys),
                static_cast<unsigned long long>(audit.totalMisplaced));
    std::printf("%-28s %10s %10s %10s\n", "server", "keys", "owned", "misplaced");
    for (const auto &s : audit.servers)
        std::printf("%-28s %10llu %10llu %10llu%s\n", s.address.c_str(), static_cast<unsigned long long>(s.keys),
                    static_cast<unsigned long long>(s.owned), static_cast<unsigned long long>(s.misplaced),
                    s.sampled ? " (sample)" : "");
    if (a->has("list"))
        for (const auto &m : audit.misplaced)
            std::printf("%s\t%s\t%s\n", m.key.c_str(), servers[m.heldBy].address().c_str(),
                        servers[m.belongsTo].address().c_str());
    return status;
}

// ringscope-cli bench client: this client's own figures against a server the
// user names (writes, so loopback unless --allow-write). The comparison with
// libmemcached in one run is tests/bench/client_vs_libmemcached.sh.
int runBenchClient(const std::vector<std::string> &args)
{
    std::string error;
    auto valued = kConnectionOptions;
    valued.insert(valued.end(), {"ops", "value-size", "conns", "batch"});
    const auto a = Arguments::parse(args, valued, with({"allow-write"}, kConnectionFlags), error);
    if (!a)
        return fail(error);
    const auto ops = a->integer("ops", 20000, 1, 10'000'000, error);
    const auto valueSize = ops ? a->integer("value-size", 100, 0, 1 << 20, error) : std::nullopt;
    const auto conns = valueSize ? a->integer("conns", 1, 1, 64, error) : std::nullopt;
    const auto batch = conns ? a->integer("batch", 100, 1, 10000, error) : std::nullopt;
    if (!batch)
        return fail(error);
    auto live = connect(*a, false, true, error);
    if (!live)
        return fail(error);
    // Rebuild the client with the requested connection count.
    ClientOptions options;
    options.pool.connections = static_cast<unsigned>(*conns);
    options.pool.requestTimeout = std::chrono::milliseconds(5000);
    options.pool.connection.connectTimeout = std::chrono::milliseconds(5000);
    std::string presetError;
    Client client(*live->runtime,
                  makeDistribution(*findPreset("ketama"), live->client->distribution().servers(), std::nullopt, {},
                                   presetError),
                  options);
    const std::string value(static_cast<std::size_t>(*valueSize), 'x');
    const auto n = static_cast<int>(*ops);
    using BenchClock = std::chrono::steady_clock;
    auto seconds = [](BenchClock::time_point start) {
        return std::chrono::duration<double>(BenchClock::now() - start).count();
    };
    // Writes with up to `batch` requests in flight, issued from the I/O thread.
    std::promise<void> written;
    std::atomic<int> sent{0}, done{0}, failed{0};
    std::function<void()> next = [&] {
        const int i = sent++;
        if (i >= n)
            return;
        client.store(encode::Store::Set, "ringscope:bench:" + std::to_string(i), value, 0, 0,
                     [&](ClientError e, Reply r, const std::string &) {
                         if (e || r != Reply::Stored)
                             ++failed;
                         if (++done == n)
                             written.set_value();
                         else
                             next();
                     });
    };
    auto start = BenchClock::now();
    live->runtime->post([&] {
        for (long long w = 0; w < *batch; ++w)
            next();
    });
    written.get_future().wait();
    const double setRate = n / seconds(start);
    // Reads: multi-gets of `batch` keys.
    std::vector<std::string> keys;
    std::size_t hits = 0;
    start = BenchClock::now();
    for (int i = 0; i < n; i += static_cast<int>(*batch)) {
        keys.clear();
        for (int k = i; k < std::min(n, i + static_cast<int>(*batch)); ++k)
            keys.push_back("ringscope:bench:" + std::to_string(k));
        std::promise<std::size_t> p;
        client.getMany(keys, [&p](std::vector<ClientError>, std::vector<std::optional<Item>> items) {
            p.set_value(static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](auto &x) { return x.has_value(); })));
        });
        hits += p.get_future().get();
    }
    const double getRate = n / seconds(start);
    std::printf("%d sets of %lld bytes, %lld in flight, %lld connection(s): %.0f ops/s (%d failed)\n", n, *valueSize,
                *batch, *conns, setRate, failed.load());
    std::printf("%d keys read in multi-gets of %lld: %.0f keys/s (%zu hits)\n", n, *batch, getRate, hits);
    return failed ? 2 : 0;
}

} // namespace

int runLive(const std::string &command, const std::vector<std::string> &args)
{
    if (command == "get")
        return runGet(args);
    if (command == "stats")
        return runStats(args);
    if (command == "audit")
        return runAudit(args);
    if (command == "bench-client")
        return runBenchClient(args);
    return runWrite(command, args);
}

} // namespace ringscope::cli
