#pragma once

#include "core/net/client.h"
#include "core/live/replication.h"

#include <asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ringscope::core {

// What a replicated read found and where.
struct ReadResult {
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    ClientError error;             // set only when no replica could answer
    std::optional<Item> item;      // empty: a miss
    std::size_t servedBy = kNone;  // the server whose answer counted
    std::vector<std::size_t> tried;
    std::size_t failed = 0;        // replicas asked that did not answer: a miss is then not certain
    bool unavailable = false;      // a miss because the key's servers are down (--on-failure miss)
    std::size_t repaired = 0;      // replicas that missed and were given the value
};

// What a replicated write did: acknowledged once `needed` replicas said yes.
struct WriteResult {
    ClientError error;             // the write did not reach its quorum; Unknown if it may have
    Reply reply = Reply::Error;    // Stored / Deleted / NotFound …, or the refusal that won
    std::string text;
    std::size_t acks = 0, needed = 0;
    std::vector<std::size_t> targets; // where it was sent, or will be copied (master-slave)
};

// Per-server counters of the replication layer, for the per-server rates.
struct ReplicaCounters {
    std::uint64_t reads = 0, hits = 0, misses = 0, readErrors = 0;
    std::uint64_t writes = 0, writeErrors = 0;
    std::uint64_t repairs = 0, invalidations = 0;
    std::size_t outstanding = 0; // requests in flight from this layer
    std::size_t dirtyKeys = 0;   // keys to invalidate when it comes back
    bool warming = false;
    bool resyncing = false;      // copying back the keys it should hold
    std::uint64_t resynced = 0;  // keys copied back to it, all told
    bool untrusted = false;      // too many missed keys to track: never read from it again
};

// Something the replication layer did to a server, with when.
struct ReplicaEvent {
    enum class Kind : std::uint8_t { Warming, Invalidated, Resynced, Warm, Untrusted };
    std::chrono::system_clock::time_point when;
    std::size_t server = 0;
    Kind kind = Kind::Warming;
    std::size_t keys = 0; // Invalidated: how many
    std::string text;
};

// Reads and writes over a Client with replication, read balancing and a
// failure mode. Each key's replicas are its owner and the next R-1 distinct
// servers of the distribution (Distribution::successors: clockwise on a ring,
// list order otherwise).
//
// A server that comes back after a failure may hold nothing (restarted) or
// stale values (it was hung while others took writes). So: every write or
// delete that a replica missed (down, failed, or outcome unknown) puts the key
// on that server's *dirty* list; a read never takes a dirty key's answer from
// it. When the server answers again it is *warming*: read last, its dirty keys
// are deleted on it (invalidation, not replay: a delete cannot resurrect
// anything and needs no value), the keys it should hold are copied back from
// the other replicas (resync, with `add`; a key deleted meanwhile is deleted
// again after its copy), and then, `warmFor` after it came back at the
// earliest, it is healthy. A miss on
// one replica never overrides a hit on another: reads fall through misses to
// the next replica and repair the ones that missed with `add` (which never
// overwrites a newer write). Past `maxTrackedKeys` a server is marked
// untrusted and never read again by this client. Everything runs on the I/O
// thread; the public calls may come from any thread.
class ReplicatedClient {
public:
    ReplicatedClient(Client &client, ReplicationOptions options);
    ~ReplicatedClient();
    ReplicatedClient(const ReplicatedClient &) = delete;
    ReplicatedClient &operator=(const ReplicatedClient &) = delete;

    const ReplicationOptions &options() const noexcept { return m_options; }
    Client &client() noexcept { return m_client; }

    using ReadCallback = std::function<void(ReadResult)>;
    using WriteCallback = std::function<void(WriteResult)>;
    void get(std::string key, ReadCallback done);
    void store(encode::Store command, std::string key, std::string value, std::uint32_t flags, std::int64_t ttl,
               WriteCallback done);
    void remove(std::string key, WriteCallback done);

    ReadResult getSync(const std::string &key);
    WriteResult storeSync(encode::Store command, const std::string &key, const std::string &value,
                          std::uint32_t flags = 0, std::int64_t ttl = 0);
    WriteResult removeSync(const std::string &key);

    // The servers that keep `key`, owner first (without regard to health).
    std::vector<std::size_t> replicasOf(std::string_view key) const;

    std::vector<ReplicaCounters> counters(); // asks the I/O thread
    void setEventHandler(std::function<void(const ReplicaEvent &)> handler);

private:
    struct ServerBook;
    struct Read;
    struct Write;

    void startRead(std::shared_ptr<Read> read);
    void nextAttempt(const std::shared_ptr<Read> &read);
    void finishRead(const std::shared_ptr<Read> &read, ReadResult result);
    void startWrite(std::shared_ptr<Write> write);
    void sendWrite(const std::shared_ptr<Write> &write, std::size_t server,
                   std::function<void(std::size_t, ClientError, Reply, std::string)> answered);
    void copyToSlaves(const std::shared_ptr<Write> &write);
    std::vector<std::size_t> readOrder(std::string_view key);
    bool usable(std::size_t server) const;
    bool trusted(std::size_t server, const std::string &key) const;
    void markDirty(std::size_t server, const std::string &key);
    void onHealth(const HealthEvent &event);
    void invalidate(std::size_t server);
    void startWarmTimer(std::size_t server);
    void maybeWarm(std::size_t server);
    void resync(std::size_t server);
    void notify(std::size_t server, ReplicaEvent::Kind kind, std::size_t keys, std::string text);
    std::chrono::milliseconds deadline() const;

    Client &m_client;
    ReplicationOptions m_options;
    std::vector<std::unique_ptr<ServerBook>> m_books; // I/O thread
    std::uint64_t m_roundRobin = 0;
    std::uint64_t m_epoch = 0;
    std::size_t m_healthHandler = 0;
    std::function<void(const ReplicaEvent &)> m_onEvent;
    std::shared_ptr<bool> m_alive;
};

} // namespace ringscope::core
