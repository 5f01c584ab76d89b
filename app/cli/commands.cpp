#include "app/cli/commands.h"

#include "app/cli/arguments.h"
#include "app/cli/output.h"
#include "app/cli/proxypoolargs.h"

#include "core/placement/clusterplacement.h"
#include "core/placement/keyset.h"
#include "core/placement/methodcomparison.h"
#include "core/placement/redistributionplanner.h"
#include "core/config/textinput.h"
#include "core/distribution/failover.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>

namespace ringscope::cli {

using namespace ringscope::core;

int fail(const std::string &message)
{
    // Messages quote user input and server replies: escaped, never raw bytes on the terminal.
    std::fprintf(stderr, "ringscope-cli: %s\n", printable(message, false).c_str());
    return 2;
}

namespace {

const std::vector<std::string> kPlacementOptions{"servers", "preset",      "hash",     "points",
                                                 "load-factor", "probes", "mcp-seed", "mcp-filter",
                                                 "mcp-hash"};

std::optional<std::size_t> parseCount(const std::string &text, const std::string &option, std::string &error)
{
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || ptr != text.data() + text.size() || n == 0 || n > 100'000'000) {
        error = "--" + option + " '" + text + "' is not a whole number from 1 to 100000000";
        return std::nullopt;
    }
    return n;
}

// --preset, --hash and the textbook knobs.
std::optional<PlacementChoice> placementChoice(const Arguments &a, std::string &error)
{
    PlacementChoice choice;
    choice.preset = a.value("preset");
    if (a.has("hash")) {
        choice.hash = parseHash(a.value("hash"));
        if (!choice.hash) {
            error = "unknown hash '" + a.value("hash") + "' (see `ringscope-cli presets`)";
            return std::nullopt;
        }
    }
    if (!proxyPoolOptions(a, choice.options.proxyPool, error))
        return std::nullopt;
    if (a.has("points")) {
        const auto n = parseCount(a.value("points"), "points", error);
        if (!n || *n > 10000) {
            error = error.empty() ? "--points must be at most 10000" : error;
            return std::nullopt;
        }
        choice.options.pointsPerServer = static_cast<std::uint32_t>(*n);
    }
    if (a.has("probes")) {
        const auto n = parseCount(a.value("probes"), "probes", error);
        if (!n || *n > 1000) {
            error = error.empty() ? "--probes must be at most 1000" : error;
            return std::nullopt;
        }
        choice.options.probes = static_cast<unsigned>(*n);
    }
    if (a.has("load-factor")) {
        try {
            std::size_t used = 0;
            choice.options.loadFactor = std::stod(a.value("load-factor"), &used);
            if (used != a.value("load-factor").size() || choice.options.loadFactor < 1.0)
                throw std::invalid_argument("range");
        } catch (const std::exception &) {
            error = "--load-factor must be a number >= 1 (e.g. 1.25)";
            return std::nullopt;
        }
    }
    return choice;
}

std::optional<ClusterSpec> clusterSpec(const Arguments &a, const std::string &option, std::string &error)
{
    if (!a.has(option)) {
        error = "--" + option + " is required";
        return std::nullopt;
    }
    auto parsed = loadClusterSpec(a.value(option));
    if (!parsed) {
        error = "--" + option + ": " + parsed.error;
        return std::nullopt;
    }
    return std::move(*parsed.value);
}

std::vector<std::string> splitList(const std::string &list)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        out.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

std::optional<KeySet> keysFor(const Arguments &a, std::string &error)
{
    if (!a.has("keys"))
        return readStdinKeys(error);
    const auto n = parseCount(a.value("keys"), "keys", error);
    if (!n)
        return std::nullopt;
    return KeySet::synthetic(*n);
}

std::unique_ptr<Distribution> deterministicPlacement(const ClusterSpec &spec, const PlacementChoice &choice,
                                                     std::string &error)
{
    auto d = buildPlacement(spec, choice, error);
    if (d && !d->deterministic()) {
        error = "preset '" + (choice.preset.empty() ? spec.preset : choice.preset)
            + "' picks a server at random for every request: keys have no owner to compute";
        return nullptr;
    }
    return d;
}

} // namespace

