#include "core/live/replicatedclient.h"

#include "core/hash/hashfunctions.h"
#include "core/net/handoff.h"
#include "core/protocol/keyvalidation.h"
#include "core/live/keycopier.h"
#include "core/live/keyenumerator.h"

#include <algorithm>
#include <future>
#include <unordered_set>

namespace ringscope::core {

struct ReplicatedClient::ServerBook {
    explicit ServerBook(asio::io_context &io) : warmTimer(io) {}
    ReplicaCounters counters;
    std::unordered_map<std::string, std::uint64_t> dirty; // key → epoch of the write it missed
    bool invalidating = false;
    bool resyncPending = false; // after the invalidation: its deletes must not land after a copy
    std::unordered_set<std::string> resyncDeletes; // deleted while resyncing: delete again after a copy
    Clock::time_point cameBack;
    std::size_t invalidatedRound = 0;
    asio::steady_timer warmTimer;
};

struct ReplicatedClient::Read {
    std::string key;
    ReadCallback done;
    std::vector<std::size_t> order;
    std::size_t next = 0;
    Clock::time_point deadline;
    std::vector<std::size_t> missed; // answered "miss": repaired if another replica hits
    bool answered = false;
    ClientError lastError;
    ReadResult result;
};

struct ReplicatedClient::Write {
    bool isDelete = false;
    encode::Store command = encode::Store::Set;
    std::string key, value;
    std::uint32_t flags = 0;
    std::int64_t ttl = 0;
    WriteCallback done;
    std::chrono::milliseconds timeout{0};
    std::size_t pending = 0, failures = 0;
    bool finished = false, anyDeleted = false, maybeApplied = false;
    Reply refusal = Reply::Error;
    std::string refusalText;
    ClientError lastError;
    WriteResult result;
};

ReplicatedClient::ReplicatedClient(Client &client, ReplicationOptions options)
    : m_client(client)
    , m_options(options)
    , m_alive(std::make_shared<bool>(true))
{
    for (std::size_t i = 0; i < m_client.serverCount(); ++i)
        m_books.push_back(std::make_unique<ServerBook>(m_client.runtime().context()));
    m_healthHandler = m_client.addEventHandler([this](const HealthEvent &e) { onHealth(e); });
}

ReplicatedClient::~ReplicatedClient()
{
    m_client.removeEventHandler(m_healthHandler);
    // Timers and the books belong to the I/O thread; late replies find m_alive false.
    m_client.runtime().call([this] {
        *m_alive = false;
        m_books.clear();
    });
}

std::chrono::milliseconds ReplicatedClient::deadline() const
{
    return m_options.deadline.count() > 0 ? m_options.deadline : m_client.options().pool.requestTimeout;
}

std::vector<std::size_t> ReplicatedClient::replicasOf(std::string_view key) const
{
    const Distribution &d = m_client.distribution();
    if (m_options.mode == ReplicationMode::None)
        return {d.servers().size() == 1 ? 0 : d.owner(key)};
    return d.successors(key, m_options.replicas);
}

bool ReplicatedClient::usable(std::size_t server) const
{
    return m_client.stateAt(server) != ServerState::Down && !m_books[server]->counters.untrusted;
}

bool ReplicatedClient::trusted(std::size_t server, const std::string &key) const
{
    return !m_books[server]->dirty.contains(key);
}

std::vector<std::size_t> ReplicatedClient::readOrder(std::string_view key)
{
    const Distribution &d = m_client.distribution();
    if (m_options.mode == ReplicationMode::None) {
        if (m_options.onFailure == OnFailure::Miss)
            return replicasOf(key);
        return d.successors(key, d.servers().size()); // the owner, then where auto-eject would send it
    }
    std::vector<std::size_t> order = replicasOf(key);
    const std::size_t n = order.size();
    switch (m_options.readPolicy) {
    case ReadPolicy::Primary: break;
    case ReadPolicy::RoundRobin:
        std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(m_roundRobin++ % n), order.end());
        break;
    case ReadPolicy::Hash:
        // Not the placement hash: the same key always reads the same replica,
        // and the keys of one owner spread over its replicas.
        std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(hashfn::fnv1a_32(key) % n), order.end());
        break;
    case ReadPolicy::LeastOutstanding:
        std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
            return m_books[a]->counters.outstanding < m_books[b]->counters.outstanding;
        });
        break;
    }
    // A server that has just come back is read last.
    std::stable_partition(order.begin(), order.end(), [this](std::size_t s) { return !m_books[s]->counters.warming; });
    return order;
}

