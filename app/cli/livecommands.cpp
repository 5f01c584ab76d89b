// Commands that talk to servers: get/set/add/replace/delete/touch, stats,
// audit and the client benchmark. Reads are always allowed; writes refuse a
// server that is not on this machine unless --allow-write is given.
#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/output.h"
#include "app/cli/replicationargs.h"
#include "app/cli/liveconnection.h"
#include "app/cli/window.h"

#include "core/live/keyenumerator.h"
#include "core/placement/ownershipaudit.h"
#include "core/live/replicatedclient.h"
#include "core/live/statspoller.h"
#include "core/config/textinput.h"
#include "core/net/client.h"
#include "core/protocol/keyvalidation.h"
#include "core/distribution/preset.h"

#include <algorithm>
#include <atomic>

#include <nlohmann/json.hpp>

#include <charconv>

#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>
#include <thread>

namespace ringscope::cli {

using namespace ringscope::core;

namespace {

// Batch commands keep this many operations (and about this many bytes of
// values) in flight, whatever the input's size: a request's deadline then
// never covers a wait behind the whole input, and memory stays bounded.
constexpr std::size_t kWindowOperations = 256;
constexpr std::size_t kWindowBytes = 64u << 20;
constexpr std::size_t kGetBatch = 100; // keys per multi-get batch (each split by server)
constexpr std::size_t kGetBatches = 8;  // batches in flight

// The keys or "key value" lines of a batch command: the one on the command
// line, or standard input a line at a time (bounded, see LineReader).
class Entries {
public:
    Entries(const Arguments &a, std::size_t lineLimit) : m_stdin(a.has("stdin")), m_lines(stdin, lineLimit), m_args(a.positional()) {}
    bool next(std::string_view &line)
    {
        if (m_stdin)
            return m_lines.next(line);
        if (m_given >= m_args.size())
            return false;
        line = m_args[m_given++];
        return true;
    }
    std::size_t lineNumber() const { return m_stdin ? m_lines.lineNumber() : m_given; }
    // After next() returned false: what stopped the input, or empty.
    std::string error() const { return m_lines.error().empty() ? std::string() : "standard input: " + m_lines.error(); }

private:
    bool m_stdin;
    LineReader m_lines;
    const std::vector<std::string> &m_args;
    std::size_t m_given = 0;
};

// key<TAB>value (escaped) or, with --json, one JSON object per line.
struct GetPrinter {
    OutputBuffer &out;
    bool json;
    bool showServer;