namespace {

// --down HOST:PORT,…: the servers the client has noticed are down, and the
// rule it follows then (--failover, or the preset's client's default).
struct DownServers {
    std::vector<std::size_t> indexes;
    std::unique_ptr<FailoverPlacement> placement;
};

std::optional<DownServers> downServers(const Arguments &a, const ClusterSpec &spec, const PlacementChoice &choice,
                                       std::string &error)
{
    DownServers down;
    const auto listed = parseServerList(a.value("down"));
    if (!listed) {
        error = "--down: " + listed.error;
        return std::nullopt;
    }
    for (const Server &d : *listed.value) {
        const auto at = std::find_if(spec.servers.begin(), spec.servers.end(),
                                     [&](const Server &s) { return s.address() == d.address(); });
        if (at == spec.servers.end()) {
            error = "--down: " + d.address() + " is not in the cluster";
            return std::nullopt;
        }
        down.indexes.push_back(static_cast<std::size_t>(at - spec.servers.begin()));
    }
    const std::string preset = choice.preset.empty() ? spec.preset : choice.preset;
    const FailoverBehaviour client = failoverOf(preset, spec.autoEjectHosts);
    Failover rule = client.rule;
    if (a.has("failover")) {
        const auto asked = parseFailover(a.value("failover"));
        if (!asked) {
            error = "--failover '" + a.value("failover") + "': expected fail, eject, rehash, redistribute or next-upstream";
            return std::nullopt;
        }
        if (std::find(client.choices.begin(), client.choices.end(), *asked) == client.choices.end()) {
            std::string can;
            for (const Failover f : client.choices)
                can += std::string(can.empty() ? "" : ", ") + failoverName(f);
            error = "--failover " + std::string(failoverName(*asked)) + ": " + std::string(client.client)
                + " does not do that (it can: " + can + ")";
            return std::nullopt;
        }
        rule = *asked;
    }
    std::string buildError;
    down.placement = FailoverPlacement::make(
        spec.servers, down.indexes, rule,
        [&](ServerList servers) {
            ClusterSpec part = spec;
            part.servers = std::move(servers);
            return deterministicPlacement(part, choice, buildError);
        },
        buildError, preset);
    if (!down.placement) {
        error = buildError;
        return std::nullopt;
    }
    return down;
}

} // namespace

int runPlace(const std::vector<std::string> &args)
{
    std::string error;
    auto valued = kPlacementOptions;
    valued.insert(valued.end(), {"down", "failover"});
    const auto a = Arguments::parse(args, valued, {}, error);
    if (!a)
        return fail(error);
    const auto spec = clusterSpec(*a, "servers", error);
    const auto choice = spec ? placementChoice(*a, error) : std::nullopt;
    auto d = choice ? deterministicPlacement(*spec, *choice, error) : nullptr;
    if (!d)
        return fail(error);
    if (a->has("failover") && !a->has("down"))
        return fail("--failover says what the client does with a server that is down: it needs --down");
    std::optional<DownServers> down;
    if (a->has("down") && !(down = downServers(*a, *spec, *choice, error)))
        return fail(error);
    std::vector<std::string> addresses;
    for (const Server &s : d->servers())
        addresses.push_back(s.address());
    // Streamed: a block of keys at a time, so any input fits in bounded memory.
    constexpr std::size_t kBlock = 1 << 16;
    LineReader lines(stdin, limits::kKeyLine);
    OutputBuffer out(stdout);
    std::string_view line;
    for (bool more = true; more;) {
        KeySet keys;
        while (keys.size() < kBlock && (more = lines.next(line)))
            keys.add(line);
        if (down) {
            // A key the client would fail (no failover, or every retry hit a dead server): "-".
            for (std::size_t i = 0; i < keys.size(); ++i) {
                const auto owner = down->placement->owner(keys[i]);
                out.append(keys[i]);
                out.append('\t');
                out.append(owner ? std::string_view(addresses[*owner]) : std::string_view("-"));
                out.append('\n');
            }
            continue;
        }
        const auto owners = assignOwners(*d, keys);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            out.append(keys[i]);
            out.append('\t');
            out.append(addresses[owners[i]]);
            out.append('\n');
        }
    }
    if (!lines.error().empty()) {
        out.finish();
        return fail("standard input: " + lines.error());
    }
    return out.finish() ? 0 : fail("cannot write to standard output");
}