// --- reads ---------------------------------------------------------------

void ReplicatedClient::get(std::string key, ReadCallback done)
{
    auto read = std::make_shared<Read>();
    read->key = std::move(key);
    read->done = std::move(done);
    read->deadline = Clock::now() + deadline(); // counts from the call
    m_client.runtime().post([this, read]() mutable { startRead(std::move(read)); });
}

void ReplicatedClient::startRead(std::shared_ptr<Read> read)
{
    if (const KeyCheck check = checkKey(read->key); !check) {
        read->result.error = {ClientErrc::InvalidKey, check.message(read->key)};
        return finishRead(read, std::move(read->result));
    }
    read->order = readOrder(read->key);
    if (m_options.mode == ReplicationMode::None && m_options.onFailure == OnFailure::Miss
        && !usable(read->order.front())) {
        read->result.unavailable = true; // its server is down: a miss, not an error
        return finishRead(read, std::move(read->result));
    }
    nextAttempt(read);
}

void ReplicatedClient::nextAttempt(const std::shared_ptr<Read> &read)
{
    while (read->next < read->order.size()) {
        const std::size_t s = read->order[read->next++];
        if (!usable(s) || !trusted(s, read->key))
            continue;
        const auto left = Clock::now();
        if (left >= read->deadline)
            break;
        // Share what is left of the deadline with the replicas still to try.
        const auto candidates = static_cast<long>(read->order.size() - read->next + 1);
        const auto budget = std::max(std::chrono::milliseconds(1),
                                     std::chrono::duration_cast<std::chrono::milliseconds>(read->deadline - left) / candidates);
        ReplicaCounters &c = m_books[s]->counters;
        ++c.reads;
        ++c.outstanding;
        read->result.tried.push_back(s);
        std::weak_ptr<bool> alive = m_alive;
        m_client.getAt(s, read->key, [this, alive, read, s](ClientError error, std::optional<Item> item) {
            if (auto a = alive.lock(); !a || !*a)
                return read->done({{ClientErrc::Cancelled, "the client is shutting down"}, {}, {}, {}, false, 0});
            ReplicaCounters &counters = m_books[s]->counters;
            --counters.outstanding;
            if (error) {
                ++counters.readErrors;
                ++read->result.failed;
                read->lastError = std::move(error);
                return nextAttempt(read);
            }
            if (item && trusted(s, read->key)) {
                ++counters.hits;
                read->result.servedBy = s;
                read->result.item = std::move(item);
                return finishRead(read, std::move(read->result));
            }
            // A miss, or a value that a write missed while this read was on its way.
            ++counters.misses;
            if (!item) {
                if (!read->answered)
                    read->result.servedBy = s;
                read->answered = true;
                read->missed.push_back(s);
            }
            // Without replication a miss is the answer; with it, another replica may hit.
            if (m_options.mode == ReplicationMode::None)
                return finishRead(read, std::move(read->result));
            nextAttempt(read);
        }, budget);
        return;
    }
    if (!read->answered && !read->result.item) {
        read->result.error = read->lastError ? read->lastError
                                             : ClientError{ClientErrc::ServerDown, "no server that keeps '" + read->key + "' is up"};
        if (read->result.tried.empty() && read->lastError.code == ClientErrc::Ok && Clock::now() >= read->deadline)
            read->result.error = {ClientErrc::Timeout, "deadline passed before a replica could be asked"};
    }
    finishRead(read, std::move(read->result));
}

