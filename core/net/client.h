#pragma once

#include "core/distribution/distribution.h"
#include "core/protocol/requestencoder.h"
#include "core/net/ioruntime.h"
#include "core/net/serverpool.h"

#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <vector>

namespace ringscope::core {

// The answer to a write (set, delete, touch…): a ClientError when no reply
// came, else the server's reply and, for errors, its message.
struct ReplyResult {
    ClientError error;
    Reply reply = Reply::Error;
    std::string text;
};

// Bounds on a streamed reply (metadump) as a whole: it fails as Timeout
// when it has not ended by `until`, and with a Protocol error after more
// than `maxEntries` entries (0: no limit); either closes the connection.
struct StreamLimits {
    Clock::time_point until = Clock::time_point::max();
    std::uint64_t maxEntries = 0;
};

struct ClientOptions {
    ServerPool::Options pool{};
};

// A memcached client over a Distribution: each key goes to the server the
// preset says, exactly as the real client would send it. Keys are checked
// before anything is sent. Callbacks run on the I/O thread; the *Sync
// helpers block the calling thread (never the I/O thread) for scripts and
// the CLI.
class Client {
public:
    Client(IoRuntime &runtime, std::unique_ptr<Distribution> distribution, ClientOptions options = {});
    // A client that places no keys: requests go to a server named by its
    // index (stats, metadump, mg of a key on every server: watching a
    // cluster). A key-addressed call fails with InvalidKey unless there is
    // only one server.
    Client(IoRuntime &runtime, ServerList servers, ClientOptions options = {});
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Only for a client made with a distribution (hasPlacement()).
    const Distribution &distribution() const noexcept { return *m_distribution; }
    bool hasPlacement() const noexcept { return m_distribution != nullptr; }
    const ServerList &servers() const noexcept { return m_servers; }
    IoRuntime &runtime() noexcept { return m_runtime; }
    const ClientOptions &options() const noexcept { return m_options; }

    using ItemCallback = std::function<void(ClientError, std::optional<Item>)>;
    using ReplyCallback = std::function<void(ClientError, Reply, std::string)>;
    using ItemsCallback = std::function<void(std::vector<ClientError>, std::vector<std::optional<Item>>)>;
    using OutcomeCallback = std::function<void(Outcome)>;

    // The key's owner under the distribution; or pass a server index to the
    // *At calls (replication and read balancing pick the server themselves).
    static constexpr std::size_t kOwner = static_cast<std::size_t>(-1);
    // A timeout of zero means the pool's request timeout.
    using Timeout = std::chrono::milliseconds;

    void get(std::string key, ItemCallback done) { getAt(kOwner, std::move(key), std::move(done)); }
    void getAt(std::size_t server, std::string key, ItemCallback done, Timeout timeout = {});
    // Writes read their key and value during the call only (they are
    // encoded into the request at once): views, so a caller's strings are not copied.
    void store(encode::Store command, std::string_view key, std::string_view value, std::uint32_t flags,
               std::int64_t ttl, ReplyCallback done)
    {
        storeAt(kOwner, command, key, value, flags, ttl, std::move(done));
    }
    void storeAt(std::size_t server, encode::Store command, std::string_view key, std::string_view value,
                 std::uint32_t flags, std::int64_t ttl, ReplyCallback done, Timeout timeout = {});
    // `noreply`: the server answers nothing, so `done` only says the request
    // was written (or could not be); libmemcached's NOREPLY behaviour.
    void storeNoReply(encode::Store command, std::string_view key, std::string_view value, std::uint32_t flags,
                      std::int64_t ttl, std::function<void(ClientError)> written);
    void remove(std::string key, ReplyCallback done) { removeAt(kOwner, std::move(key), std::move(done)); }
    void removeAt(std::size_t server, std::string key, ReplyCallback done, Timeout timeout = {});
    void touch(std::string key, std::int64_t ttl, ReplyCallback done);
    // Keys grouped by server, one `get` per server (up to 100 keys each), in parallel.
    void getMany(std::vector<std::string> keys, ItemsCallback done);

