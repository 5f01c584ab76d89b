#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ringscope::core {

// How copies of a key are kept on several servers.
enum class ReplicationMode : std::uint8_t {
    None,        // one copy, on the key's owner
    MasterSlave, // the owner (primary) takes writes; the next R-1 servers copy them afterwards
    Ring,        // owner and next R-1 servers of the ring, written together (libmemcached replicas, mcrouter AllSync)
    MultiMaster, // written to all R at once, acknowledged after W of them answer
};

// Which replica of a key a read goes to first.
enum class ReadPolicy : std::uint8_t {
    Primary,          // the owner, then the next replicas in ring order
    RoundRobin,       // each read starts one replica further on
    LeastOutstanding, // the replica with the fewest requests in flight ("least connections")
    Hash,             // a hash of the key picks one replica, always the same one
};

// Without replication, what happens to the keys of a server that is down.
enum class OnFailure : std::uint8_t {
    Miss,   // they miss (memcached's advice: the database answers)
    Rehash, // they go to their next owner on the ring (auto-eject, as twemproxy and libmemcached do)
};

struct ReplicationOptions {
    ReplicationMode mode = ReplicationMode::None;
    std::size_t replicas = 1;    // R: copies of each key, the owner included
    std::size_t writeQuorum = 0; // W for multi-master; 0 means all R
    ReadPolicy readPolicy = ReadPolicy::Primary;
    OnFailure onFailure = OnFailure::Miss;
    // Whole-operation deadline; a read that fails over splits what is left
    // between the replicas still to try. Zero: the pool's request timeout.
    std::chrono::milliseconds deadline{0};
    // A server that comes back is "warming" (read last) until the keys it
    // missed are invalidated on it, the keys it should hold are copied back
    // (resync), and at least this long has passed.
    std::chrono::milliseconds warmFor{2000};
    // Copy back, from the other replicas, every key a returning server should
    // hold (metadump of the cluster, then `add`): without it, a restarted
    // replica is refilled only by reads, and a second failure loses the keys
    // nobody read meanwhile.
    bool resyncOnRejoin = true;
    std::size_t resyncCap = 1000000; // keys enumerated per server for a resync
    // Keys remembered per server for invalidation on its return; past this
    // the server is never trusted for reads again (see ReplicatedClient).
    std::size_t maxTrackedKeys = 1000000;
    // Read-repair: after a hit, copy the value to the replicas that missed
    // it (`add`, with the flags and the TTL the hit's server has left: read
    // with `mg KEY t`, never longer). It writes, so it is off unless the
    // caller opted in to writing (CLI --repair, the window's write switch).
    bool readRepair = false;
};

const char *modeName(ReplicationMode mode) noexcept;
const char *policyName(ReadPolicy policy) noexcept;
const char *onFailureName(OnFailure mode) noexcept;
std::optional<ReplicationMode> parseMode(std::string_view text) noexcept;
std::optional<ReadPolicy> parsePolicy(std::string_view text) noexcept;
std::optional<OnFailure> parseOnFailure(std::string_view text) noexcept;
// Parses "1", "2", …, "majority" or "all" against R.
std::optional<std::size_t> parseQuorum(std::string_view text, std::size_t replicas) noexcept;

// An empty string, or what is wrong with `options` for a cluster of `servers`.
std::string checkOptions(const ReplicationOptions &options, std::size_t servers);

} // namespace ringscope::core