void ReplicatedClient::finishRead(const std::shared_ptr<Read> &read, ReadResult result)
{
    // Read-repair (opt-in: it writes): the replicas that missed get the
    // value with `add`, which never overwrites a value a newer write put
    // there meanwhile, with the item's flags and the TTL the server that hit
    // has left (read with `mg KEY t`, no LRU bump): a copy never outlives the
    // original. A key that expires within the second, or that the server no
    // longer holds, is not copied.
    std::vector<std::size_t> targets;
    if (m_options.readRepair && result.item)
        for (const std::size_t s : read->missed)
            if (usable(s) && trusted(s, read->key))
                targets.push_back(s);
    if (!targets.empty()) {
        result.repaired = targets.size();
        std::weak_ptr<bool> alive = m_alive;
        m_client.inspect(result.servedBy, read->key,
                         [this, alive, key = read->key, item = *result.item, targets](ClientError error, Client::KeyInfo info) {
                             if (auto a = alive.lock(); !a || !*a || error || !info.found || info.ttl == 0)
                                 return;
                             const std::int64_t ttl = info.ttl < 0 ? 0 : info.ttl; // -1: it never expires
                             for (const std::size_t s : targets) {
                                 ++m_books[s]->counters.repairs;
                                 m_client.storeAt(s, encode::Store::Add, key, item.value, item.flags, ttl,
                                                  [](ClientError, Reply, const std::string &) {});
                             }
                         });
    }
    auto done = std::move(read->done);
    done(std::move(result));
}

// --- writes --------------------------------------------------------------

void ReplicatedClient::store(encode::Store command, std::string key, std::string value, std::uint32_t flags,
                             std::int64_t ttl, WriteCallback done)
{
    auto write = std::make_shared<Write>();
    write->command = command;
    write->key = std::move(key);
    write->value = std::move(value);
    write->flags = flags;
    write->ttl = ttl;
    write->done = std::move(done);
    write->timeout = deadline();
    m_client.runtime().post([this, write]() mutable { startWrite(std::move(write)); });
}

void ReplicatedClient::remove(std::string key, WriteCallback done)
{
    auto write = std::make_shared<Write>();
    write->isDelete = true;
    write->key = std::move(key);
    write->done = std::move(done);
    write->timeout = deadline();
    m_client.runtime().post([this, write]() mutable { startWrite(std::move(write)); });
}

namespace {

void finishWrite(const auto &write)
{
    write->finished = true;
    auto done = std::move(write->done);
    done(std::move(write->result));
}

} // namespace