namespace {

// diff --down: the same keys with every server up, then as the preset's
// client places them once those servers are down (moved, or failed).
int diffWithServersDown(const Arguments &a)
{
    std::string error;
    if (a.has("to"))
        return fail("give --to SPEC (a new server list) or --down HOST:PORT,... (servers that fail), not both");
    const auto spec = clusterSpec(a, "servers", error);
    const auto choice = spec ? placementChoice(a, error) : std::nullopt;
    auto before = choice ? deterministicPlacement(*spec, *choice, error) : nullptr;
    auto down = before ? downServers(a, *spec, *choice, error) : std::nullopt;
    const auto keys = down ? keysFor(a, error) : std::nullopt;
    if (!keys)
        return fail(error);
    const auto &servers = spec->servers;
    struct Row {
        std::uint64_t before = 0, after = 0, in = 0, out = 0, failed = 0;
    };
    std::vector<Row> rows(servers.size());
    std::uint64_t moved = 0, failed = 0;
    const bool listMoves = a.has("moves");
    nlohmann::json moves = nlohmann::json::array();
    OutputBuffer list(stdout);
    std::string movesText;
    for (const std::string_view key : keys->views()) {
        const std::size_t from = servers.size() == 1 ? 0 : before->owner(key);
        const auto to = down->placement->owner(key);
        ++rows[from].before;
        if (!to) {
            ++failed;
            ++rows[from].failed;
        } else {
            ++rows[*to].after;
            if (*to != from) {
                ++moved;
                ++rows[from].out;
                ++rows[*to].in;
            }
        }
        if (listMoves && (!to || *to != from)) {
            const std::string target = to ? servers[*to].address() : std::string("-");
            if (a.has("json")) {
                nlohmann::json o = jsonBytes("key", key);
                o["from"] = servers[from].address();
                o["to"] = target;
                moves.push_back(std::move(o));
            } else {
                movesText.append(key).append("\t").append(servers[from].address()).append("\t").append(target).append("\n");
            }
        }
    }
    const double total = static_cast<double>(std::max<std::size_t>(1, keys->size()));
    const char *rule = failoverName(down->placement->rule());
    if (a.has("json")) {
        nlohmann::json j{{"total_keys", keys->size()}, {"moved", moved}, {"failed", failed},
                         {"fraction_moved", static_cast<double>(moved) / total},
                         {"fraction_failed", static_cast<double>(failed) / total}, {"failover", rule}};
        j["servers"] = nlohmann::json::array();
        for (std::size_t i = 0; i < servers.size(); ++i)
            j["servers"].push_back({{"server", servers[i].address()}, {"down", std::find(down->indexes.begin(), down->indexes.end(), i) != down->indexes.end()},
                                    {"before", rows[i].before}, {"after", rows[i].after}, {"in", rows[i].in},
                                    {"out", rows[i].out}, {"failed", rows[i].failed}});
        if (listMoves)
            j["moves"] = std::move(moves);
        std::cout << jsonText(j, 2) << '\n';
        return 0;
    }
    std::printf("failover: %s\n%llu of %zu keys move (%.2f%%), %llu fail (%.2f%%)\n", rule,
                static_cast<unsigned long long>(moved), keys->size(), 100.0 * static_cast<double>(moved) / total,
                static_cast<unsigned long long>(failed), 100.0 * static_cast<double>(failed) / total);
    std::printf("%-28s %10s %10s %10s %10s %10s\n", "server", "before", "after", "in", "out", "failed");
    for (std::size_t i = 0; i < servers.size(); ++i)
        std::printf("%-28s %10llu %10llu %10llu %10llu %10llu%s\n", servers[i].address().c_str(),
                    static_cast<unsigned long long>(rows[i].before), static_cast<unsigned long long>(rows[i].after),
                    static_cast<unsigned long long>(rows[i].in), static_cast<unsigned long long>(rows[i].out),
                    static_cast<unsigned long long>(rows[i].failed),
                    std::find(down->indexes.begin(), down->indexes.end(), i) != down->indexes.end() ? "  (down)" : "");
    if (listMoves) {
        std::fflush(stdout);
        list.append(movesText);
    }
    return list.finish() ? 0 : fail("cannot write to standard output");
}

} // namespace

int runDiff(const std::vector<std::string> &args)
{
    std::string error;
    auto valued = kPlacementOptions;
    valued.insert(valued.end(), {"to", "keys", "down", "failover"});
    const auto a = Arguments::parse(args, valued, {"json", "moves"}, error);
    if (!a)
        return fail(error);
    if (a->has("down"))
        return diffWithServersDown(*a);
    if (a->has("failover"))
        return fail("--failover says what the client does with a server that is down: it needs --down");
    const auto from = clusterSpec(*a, "servers", error);
    const auto to = from ? clusterSpec(*a, "to", error) : std::nullopt;
    const auto choice = to ? placementChoice(*a, error) : std::nullopt;
    auto before = choice ? deterministicPlacement(*from, *choice, error) : nullptr;
    auto after = before ? deterministicPlacement(*to, *choice, error) : nullptr;
    const auto keys = after ? keysFor(*a, error) : std::nullopt;
    if (!keys)
        return fail(error);
    const RedistributionPlan plan = planRedistribution(*before, *after, *keys);
    if (a->has("json")) {
        nlohmann::json j;
        j["total_keys"] = plan.totalKeys;
        j["moved"] = plan.moves.size();
        j["fraction_moved"] = plan.fractionMoved();
        j["servers"] = nlohmann::json::array();
        for (const auto &s : plan.servers)
            j["servers"].push_back({{"server", s.address}, {"before", s.before}, {"after", s.after}, {"in", s.in},
                                    {"out", s.out}});
        if (a->has("moves")) {
            j["moves"] = nlohmann::json::array();
            for (const auto &m : plan.moves) {
                nlohmann::json o = jsonBytes("key", (*keys)[m.key]);
                o["from"] = plan.servers[m.from].address;
                o["to"] = plan.servers[m.to].address;
                j["moves"].push_back(std::move(o));
            }
        }
        std::cout << jsonText(j, 2) << '\n';
        return 0;
    }
    std::printf("%zu of %zu keys move (%.2f%%)\n", plan.moves.size(), plan.totalKeys, 100.0 * plan.fractionMoved());
    std::printf("%-28s %10s %10s %10s %10s\n", "server", "before", "after", "in", "out");
    for (const auto &s : plan.servers)
        std::printf("%-28s %10llu %10llu %10llu %10llu\n", s.address.c_str(),
                    static_cast<unsigned long long>(s.before), static_cast<unsigned long long>(s.after),
                    static_cast<unsigned long long>(s.in), static_cast<unsigned long long>(s.out));
    if (a->has("moves")) {
        OutputBuffer out(stdout);
        std::fflush(stdout);
        for (const auto &m : plan.moves) {
            out.append((*keys)[m.key]);
            out.append('\t');
            out.append(plan.servers[m.from].address);
            out.append('\t');
            out.append(plan.servers[m.to].address);
            out.append('\n');
        }
        if (!out.finish())
            return fail("cannot write to standard output");
    }
    return 0;
}

