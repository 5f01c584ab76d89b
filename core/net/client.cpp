#include "core/net/client.h"

#include "core/protocol/keyvalidation.h"
#include "core/net/recyclingallocator.h"

#include <algorithm>
#include <charconv>

namespace ringscope::core {
namespace {

ClientError keyError(std::string_view key)
{
    const KeyCheck check = checkKey(key);
    return check ? ClientError{} : ClientError{ClientErrc::InvalidKey, check.message(key)};
}

void failReply(Client::ReplyCallback &done, ClientError e)
{
    std::string message = e.message;
    done(std::move(e), Reply::ClientError, std::move(message));
}

// A get of one key: the key it must be answered for and the caller's
// callback ride in the request itself (no wrapper callbacks to allocate).
struct GetRequest final : PendingRequest {
    std::string key;
    Client::ItemCallback callback;

    std::string check(const Response &response) override
    {
        for (const auto &item : response.items)
            if (item.key != key)
                return "VALUE for '" + item.key + "' in the reply to a get of another key";
        return response.items.size() > 1 ? std::string("several VALUEs for one key") : std::string();
    }

protected:
    void finish(Outcome &&o) override
    {
        const auto cb = std::move(callback);
        if (o.error)
            return cb(std::move(o.error), std::nullopt);
        if (o.response.isError())
            return cb({ClientErrc::Protocol, errorText(o.response)}, std::nullopt);
        if (o.response.items.empty())
            return cb({}, std::nullopt);
        cb({}, std::move(o.response.items.front()));
    }
};

// A write answered by one line (STORED, DELETED, TOUCHED, NOT_FOUND…).
struct ReplyRequest final : PendingRequest {
    Client::ReplyCallback callback;

protected:
    void finish(Outcome &&o) override
    {
        const auto cb = std::move(callback);
        cb(std::move(o.error), o.response.reply, std::move(o.response.text));
    }
};

// A multi-get's keys, errors and items, shared by its requests (one per
// server and per 100 keys); the last to finish calls back.
struct ManyBatch {
    std::vector<std::string> keys;
    std::vector<ClientError> errors;
    std::vector<std::optional<Item>> items;
    std::size_t remaining = 0;
    Client::ItemsCallback done;
};

// One server's part of a multi-get: its keys (indexes into the batch) and,
// once its reply has been checked, the key each VALUE answers.
struct ManyRequest final : PendingRequest {
    std::shared_ptr<ManyBatch> batch;
    std::vector<std::size_t> indexes;
    std::vector<std::size_t> slots;