void ReplicatedClient::startWrite(std::shared_ptr<Write> write)
{
    WriteResult &result = write->result;
    if (const KeyCheck check = checkKey(write->key); !check) {
        result.error = {ClientErrc::InvalidKey, check.message(write->key)};
        result.reply = Reply::ClientError;
        return finishWrite(write);
    }
    std::vector<std::size_t> replicas = replicasOf(write->key);
    const auto down = [&](std::size_t s) {
        return ClientError{ClientErrc::ServerDown, m_client.distribution().servers()[s].address() + " is down"};
    };
    std::vector<std::size_t> live;
    switch (m_options.mode) {
    case ReplicationMode::None:
        if (!usable(replicas.front())) {
            markDirty(replicas.front(), write->key); // its old value must not come back with it
            if (m_options.onFailure == OnFailure::Miss) {
                result.error = down(replicas.front());
                return finishWrite(write);
            }
            const auto all = m_client.distribution().successors(write->key, m_client.serverCount());
            const auto next = std::find_if(all.begin(), all.end(), [this](std::size_t s) { return usable(s); });
            if (next == all.end()) {
                result.error = {ClientErrc::ServerDown, "every server is down"};
                return finishWrite(write);
            }
            replicas = {*next};
        }
        live = replicas;
        result.needed = 1;
        break;
    case ReplicationMode::MasterSlave:
        if (!usable(replicas.front())) {
            result.error = down(replicas.front());
            result.error.message += ": master-slave writes only to the key's primary";
            return finishWrite(write);
        }
        live = {replicas.front()}; // the slaves are copied once the primary has it
        result.needed = 1;
        break;
    case ReplicationMode::Ring:
    case ReplicationMode::MultiMaster:
        for (const std::size_t s : replicas) {
            if (usable(s))
                live.push_back(s);
            else
                markDirty(s, write->key);
        }
        result.needed = m_options.mode == ReplicationMode::Ring
            ? std::max<std::size_t>(1, live.size())
            : (m_options.writeQuorum == 0 ? replicas.size() : m_options.writeQuorum);
        write->failures = replicas.size() - live.size();
        if (live.size() < result.needed) {
            result.error = {ClientErrc::ServerDown, std::to_string(live.size()) + " of the key's replicas are up, "
                                                        + std::to_string(result.needed) + " must acknowledge"};
            return finishWrite(write);
        }
        break;
    }
    result.targets = replicas;
    write->pending = live.size();
    for (const std::size_t s : live)
        sendWrite(write, s, [this, write](std::size_t, ClientError error, Reply reply, std::string text) {
            --write->pending;
            const bool ok = !error
                && (reply == Reply::Stored
                    || (write->isDelete && (reply == Reply::Deleted || reply == Reply::NotFound)));
            if (ok) {
                ++write->result.acks;
                write->anyDeleted = write->anyDeleted || reply == Reply::Deleted;
            } else {
                ++write->failures;
                if (error) {
                    write->maybeApplied = write->maybeApplied || error.code == ClientErrc::Unknown;
                    write->lastError = std::move(error);
                } else {
                    write->refusal = reply;
                    write->refusalText = std::move(text);
                }
            }
            WriteResult &r = write->result;
            if (write->finished)
                return;
            if (r.acks >= r.needed) {
                r.reply = write->isDelete ? (write->anyDeleted ? Reply::Deleted : Reply::NotFound) : Reply::Stored;
                if (m_options.mode == ReplicationMode::MasterSlave)
                    copyToSlaves(write);
                return finishWrite(write);
            }
            if (r.targets.size() - write->failures >= r.needed && write->pending > 0)
                return; // the quorum can still be reached
            if (write->refusal != Reply::Error && !write->lastError) {
                r.reply = write->refusal; // every replica answered, and said no
                r.text = write->refusalText;
            } else {
                r.error = write->lastError ? write->lastError : ClientError{ClientErrc::ServerDown, "too few replicas answered"};
                if (r.acks > 0 || write->maybeApplied)
                    r.error = {ClientErrc::Unknown, "acknowledged by " + std::to_string(r.acks) + " of the "
                                                        + std::to_string(r.needed) + " replicas needed ("
                                                        + r.error.message + ")"};
            }
            finishWrite(write);
        });
}

void ReplicatedClient::sendWrite(const std::shared_ptr<Write> &write, std::size_t server,
                                 std::function<void(std::size_t, ClientError, Reply, std::string)> answered)
{
    ++m_books[server]->counters.outstanding;
    std::weak_ptr<bool> alive = m_alive;
    auto reply = [this, alive, write, server, answered = std::move(answered)](ClientError error, Reply r,
                                                                             const std::string &text) {
        if (auto a = alive.lock(); !a || !*a)
            return;
        ReplicaCounters &c = m_books[server]->counters;
        --c.outstanding;
        ++c.writes;
        if (write->isDelete && c.resyncing)
            m_books[server]->resyncDeletes.insert(write->key);
        const bool applied = !error
            && (r == Reply::Stored || r == Reply::Deleted || r == Reply::NotFound);
        if (applied)
            m_books[server]->dirty.erase(write->key); // it holds the newest now
        else if (error || write->command == encode::Store::Set) {
            // No reply, or a set it refused (out of memory…): its copy may be old.
            ++c.writeErrors;
            markDirty(server, write->key);
        }
        if (answered)
            answered(server, std::move(error), r, text);
    };
    if (write->isDelete)
        m_client.removeAt(server, write->key, std::move(reply), write->timeout);
    else
        m_client.storeAt(server, write->command, write->key, write->value, write->flags, write->ttl, std::move(reply),
                         write->timeout);
}

void ReplicatedClient::copyToSlaves(const std::shared_ptr<Write> &write)
{
    for (std::size_t i = 1; i < write->result.targets.size(); ++i) {
        const std::size_t s = write->result.targets[i];
        if (usable(s))
            sendWrite(write, s, {});
        else
            markDirty(s, write->key);
    }
}