    // A raw request to one server (stats, mg without LRU bump, metadump…).
    // With `onEntry`, `timeout` bounds the wait for each entry.
    void send(std::size_t server, std::string bytes, Expect expect, bool write, OutcomeCallback done,
              std::function<void(const Response &)> onEntry = {}, std::chrono::milliseconds timeout = {},
              StreamLimits limits = {});

    // What one server knows of a key, read with the meta protocol without
    // bumping it in the LRU (mg … u): for the key inspector and audits.
    struct KeyInfo {
        bool found = false;
        std::uint64_t size = 0;
        std::int64_t ttl = -1;        // -1: never expires
        std::uint32_t flags = 0;
        bool hitBefore = false;
        std::uint64_t idleSeconds = 0; // since the last access
    };
    using KeyInfoCallback = std::function<void(ClientError, KeyInfo)>;
    // Keys with bytes the text protocol forbids go base64-encoded (flag b).
    void inspect(std::size_t server, std::string key, KeyInfoCallback done);
    std::pair<ClientError, KeyInfo> inspectSync(std::size_t server, const std::string &key);

    // Health events, on the I/O thread; several observers may listen (the
    // replication layer and the window). Returns an id for removal.
    using EventHandler = std::function<void(const HealthEvent &)>;
    std::size_t addEventHandler(EventHandler handler);
    void removeEventHandler(std::size_t id);
    std::vector<ServerState> states(); // asks the I/O thread
    // Probes `server` now if it is marked down (see ServerPool::probeSoon); from any thread.
    void probeSoon(std::size_t server);
    // On the I/O thread only: one server's health and requests in flight.
    ServerState stateAt(std::size_t server) const { return m_pools[server]->state(); }
    std::size_t outstandingAt(std::size_t server) const { return m_pools[server]->outstanding(); }
    std::size_t serverCount() const noexcept { return m_pools.size(); }

    // Blocking helpers.
    std::pair<ClientError, std::optional<Item>> getSync(const std::string &key);
    ReplyResult storeSync(encode::Store command, const std::string &key, const std::string &value,
                          std::uint32_t flags = 0, std::int64_t ttl = 0);
    ReplyResult removeSync(const std::string &key);
    ReplyResult touchSync(const std::string &key, std::int64_t ttl);
    Outcome sendSync(std::size_t server, std::string bytes, Expect expect, bool write = false);

private:
    Client(IoRuntime &runtime, ServerList servers, ClientOptions options, std::unique_ptr<Distribution> &&distribution);
    ClientError placeError(std::string_view key) const; // a key-addressed call: its key, and whether it can be placed
    template <typename Request = CallbackRequest>
    std::shared_ptr<Request> makeRequest(std::string bytes, Expect expect, bool write,
                                         std::chrono::milliseconds timeout = {});
    void dispatch(std::size_t server, RequestPtr request);
    // `encode(std::string &)` writes the request's bytes; then as dispatch().
    template <typename Encode>
    void encodeAndDispatch(std::size_t server, RequestPtr request, Encode &&encode);
    std::size_t serverFor(std::string_view key) const;
    std::chrono::milliseconds queueBound(std::chrono::milliseconds timeout) const
    {
        const auto &pool = m_options.pool;
        return pool.queueTimeout.count() > 0 ? pool.queueTimeout : pool.connection.connectTimeout + timeout;
    }
    std::size_t target(std::size_t server, std::string_view key) const { return server == kOwner ? serverFor(key) : server; }
    // When the key is invalid: posts `deliver(done, error)` and returns true.
    template <typename Callback, typename Deliver>
    bool rejectKey(std::string_view key, Callback &done, Deliver deliver, std::size_t server = kOwner);

    IoRuntime &m_runtime;
    std::unique_ptr<Distribution> m_distribution; // null: no placement
    ServerList m_servers;
    ClientOptions m_options;
    std::vector<std::shared_ptr<ServerPool>> m_pools;
    struct Observers {
        std::vector<std::pair<std::size_t, EventHandler>> handlers;
        std::size_t nextId = 1;
    };
    std::shared_ptr<Observers> m_observers; // I/O thread
    std::atomic<std::uint64_t> m_opaque{0};
    std::string m_scratch; // I/O thread: requests are encoded here
};

} // namespace ringscope::core
