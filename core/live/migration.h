#pragma once

#include "core/distribution/distribution.h"
#include "core/net/client.h"
#include "core/live/keycopier.h"
#include "core/live/keyenumerator.h"

#include <functional>
#include <string>
#include <vector>

namespace ringscope::core {

// What a warm-up migration did.
struct MigrationReport : CopyReport {
    std::uint64_t enumerated = 0; // keys held by their owner before the change
    std::uint64_t moving = 0;     // of those, keys whose owner changes
    bool sampled = false;         // a server held more keys than the enumeration cap: not all were seen
};

// Before a planned topology change (a server added or removed), copies every
// key that will change owner from its current owner to its next one, like
// mcrouter's WarmUpRoute / MigrateRoute, so the switch causes no miss storm.
// Keys come from `lru_crawler metadump`; each is read with `mg … v f t`
// (value, flags, remaining TTL) and written with `add`, which never replaces
// a value a client wrote to the new owner meanwhile. The old copies stay (the
// old clients still read them until they switch). It writes: callers must
// have the user's opt-in.
struct MigrationOptions {
    std::size_t window = 64; // keys in flight
    KeyEnumerator::Options enumeration{};
};

class Migration {
public:
    using Options = MigrationOptions;
    using Progress = std::function<void(const MigrationReport &)>; // I/O thread, now and then
    using Done = std::function<void(MigrationReport)>;

    // `client` talks to `servers`: every server of `before` and of `after`
    // (matched by address); see unionOf(). `before` and `after` must live
    // until `done` has been called.
    static void run(Client &client, const Distribution &before, const Distribution &after, Options options,
                    Progress progress, Done done);
    static MigrationReport runSync(Client &client, const Distribution &before, const Distribution &after,
                                   Options options = {}, Progress progress = {});

    // The servers of both lists, `before`'s first, each address once.
    static ServerList unionOf(const ServerList &before, const ServerList &after);
};

} // namespace ringscope::core