// --- servers that come back -------------------------------------------------

void ReplicatedClient::markDirty(std::size_t server, const std::string &key)
{
    ServerBook &book = *m_books[server];
    if (book.counters.untrusted)
        return;
    if (book.dirty.size() >= m_options.maxTrackedKeys && !book.dirty.contains(key)) {
        book.counters.untrusted = true;
        book.dirty.clear();
        notify(server, ReplicaEvent::Kind::Untrusted, 0,
             "missed more than " + std::to_string(m_options.maxTrackedKeys) + " writes: no longer read from");
        return;
    }
    book.dirty[key] = ++m_epoch;
    if (m_client.stateAt(server) == ServerState::Up)
        invalidate(server); // it is answering: delete its copy now
}

void ReplicatedClient::onHealth(const HealthEvent &event)
{
    if (event.server >= m_books.size())
        return;
    ServerBook &book = *m_books[event.server];
    if (event.to == ServerState::Down) {
        book.warmTimer.cancel();
        book.counters.warming = false;
        return;
    }
    if (event.to != ServerState::Up)
        return;
    if (event.from == ServerState::Down && !book.counters.untrusted) {
        book.counters.warming = true;
        book.cameBack = Clock::now();
        notify(event.server, ReplicaEvent::Kind::Warming, book.dirty.size(),
             std::to_string(book.dirty.size()) + " keys to invalidate");
        book.resyncPending = m_options.resyncOnRejoin && m_options.mode != ReplicationMode::None;
    }
    invalidate(event.server);
}

void ReplicatedClient::invalidate(std::size_t server)
{
    ServerBook &book = *m_books[server];
    if (book.invalidating)
        return;
    if (book.dirty.empty()) {
        if (book.resyncPending) {
            book.resyncPending = false;
            return resync(server);
        }
        return maybeWarm(server);
    }
    // Pipelined deletes, a window at a time.
    constexpr std::size_t kWindow = 64;
    std::vector<std::pair<std::string, std::uint64_t>> batch;
    for (const auto &[key, epoch] : book.dirty) {
        batch.emplace_back(key, epoch);
        if (batch.size() == kWindow)
            break;
    }
    book.invalidating = true;
    struct Round {
        std::size_t pending = 0;
        bool failed = false;
    };
    auto round = std::make_shared<Round>();
    round->pending = batch.size();
    std::weak_ptr<bool> alive = m_alive;
    for (auto &[key, epoch] : batch)
        m_client.removeAt(server, key, [this, alive, server, round, key, epoch](ClientError error, Reply reply, const std::string &) {
            if (auto a = alive.lock(); !a || !*a)
                return;
            ServerBook &b = *m_books[server];
            if (!error && (reply == Reply::Deleted || reply == Reply::NotFound)) {
                // Unless another write missed it meanwhile.
                if (auto it = b.dirty.find(key); it != b.dirty.end() && it->second == epoch) {
                    b.dirty.erase(it);
                    ++b.counters.invalidations;
                    ++b.invalidatedRound;
                }
            } else {
                round->failed = true;
            }
            if (--round->pending > 0)
                return;
            b.invalidating = false;
            if (round->failed)
                return; // it failed again: the next time it answers, go on
            if (b.dirty.empty() && b.invalidatedRound > 0) {
                notify(server, ReplicaEvent::Kind::Invalidated, b.invalidatedRound,
                     std::to_string(b.invalidatedRound) + " keys written or deleted while it was away, deleted on it");
                b.invalidatedRound = 0;
            }
            invalidate(server);
        }, deadline());
}

void ReplicatedClient::maybeWarm(std::size_t server)
{
    ServerBook &book = *m_books[server];
    if (!book.counters.warming || book.invalidating || book.counters.resyncing || book.resyncPending
        || !book.dirty.empty())
        return;
    startWarmTimer(server);
}