    void value(std::string_view key, const std::optional<Item> &item, const std::string &server, std::size_t failed)
    {
        if (json) {
            nlohmann::json o = jsonBytes("key", key);
            if (item) {
                o.update(jsonBytes("value", item->value));
                o["flags"] = item->flags;
            } else {
                o["miss"] = true;
            }
            if (showServer) {
                o["server"] = server;
                if (!item && failed > 0)
                    o["replicas_not_answering"] = failed;
            }
            out.append(jsonText(o));
            out.append('\n');
            return;
        }
        out.append(printable(key));
        out.append('\t');
        out.append(item ? printable(item->value) : std::string("MISS"));
        if (showServer) {
            out.append('\t');
            out.append(server);
            // A miss is not certain when a replica that may hold the key did not answer.
            if (!item && failed > 0)
                out.append(" (" + std::to_string(failed) + (failed == 1 ? " replica" : " replicas") + " did not answer)");
        }
        out.append('\n');
    }
};

// get through the replication layer: one request per key.
int runReplicatedGet(ReplicatedClient &c, Entries &keys, GetPrinter print)
{
    OrderedWindow<std::pair<std::string, ReadResult>> window(kWindowOperations, kWindowBytes);
    int status = 0;
    const auto &servers = c.client().distribution().servers();
    auto show = [&](std::pair<std::string, ReadResult> &&done) {
        const auto &[key, r] = done;
        if (r.error) {
            keyError(key, describe(r.error));
            status = 2;
            return;
        }
        print.value(key, r.item,
                    r.servedBy < servers.size() ? servers[r.servedBy].address()
                                                : std::string(r.unavailable ? "(server down)" : "-"),
                    r.failed);
    };
    std::string_view key;
    while (keys.next(key))
        window.run([&c, k = std::string(key)](auto done) mutable {
            c.get(k, [k, done = std::move(done)](ReadResult r) mutable { done({std::move(k), std::move(r)}); });
        }, key.size(), show);
    window.drain(show);
    if (const auto e = keys.error(); !e.empty())
        return fail(e);
    return print.out.finish() ? status : fail("cannot write to standard output");
}

// A plain get: keys in multi-get batches, grouped by server.
int runPlainGet(Client &client, Entries &keys, GetPrinter print)
{
    struct Batch {
        std::vector<std::string> keys;
        std::vector<ClientError> errors;
        std::vector<std::optional<Item>> items;
    };
    OrderedWindow<Batch> window(kGetBatches, kWindowBytes);
    int status = 0;
    auto show = [&](Batch &&b) {
        for (std::size_t i = 0; i < b.keys.size(); ++i) {
            if (b.errors[i]) {
                keyError(b.keys[i], describe(b.errors[i]));
                status = 2;
            } else {
                print.value(b.keys[i], b.items[i], {}, 0);
            }
        }
    };
    auto send = [&](std::vector<std::string> batch) {
        window.run([&client, batch = std::move(batch)](auto done) mutable {
            auto held = std::make_shared<std::vector<std::string>>(batch);
            client.getMany(std::move(batch), [held, done = std::move(done)](std::vector<ClientError> e,
                                                                            std::vector<std::optional<Item>> items) mutable {
                done({std::move(*held), std::move(e), std::move(items)});
            });
        }, 0, show);
    };
    std::vector<std::string> batch;
    std::string_view key;
    while (keys.next(key)) {
        batch.emplace_back(key);
        if (batch.size() == kGetBatch)
            send(std::exchange(batch, {}));
    }
    if (!batch.empty())
        send(std::move(batch));
    window.drain(show);
    if (const auto e = keys.error(); !e.empty())
        return fail(e);
    return print.out.finish() ? status : fail("cannot write to standard output");
}

int runGet(const std::vector<std::string> &args)
{
    std::string error;
    const auto a = Arguments::parse(args, with(kConnectionOptions, kReplicationOptions),
                                    with({"stdin", "show-server", "json", "repair", "allow-write"}, kConnectionFlags), error);
    if (!a)
        return fail(error);
    if (a->has("stdin") && !a->positional().empty())
        return fail("get --stdin reads keys from standard input; give no KEY");
    if (!a->has("stdin") && a->positional().size() != 1)
        return fail("get needs one KEY (or --stdin)");
    if (a->has("repair") && !wantsReplication(*a))
        return fail("--repair copies a value to the replicas that missed it: it needs --replication");
    // Read-repair writes: it passes the same gate as set (see connect()).
    auto live = connect(*a, true, a->has("repair"), error);
    if (!live)
        return fail(error);
    Entries keys(*a, limits::kKeyLine);
    OutputBuffer out(stdout);
    const GetPrinter print{out, a->has("json"), a->has("show-server")};
    if (wantsReplication(*a) || a->has("show-server")) {
        auto options = replicationOptions(*a, live->client->serverCount(), error);
        if (!options)
            return fail(error);
        // A read writes nothing unless asked: no read-repair, and no copying
        // back of keys to a replica that returns during the run (resync).
        options->readRepair = a->has("repair");
        options->resyncOnRejoin = a->has("repair");
        ReplicatedClient replicated(*live->client, *options);
        return runReplicatedGet(replicated, keys, print);
    }
    return runPlainGet(*live->client, keys, print);
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
    const std::size_t want = takesValue ? 2 : 1;
    if (a->has("stdin") && !a->positional().empty())
        return fail(command + " --stdin reads from standard input; give no KEY");
    if (!a->has("stdin") && a->positional().size() != want)
        return fail(command + (takesValue ? " needs KEY VALUE (or --stdin)" : " needs KEY (or --stdin)"));
    auto live = connect(*a, true, true, error);
    if (!live)
        return fail(error);
    std::optional<ReplicatedClient> replicated;
    if (wantsReplication(*a)) {
        const auto options = replicationOptions(*a, live->client->serverCount(), error);
        if (!options)
            return fail(error);
        replicated.emplace(*live->client, *options);
    }
    const auto store = command == "set" ? encode::Store::Set : command == "add" ? encode::Store::Add : encode::Store::Replace;
    struct Result {
        std::string key;
        ClientError error;
        Reply reply = Reply::Error;
        std::string text;
        std::string server; // where the answer came from, for messages
    };
    const auto &servers = live->client->distribution().servers();
    auto start = [&, ttl = *ttl, flags = static_cast<std::uint32_t>(*flags)](std::string key, std::string value) {
        return [&, key = std::move(key), value = std::move(value)](auto done) mutable {
            if (replicated) {
                auto cb = [key, done = std::move(done), &servers](WriteResult w) mutable {
                    const std::string where = w.targets.empty() ? std::string() : servers[w.targets.front()].address();
                    done({std::move(key), std::move(w.error), w.reply, std::move(w.text), where});
                };
                if (takesValue)
                    replicated->store(store, key, std::move(value), flags, ttl, std::move(cb));
                else
                    replicated->remove(key, std::move(cb));
                return;
            }
            const std::string where = servers.size() == 1 ? servers[0].address()
                                                          : servers[live->client->distribution().owner(key)].address();
            auto cb = [key, where, done = std::move(done)](ClientError e, Reply r, const std::string &text) mutable {
                done({std::move(key), std::move(e), r, text, where});
            };
            if (takesValue)
                live->client->store(store, key, value, flags, ttl, std::move(cb));
            else if (command == "delete")
                live->client->remove(key, std::move(cb));
            else
                live->client->touch(key, ttl, std::move(cb));
        };
    };
    int status = 0;
    std::size_t done = 0, total = 0;
    auto show = [&](Result &&r) {
        if (r.error) {
            keyError(r.key, describe(r.error));
            status = 2;
        } else if (r.reply == Reply::Stored || r.reply == Reply::Deleted || r.reply == Reply::Touched) {
            ++done;
            if (!a->has("stdin"))
                std::printf("%s\n", replyName(r.reply));
        } else {
            keyError(r.key, refusal(r.reply, r.text, r.server));
            const bool serverError = r.reply == Reply::Error || r.reply == Reply::ClientError || r.reply == Reply::ServerError;
            status = std::max(status, serverError ? 2 : 1);
        }
    };
    OrderedWindow<Result> window(kWindowOperations, kWindowBytes);
    Entries entries(*a, takesValue ? limits::kValueLine : limits::kKeyLine);
    std::string_view line;
    std::string inputError;
    while (inputError.empty() && entries.next(line)) {
        std::string key(line), value;
        if (a->has("stdin")) {
            if (line.empty())
                continue;
            if (takesValue) {
                const auto space = line.find(' ');
                if (space == std::string_view::npos) {
                    inputError = "line " + std::to_string(entries.lineNumber()) + ": expected \"key value\"";
                    break;
                }
                key = std::string(line.substr(0, space));
                value = std::string(line.substr(space + 1));
            }
        } else if (takesValue) {
            value = a->positional()[1];
        }
        ++total;
        const std::size_t bytes = key.size() + value.size();
        window.run(start(std::move(key), std::move(value)), bytes, show);
        if (!a->has("stdin"))
            break;
    }
    window.drain(show); // what was started is waited for and reported, whatever stopped the input
    if (replicated) {
        // A write acknowledged by its quorum (W < R) or a master-slave copy
        // may still be on its way to the other replicas: they are waited for
        // (each bounded by its deadline), or exiting would drop them.
        const auto until = std::chrono::steady_clock::now() + 2 * live->client->options().pool.requestTimeout
            + 2 * live->client->options().pool.connection.connectTimeout + std::chrono::seconds(1);
        for (;;) {
            std::size_t outstanding = 0;
            for (const auto &c : replicated->counters())
                outstanding += c.outstanding;
            if (outstanding == 0 || std::chrono::steady_clock::now() > until)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    if (inputError.empty())
        inputError = entries.error();
    if (a->has("stdin"))
        std::printf("%zu of %zu done\n", done, total);
    if (!inputError.empty())
        return fail(inputError + (total > 0 ? " (the " + std::to_string(total) + " entries before it were sent)" : ""));
    return status;
}

int runStats(const std::vector<std::string> &args)
{
    std::string error;
    const auto a = Arguments::parse(args, {"servers", "timeout", "connect-timeout", "group", "tls-ca", "tls-cert", "tls-key",
                                           "user", "password-file"},
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
                keyError(s.address, describe(s.error));
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
        std::cout << jsonText(j, 2) << '\n';
        return status;
    }
    if (!group.empty()) {
        for (const auto &s : stats) {
            std::printf("%s\n", s.address.c_str());
            if (s.error) {
                keyError(s.address, describe(s.error));
                status = 2;
            }
            for (const auto &[k, v] : s.raw)
                std::printf("  %-40s %s\n", printable(k).c_str(), printable(v).c_str());
        }
        return status;
    }
    std::printf("%-24s %-8s %8s %10s %12s %6s %9s %9s %6s\n", "server", "version", "pid", "items", "bytes", "conns",
                "gets/s", "sets/s", "hit%");
    for (const auto &s : stats) {
        if (s.error) {
            // The reason on stderr; the table keeps one row per server.
            keyError(s.address, describe(s.error));
            std::printf("%-24s %s\n", s.address.c_str(), "(no answer: see the error above)");
            status = 2;
            continue;
        }
        auto rate = [](const std::optional<double> &v) { return v ? std::to_string(static_cast<long long>(*v)) : std::string("-"); };
        std::printf("%-24s %-8s %8llu %10llu %12llu %6llu %9s %9s %6s\n", s.address.c_str(), printable(s.version).c_str(),
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
    valued.insert(valued.end(), {"cap", "dump-timeout", "dump-limit"});
    const auto a = Arguments::parse(args, valued, with({"json", "list"}, kConnectionFlags), error);
    if (!a)
        return fail(error);
    const auto cap = a->integer("cap", 1'000'000, 1, 100'000'000, error);
    // --timeout: the longest wait for the next metadump line (5 s unless given;
    // the crawler can take a moment to start); --dump-timeout and --dump-limit
    // bound one server's whole dump, however steadily its lines come.
    const auto idle = cap ? a->integer("timeout", 5000, 1, 600000, error) : std::nullopt;
    const auto whole = idle ? a->integer("dump-timeout", 600000, 1, 86'400'000, error) : std::nullopt;
    const auto limit = whole ? a->integer("dump-limit", 100'000'000, 1, 10'000'000'000LL, error) : std::nullopt;
    if (!limit)
        return fail(error);
    auto live = connect(*a, true, false, error);
    if (!live)
        return fail(error);
    KeyEnumerator::Options options;
    options.cap = static_cast<std::size_t>(*cap);
    options.idleTimeout = std::chrono::milliseconds(*idle);
    options.wholeTimeout = std::chrono::milliseconds(*whole);
    options.maxEntries = static_cast<std::uint64_t>(*limit);
    const auto held = KeyEnumerator::enumerateSync(*live->client, options);
    const auto audit = OwnershipAudit::compute(live->client->distribution(), held, a->has("list") ? 100000 : 1000);
    int status = 0;
    for (const auto &s : audit.servers)
        if (!s.error.empty()) {
            std::fprintf(stderr, "ringscope-cli: %s\n", printable(s.error, false).c_str());
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
            for (const auto &m : audit.misplaced) {
                nlohmann::json o = jsonBytes("key", m.key);
                o["held_by"] = servers[m.heldBy].address();
                o["belongs_to"] = servers[m.belongsTo].address();
                j["misplaced_keys"].push_back(std::move(o));
            }
        }
        std::cout << jsonText(j, 2) << '\n';
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
            std::printf("%s\t%s\t%s\n", printable(m.key).c_str(), servers[m.heldBy].address().c_str(),
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