int runCompare(const std::vector<std::string> &args)
{
    std::string error;
    const auto a = Arguments::parse(args, {"servers", "add", "remove", "keys", "keys-file", "presets", "hash", "points",
                                           "load-factor", "probes", "replication-preset", "hash-tag"},
                                    {"json", "no-replication"}, error);
    if (!a)
        return fail(error);
    const auto spec = clusterSpec(*a, "servers", error);
    if (!spec)
        return fail(error);
    if (!a->has("add") && !a->has("remove"))
        return fail("give --add SPEC, --remove HOST:PORT[,HOST:PORT…] or both");
    ComparisonRequest request;
    request.servers = spec->servers;
    if (a->has("add")) {
        const auto added = clusterSpec(*a, "add", error);
        if (!added)
            return fail(error);
        request.added = added->servers;
    }
    if (a->has("remove")) {
        const auto removed = parseServerList(a->value("remove"));
        if (!removed)
            return fail("--remove: " + removed.error);
        for (const Server &s : *removed.value)
            request.removed.push_back(s.address());
    }
    const auto choice = placementChoice(*a, error);
    if (!choice)
        return fail(error);
    request.hash = choice->hash;
    request.options = choice->options;
    // A twemproxy .yml's hash_tag applies unless --hash-tag says otherwise.
    request.hashTag = a->value("hash-tag", spec->hashTag);
    if (a->has("presets"))
        request.presets = splitList(a->value("presets"));
    if (!a->has("no-replication"))
        request.replication = defaultReplicationSchemes(request.servers.size());
    request.replicationPreset = a->value("replication-preset", request.replicationPreset);
    if (a->has("keys") && a->has("keys-file"))
        return fail("give --keys N or --keys-file FILE, not both");
    KeySet keys;
    if (a->has("keys-file")) {
        auto text = readRegularFile(a->value("keys-file"), limits::kKeysFileBytes, error);
        if (!text)
            return fail("--keys-file: " + error);
        keys = KeySet::fromLines(std::move(*text));
        if (keys.empty())
            return fail("--keys-file: " + a->value("keys-file") + " holds no keys");
    } else {
        std::size_t keyCount = 100000;
        if (a->has("keys")) {
            const auto n = parseCount(a->value("keys"), "keys", error);
            if (!n)
                return fail(error);
            keyCount = *n;
        }
        keys = KeySet::synthetic(keyCount);
    }
    const auto results = compareMethods(request, keys, error);
    if (results.empty())
        return fail(error);
    printComparison(results, keys.size(), a->has("json"));
    return 0;
}

int runPresets(const std::vector<std::string> &args)
{
    if (!args.empty())
        return fail("presets takes no arguments");
    std::printf("Presets (--preset):\n");
    for (const Preset &p : allPresets())
        std::printf("  %-34s %s%s\n      %s; default hash %s%s\n", std::string(p.name).c_str(),
                    std::string(p.software).c_str(), p.textbook ? " [textbook]" : "", std::string(p.description).c_str(),
                    presetHashLabel(p, std::nullopt).c_str(), p.hashSelectable ? " (--hash may change it)" : "");
    std::printf("\nHashes (--hash):\n");
    for (const HashInfo &h : allHashes())
        std::printf("  %-14s %s\n", std::string(h.name).c_str(), std::string(h.description).c_str());
    return 0;
}

} // namespace ringscope::cli