void ReplicatedClient::startWarmTimer(std::size_t server)
{
    ServerBook &book = *m_books[server];
    book.warmTimer.expires_at(book.cameBack + m_options.warmFor);
    std::weak_ptr<bool> alive = m_alive;
    book.warmTimer.async_wait([this, alive, server](std::error_code ec) {
        auto a = alive.lock();
        if (ec || !a || !*a)
            return;
        ServerBook &b = *m_books[server];
        if (!b.dirty.empty() || !b.counters.warming || b.invalidating || b.counters.resyncing || b.resyncPending)
            return;
        b.counters.warming = false;
        notify(server, ReplicaEvent::Kind::Warm, 0, "warm again: read like the others");
    });
}

void ReplicatedClient::resync(std::size_t server)
{
    ServerBook &book = *m_books[server];
    if (book.counters.resyncing)
        return;
    book.counters.resyncing = true;
    book.resyncDeletes.clear();
    KeyEnumerator::Options options;
    options.cap = m_options.resyncCap;
    std::weak_ptr<bool> alive = m_alive;
    auto gone = [alive] {
        auto a = alive.lock();
        return !a || !*a;
    };
    KeyEnumerator::enumerate(m_client, options, [this, alive, server, gone](std::vector<ServerKeys> held) {
        if (gone())
            return;
        // Every key another replica holds (and is trusted for) whose replica
        // set includes the returning server, once.
        std::unordered_set<std::string> seen;
        std::vector<KeyCopy> copies;
        for (const auto &from : held) {
            if (from.server == server || from.error)
                continue;
            for (const auto &key : from.keys) {
                const auto replicas = replicasOf(key);
                const auto has = [&](std::size_t s) { return std::find(replicas.begin(), replicas.end(), s) != replicas.end(); };
                if (has(server) && has(from.server) && trusted(from.server, key) && seen.insert(key).second)
                    copies.push_back({key, from.server, server});
            }
        }
        KeyCopier::run(
            m_client, std::move(copies), 64, {},
            [this, alive, server, gone](CopyReport r) {
                if (gone())
                    return;
                ServerBook &b = *m_books[server];
                b.counters.resyncing = false;
                b.resyncDeletes.clear();
                b.counters.resynced += r.copied;
                notify(server, ReplicaEvent::Kind::Resynced, r.copied,
                     std::to_string(r.copied) + " keys copied back from the other replicas"
                         + (r.failed ? ", " + std::to_string(r.failed) + " failed" : std::string()));
                maybeWarm(server);
            },
            [this, alive, server, gone](const KeyCopy &c) {
                if (gone())
                    return;
                // Deleted while its copy was on the way: delete it again.
                if (m_books[server]->resyncDeletes.contains(c.key))
                    m_client.removeAt(server, c.key, [](ClientError, Reply, const std::string &) {});
            },
            gone);
    });
}

void ReplicatedClient::notify(std::size_t server, ReplicaEvent::Kind kind, std::size_t keys, std::string text)
{
    if (m_onEvent)
        m_onEvent({std::chrono::system_clock::now(), server, kind, keys, std::move(text)});
}

void ReplicatedClient::setEventHandler(std::function<void(const ReplicaEvent &)> handler)
{
    m_client.runtime().call([this, &handler] { m_onEvent = std::move(handler); });
}

std::vector<ReplicaCounters> ReplicatedClient::counters()
{
    return m_client.runtime().call([this] {
        std::vector<ReplicaCounters> out;
        for (const auto &book : m_books) {
            out.push_back(book->counters);
            out.back().dirtyKeys = book->dirty.size();
        }
        return out;
    });
}

// --- blocking helpers --------------------------------------------------------

ReadResult ReplicatedClient::getSync(const std::string &key)
{
    Handoff<ReadResult> p;
    get(key, [&p](ReadResult r) { p.set(std::move(r)); });
    return p.take();
}

WriteResult ReplicatedClient::storeSync(encode::Store command, const std::string &key, const std::string &value,
                                        std::uint32_t flags, std::int64_t ttl)
{
    Handoff<WriteResult> p;
    store(command, key, value, flags, ttl, [&p](WriteResult r) { p.set(std::move(r)); });
    return p.take();
}

WriteResult ReplicatedClient::removeSync(const std::string &key)
{
    Handoff<WriteResult> p;
    remove(key, [&p](WriteResult r) { p.set(std::move(r)); });
    return p.take();
}

} // namespace ringscope::core