    // memcached answers a multi-get in the order asked, skipping misses:
    // walking both lists together places every VALUE and catches one that
    // was not asked for, in linear time. It runs once, on the I/O thread
    // before finish(), and leaves the places in `slots`.
    std::string check(const Response &response) override
    {
        slots.clear();
        slots.reserve(response.items.size());
        std::size_t at = 0;
        for (const auto &item : response.items) {
            while (at < indexes.size() && batch->keys[indexes[at]] != item.key)
                ++at;
            if (at == indexes.size())
                return "VALUE for '" + item.key + "', a key not asked for (or out of order)";
            slots.push_back(indexes[at++]);
        }
        return {};
    }

protected:
    void finish(Outcome &&o) override
    {
        for (const auto i : indexes)
            if (o.error)
                batch->errors[i] = o.error;
            else if (o.response.isError())
                batch->errors[i] = {ClientErrc::Protocol, errorText(o.response)};
        if (!o.error && slots.size() == o.response.items.size())
            for (std::size_t k = 0; k < slots.size(); ++k)
                batch->items[slots[k]] = std::move(o.response.items[k]);
        if (--batch->remaining == 0) {
            const auto all = std::move(batch); // the batch may hold the last reference to what calls back
            all->done(std::move(all->errors), std::move(all->items));
        }
    }
};

} // namespace

Client::Client(IoRuntime &runtime, std::unique_ptr<Distribution> distribution, ClientOptions options)
    : Client(runtime, distribution->servers(), options, std::move(distribution))
{
}

Client::Client(IoRuntime &runtime, ServerList servers, ClientOptions options)
    : Client(runtime, std::move(servers), options, nullptr)
{
}

Client::Client(IoRuntime &runtime, ServerList servers, ClientOptions options, std::unique_ptr<Distribution> &&distribution)
    : m_runtime(runtime)
    , m_distribution(std::move(distribution))
    , m_servers(std::move(servers))
    , m_options(options)
    , m_observers(std::make_shared<Observers>())
{
    std::weak_ptr<Observers> observers = m_observers;
    for (std::size_t i = 0; i < m_servers.size(); ++i)
        m_pools.push_back(std::make_shared<ServerPool>(m_runtime.context(), i, m_servers[i],
                                                       m_options.pool, [observers](const HealthEvent &e) {
                                                           auto o = observers.lock();
                                                           if (!o)
                                                               return;
                                                           // A handler may add or remove handlers.
                                                           const auto handlers = o->handlers;
                                                           for (const auto &[id, h] : handlers)
                                                               h(e);
                                                       }));
}

Client::~Client()
{
    // The pools live on the I/O thread; shut them down there and wait.
    m_runtime.call([this] {
        for (auto &p : m_pools)
            p->shutdown();
    });
    // Failures that handlers posted meanwhile (a request to a server marked
    // down fails from the loop, not inside submit) reach their callbacks
    // before this returns, as the rest of this client's callbacks do.
    m_runtime.call([] {});
}

std::size_t Client::addEventHandler(EventHandler handler)
{
    return m_runtime.call([this, &handler] {
        const std::size_t id = m_observers->nextId++;
        m_observers->handlers.emplace_back(id, std::move(handler));
        return id;
    });
}

void Client::removeEventHandler(std::size_t id)
{
    m_runtime.call([this, id] { std::erase_if(m_observers->handlers, [id](const auto &h) { return h.first == id; }); });
}

void Client::probeSoon(std::size_t server)
{
    if (server >= m_pools.size())
        return;
    m_runtime.post([pool = m_pools[server]] { pool->probeSoon(); });
}

std::vector<ServerState> Client::states()
{
    return m_runtime.call([this] {
        std::vector<ServerState> s;
        for (const auto &p : m_pools)
            s.push_back(p->state());
        return s;
    });
}

template <typename Request>
std::shared_ptr<Request> Client::makeRequest(std::string bytes, Expect expect, bool write,
                                             std::chrono::milliseconds timeout)
{
    auto r = std::allocate_shared<Request>(RecyclingAllocator<Request>());
    r->bytes = std::move(bytes);
    r->expect = expect;
    r->write = write;
    r->timeout = timeout.count() > 0 ? timeout : m_options.pool.requestTimeout;
    r->deadline = Clock::now() + queueBound(r->timeout);
    return r;
}

ClientError Client::placeError(std::string_view key) const
{
    if (!m_distribution && m_pools.size() != 1)
        return ClientError{ClientErrc::InvalidKey, "this client places no keys (it sends to a named server only)"};
    return keyError(key);
}

std::size_t Client::serverFor(std::string_view key) const
{
    // One server: no need to hash (libmemcached and twemproxy skip it too).
    return m_pools.size() == 1 ? 0 : m_distribution->owner(key);
}

void Client::dispatch(std::size_t server, RequestPtr request)
{
    // The deadline counts from the call, not from when the I/O thread gets to it.
    if (m_runtime.inWorkerThread())
        m_pools[server]->submit(std::move(request));
    else
        m_runtime.post([pool = m_pools[server], request = std::move(request)]() mutable { pool->submit(std::move(request)); });
}

template <typename Encode>
void Client::encodeAndDispatch(std::size_t server, RequestPtr request, Encode &&encode)
{
    if (!m_runtime.inWorkerThread()) {
        encode(request->bytes); // the request carries its bytes to the I/O thread
        return dispatch(server, std::move(request));
    }
    // On the I/O thread: encoded into one buffer used again and again, which
    // the connection copies from at once (no allocation per request).
    m_scratch.clear();
    encode(m_scratch);
    m_pools[server]->submit(std::move(request), m_scratch);
    constexpr std::size_t kKeptRoom = 1 << 20; // one huge value need not keep its room
    if (m_scratch.capacity() > kKeptRoom)
        std::string().swap(m_scratch);
}

template <typename Callback, typename Deliver>
bool Client::rejectKey(std::string_view key, Callback &done, Deliver deliver, std::size_t server)
{
    auto e = server == kOwner ? placeError(key) : keyError(key);
    if (!e)
        return false;
    // The callback moves only on this path: a valid key costs no copy of it.
    m_runtime.post([done = std::move(done), deliver, e = std::move(e)]() mutable { deliver(done, std::move(e)); });
    return true;
}

void Client::getAt(std::size_t server, std::string key, ItemCallback done, Timeout timeout)
{
    if (rejectKey(key, done, [](ItemCallback &cb, ClientError e) { cb(std::move(e), std::nullopt); }, server))
        return;
    auto r = makeRequest<GetRequest>({}, Expect::Retrieval, false, timeout);
    r->expectedItems = 1;
    const std::size_t to = target(server, key);
    r->key = std::move(key);
    r->callback = std::move(done);
    const std::string_view keys[] = {r->key};
    encodeAndDispatch(to, std::move(r), [&keys](std::string &out) { encode::get(out, keys); });
}

void Client::storeAt(std::size_t server, encode::Store command, std::string_view key, std::string_view value,
                     std::uint32_t flags, std::int64_t ttl, ReplyCallback done, Timeout timeout)
{
    if (rejectKey(key, done, failReply, server))
        return;
    auto r = makeRequest<ReplyRequest>({}, Expect::Storage, true, timeout);
    r->callback = std::move(done);
    encodeAndDispatch(target(server, key), std::move(r),
                      [&](std::string &out) { encode::store(out, command, key, flags, ttl, value); });
}

void Client::storeNoReply(encode::Store command, std::string_view key, std::string_view value,
                          std::uint32_t flags, std::int64_t ttl, std::function<void(ClientError)> written)
{
    if (rejectKey(key, written, [](std::function<void(ClientError)> &cb, ClientError e) { cb(std::move(e)); }))
        return;
    const auto &pool = m_pools[serverFor(key)];
    if (m_runtime.inWorkerThread()) {
        // No request object at all: the bytes and the callback.
        m_scratch.clear();
        encode::store(m_scratch, command, key, flags, ttl, value, 0, true);
        pool->submitNoReply(m_scratch, std::move(written));
        return;
    }
    std::string bytes;
    encode::store(bytes, command, key, flags, ttl, value, 0, true);
    m_runtime.post([pool, bytes = std::move(bytes), written = std::move(written)]() mutable {
        pool->submitNoReply(bytes, std::move(written));
    });
}

void Client::removeAt(std::size_t server, std::string key, ReplyCallback done, Timeout timeout)
{
    if (rejectKey(key, done, failReply, server))
        return;
    auto r = makeRequest<ReplyRequest>({}, Expect::Delete, true, timeout);
    r->callback = std::move(done);
    encodeAndDispatch(target(server, key), std::move(r), [&key](std::string &out) { encode::remove(out, key); });
}

void Client::touch(std::string key, std::int64_t ttl, ReplyCallback done)
{
    if (rejectKey(key, done, failReply))
        return;
    auto r = makeRequest<ReplyRequest>({}, Expect::Touch, true);
    r->callback = std::move(done);
    encodeAndDispatch(serverFor(key), std::move(r), [&key, ttl](std::string &out) { encode::touch(out, key, ttl); });
}

void Client::getMany(std::vector<std::string> keys, ItemsCallback done)
{
    auto batch = std::make_shared<ManyBatch>();
    batch->keys = std::move(keys);
    batch->errors.resize(batch->keys.size());
    batch->items.resize(batch->keys.size());
    batch->done = std::move(done);
    std::vector<std::vector<std::size_t>> byServer(m_pools.size());
    for (std::size_t i = 0; i < batch->keys.size(); ++i) {
        if (auto e = placeError(batch->keys[i]))
            batch->errors[i] = e;
        else
            byServer[serverFor(batch->keys[i])].push_back(i);
    }
    constexpr std::size_t kPerRequest = 100;
    std::vector<std::pair<std::size_t, std::shared_ptr<ManyRequest>>> parts;
    std::vector<std::string_view> views;
    for (std::size_t server = 0; server < byServer.size(); ++server) {
        const auto &indexes = byServer[server];
        for (std::size_t start = 0; start < indexes.size(); start += kPerRequest) {
            const auto first = indexes.begin() + static_cast<std::ptrdiff_t>(start);
            const auto last = indexes.begin() + static_cast<std::ptrdiff_t>(std::min(indexes.size(), start + kPerRequest));
            views.clear();
            for (auto i = first; i != last; ++i)
                views.emplace_back(batch->keys[*i]);
            std::string bytes;
            encode::get(bytes, views);
            auto r = makeRequest<ManyRequest>(std::move(bytes), Expect::Retrieval, false);
            r->expectedItems = views.size();
            r->batch = batch;
            r->indexes.assign(first, last);
            parts.emplace_back(server, std::move(r));
        }
    }
    batch->remaining = parts.size();
    if (parts.empty()) {
        m_runtime.post([batch] { batch->done(std::move(batch->errors), std::move(batch->items)); });
        return;
    }
    for (auto &[server, r] : parts)
        dispatch(server, std::move(r));
}

void Client::send(std::size_t server, std::string bytes, Expect expect, bool write, OutcomeCallback done,
                  std::function<void(const Response &)> onEntry, std::chrono::milliseconds timeout,
                  StreamLimits limits)
{
    auto r = makeRequest(std::move(bytes), expect, write, timeout);
    r->done = std::move(done);
    r->onEntry = std::move(onEntry);
    if (r->onEntry) {
        r->idle = timeout.count() > 0 ? timeout : m_options.pool.requestTimeout;
        r->until = limits.until;
        r->deadline = std::min(r->deadline, limits.until);
        r->maxEntries = limits.maxEntries;
    }
    dispatch(server, std::move(r));
}

void Client::inspect(std::size_t server, std::string key, KeyInfoCallback done)
{
    const KeyCheck check = checkKey(key);
    const bool binary = !check && (check.problem == KeyProblem::Whitespace || check.problem == KeyProblem::Control);
    const std::string wireKey = binary ? base64Encode(key) : key;
    if ((!check && !binary) || wireKey.size() > kMaxKeyLength || key.empty()) {
        const ClientError e{ClientErrc::InvalidKey, check ? "key too long once base64-encoded" : check.message(key)};
        m_runtime.post([done = std::move(done), e] { done(e, {}); });
        return;
    }
    // An opaque token echoed back ties the reply to this request.
    const std::string token = std::to_string(++m_opaque);
    std::string bytes;
    encode::metaGet(bytes, wireKey, "s t f h l u O" + token, binary);
    auto r = makeRequest(std::move(bytes), Expect::Meta, false);
    r->validate = [token](const Response &response) {
        if (response.reply == Reply::MetaMiss)
            return std::string(); // EN carries no flags
        std::string_view flags = response.text;
        while (!flags.empty()) {
            const auto space = flags.find(' ');
            const std::string_view f = flags.substr(0, space);
            if (!f.empty() && f.front() == 'O')
                return f.substr(1) == token ? std::string() : "opaque " + std::string(f.substr(1)) + ", expected " + token;
            flags = space == std::string_view::npos ? std::string_view{} : flags.substr(space + 1);
        }
        return response.isError() ? std::string() : std::string("no opaque token in the reply");
    };
    r->done = [done = std::move(done)](Outcome o) {
        KeyInfo info;
        if (o.error)
            return done(o.error, info);
        if (o.response.isError())
            return done({ClientErrc::Protocol, errorText(o.response)}, info);
        if (o.response.reply != Reply::MetaHit)
            return done({}, info);
        info.found = true;
        std::string_view flags = o.response.text;
        while (!flags.empty()) {
            const auto space = flags.find(' ');
            const std::string_view f = flags.substr(0, space);
            flags = space == std::string_view::npos ? std::string_view{} : flags.substr(space + 1);
            if (f.size() < 2)
                continue;
            const std::string_view v = f.substr(1);
            auto num = [&](auto &out) { std::from_chars(v.data(), v.data() + v.size(), out); };
            switch (f.front()) {
            case 's': num(info.size); break;
            case 't': num(info.ttl); break;
            case 'f': num(info.flags); break;
            case 'h': info.hitBefore = v == "1"; break;
            case 'l': num(info.idleSeconds); break;
            default: break;
            }
        }
        done({}, info);
    };
    dispatch(server, std::move(r));
}

std::pair<ClientError, Client::KeyInfo> Client::inspectSync(std::size_t server, const std::string &key)
{
    Handoff<std::pair<ClientError, KeyInfo>> p;
    inspect(server, key, [&p](ClientError e, KeyInfo info) { p.set({std::move(e), info}); });
    return p.take();
}

std::pair<ClientError, std::optional<Item>> Client::getSync(const std::string &key)
{
    Handoff<std::pair<ClientError, std::optional<Item>>> p;
    get(key, [&p](ClientError e, std::optional<Item> item) { p.set({std::move(e), std::move(item)}); });
    return p.take();
}

ReplyResult Client::storeSync(encode::Store command, const std::string &key, const std::string &value,
                              std::uint32_t flags, std::int64_t ttl)
{
    Handoff<ReplyResult> p;
    store(command, key, value, flags, ttl,
          [&p](ClientError e, Reply r, const std::string &text) { p.set({std::move(e), r, text}); });
    return p.take();
}

ReplyResult Client::removeSync(const std::string &key)
{
    Handoff<ReplyResult> p;
    remove(key, [&p](ClientError e, Reply r, const std::string &text) { p.set({std::move(e), r, text}); });
    return p.take();
}

ReplyResult Client::touchSync(const std::string &key, std::int64_t ttl)
{
    Handoff<ReplyResult> p;
    touch(key, ttl, [&p](ClientError e, Reply r, const std::string &text) { p.set({std::move(e), r, text}); });
    return p.take();
}

Outcome Client::sendSync(std::size_t server, std::string bytes, Expect expect, bool write)
{
    Handoff<Outcome> p;
    send(server, std::move(bytes), expect, write, [&p](Outcome o) { p.set(std::move(o)); });
    return p.take();
}

} // namespace ringscope::core
