// ringscope-cli migrate: before a planned topology change, copies the keys
// that will change owner to their new owner (warm-up), so the switch causes
// no miss storm. It writes, so servers not on this machine need --allow-write.
#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/placement/clusterplacement.h"
#include "core/live/migration.h"
#include "core/net/localaddress.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace ringscope::cli {

using namespace ringscope::core;

namespace {

std::unique_ptr<Distribution> placementOf(const Arguments &a, const std::string &option, std::string &error)
{
    const auto spec = loadClusterSpec(a.value(option));
    if (!spec) {
        error = "--" + option + ": " + spec.error;
        return nullptr;
    }
    PlacementChoice choice;
    choice.preset = a.value("preset");
    if (a.has("hash") && !(choice.hash = parseHash(a.value("hash")))) {
        error = "unknown hash '" + a.value("hash") + "'";
        return nullptr;
    }
    auto d = buildPlacement(*spec.value, choice, error);
    if (d && !d->deterministic()) {
        error = "preset '" + choice.preset + "' has no owner for a key: nothing to migrate";
        return nullptr;
    }
    if (!d)
        error = "--" + option + ": " + error;
    return d;
}

} // namespace

int runMigrate(const std::vector<std::string> &args)
{
    std::string error;
    const auto a = Arguments::parse(args, {"servers", "to", "preset", "hash", "timeout", "window"},
                                    {"allow-write", "json", "quiet"}, error);
    if (!a)
        return fail(error);
    for (const char *required : {"servers", "to", "preset"})
        if (!a->has(required))
            return fail(std::string("--") + required + " is required");
    const auto before = placementOf(*a, "servers", error);
    const auto after = before ? placementOf(*a, "to", error) : nullptr;
    if (!after)
        return fail(error);
    const ServerList all = Migration::unionOf(before->servers(), after->servers());
    if (!a->has("allow-write"))
        for (const auto &s : after->servers())
            if (std::string why; !core::resolvesToLoopbackOnly(s.host, why))
                return fail(s.address() + " is not known to be on this machine (" + why
                            + "): migrate writes to it, which needs --allow-write");
    long timeout = 300, window = 64;
    try {
        timeout = std::stol(a->value("timeout", "300"));
        window = std::stol(a->value("window", "64"));
    } catch (const std::exception &) {
        timeout = window = 0;
    }
    if (timeout < 1 || timeout > 600000 || window < 1 || window > 10000)
        return fail("--timeout must be 1 to 600000 ms and --window 1 to 10000 keys in flight");

    IoRuntime runtime;
    ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(timeout);
    // The client addresses servers by index; its own placement is never used.
    Client client(runtime, makeDistribution(*findPreset("modulo"), all, std::nullopt, {}, error), options);
    MigrationOptions migration;
    migration.window = static_cast<std::size_t>(window);
    migration.enumeration.idleTimeout = std::chrono::milliseconds(std::max(2000L, timeout));
    const bool quiet = a->has("quiet") || a->has("json");
    const auto started = std::chrono::steady_clock::now();
    const MigrationReport r = Migration::runSync(client, *before, *after, migration, [quiet](const MigrationReport &p) {
        if (!quiet)
            std::fprintf(stderr, "\r%llu of %llu moving keys copied", static_cast<unsigned long long>(p.done()),
                         static_cast<unsigned long long>(p.moving));
    });
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (!quiet)
        std::fputc('\n', stderr);
    for (const auto &e : r.errors)
        std::fprintf(stderr, "ringscope-cli: %s\n", e.c_str());
    const int status = r.failed > 0 || !r.errors.empty() ? 2 : 0;
    if (a->has("json")) {
        nlohmann::json j{{"keys", r.enumerated}, {"moving", r.moving},         {"copied", r.copied},
                         {"already_there", r.alreadyThere}, {"gone", r.gone}, {"failed", r.failed},
                         {"sampled", r.sampled}, {"milliseconds", ms}};
        std::cout << jsonText(j) << '\n';
        return status;
    }
    std::printf("%llu keys on their owners, %llu change owner: %llu copied, %llu already there, %llu gone, %llu failed "
                "(%lld ms)\n",
                static_cast<unsigned long long>(r.enumerated), static_cast<unsigned long long>(r.moving),
                static_cast<unsigned long long>(r.copied), static_cast<unsigned long long>(r.alreadyThere),
                static_cast<unsigned long long>(r.gone), static_cast<unsigned long long>(r.failed),
                static_cast<long long>(ms));
    if (r.sampled)
        std::printf("note: a server held more keys than the enumeration cap; only a sample was copied\n");
    return status;
}

} // namespace ringscope::cli
