#include "migration.h"

#include "../protocol/keyvalidation.h"
#include "../protocol/requestencoder.h"

#include <algorithm>
#include <charconv>
#include <future>
#include <map>
#include <memory>

namespace ringscope::core {
namespace {

constexpr std::size_t kMaxErrors = 10;

struct Copy {
    std::string key;
    std::size_t from, to; // union indexes
};

// Where each server of `d` sits in the union list.
std::vector<std::size_t> indexIn(const Distribution &d, const ServerList &all)
{
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < all.size(); ++i)
        at.emplace(all[i].address(), i);
    std::vector<std::size_t> map;
    for (const auto &s : d.servers())
        map.push_back(at.at(s.address()));
    return map;
}

// The value of the meta flag `name` in "f12 t-1 …", if present.
std::optional<std::int64_t> metaFlag(std::string_view flags, char name)
{
    while (!flags.empty()) {
        const auto space = flags.find(' ');
        const std::string_view f = flags.substr(0, space);
        flags = space == std::string_view::npos ? std::string_view{} : flags.substr(space + 1);
        if (f.size() >= 2 && f.front() == name) {
            std::int64_t v = 0;
            if (std::from_chars(f.data() + 1, f.data() + f.size(), v).ec == std::errc{})
                return v;
        }
    }
    return std::nullopt;
}

// Drives the copies, `window` at a time, on the I/O thread.
struct Run : std::enable_shared_from_this<Run> {
    Client &client;
    std::vector<Copy> copies;
    std::size_t next = 0, inFlight = 0;
    std::size_t window;
    MigrationReport report;
    Migration::Progress progress;
    Migration::Done done;

    Run(Client &c, std::size_t w) : client(c), window(std::max<std::size_t>(1, w)) {}

    void problem(std::string text)
    {
        ++report.failed;
        if (report.errors.size() < kMaxErrors)
            report.errors.push_back(std::move(text));
    }

    void pump()
    {
        while (inFlight < window && next < copies.size())
            start(copies[next++]);
        if (inFlight == 0 && next == copies.size() && done) {
            auto d = std::move(done);
            d(std::move(report));
        }
    }

    void finished()
    {
        --inFlight;
        if (progress && report.done() % 1000 == 0)
            progress(report);
        pump();
    }

    void start(const Copy &c)
    {
        ++inFlight;
        if (const KeyCheck check = checkKey(c.key); !check) {
            problem(c.key + ": " + check.message(c.key) + " (copy it with a client that speaks the meta protocol)");
            return asio::post(client.runtime().context(), [self = shared_from_this()] { self->finished(); });
        }
        std::string bytes;
        encode::metaGet(bytes, c.key, "v f t");
        client.send(c.from, std::move(bytes), Expect::Meta, false, [self = shared_from_this(), c](Outcome o) {
            self->copy(c, std::move(o));
        });
    }

    void copy(const Copy &c, Outcome o)
    {
        if (o.error || o.response.isError()) {
            problem(c.key + ": reading it: " + (o.error ? o.error.message : o.response.text));
            return finished();
        }
        if (o.response.reply != Reply::MetaValue || o.response.items.empty()) {
            ++report.gone;
            return finished();
        }
        const auto flags = metaFlag(o.response.text, 'f').value_or(0);
        // t-1: never expires; otherwise the seconds it has left (at least one).
        const auto ttl = metaFlag(o.response.text, 't').value_or(-1);
        client.storeAt(c.to, encode::Store::Add, c.key, std::move(o.response.items.front().value),
                       static_cast<std::uint32_t>(flags), ttl < 0 ? 0 : std::max<std::int64_t>(ttl, 1),
                       [self = shared_from_this(), key = c.key](ClientError e, Reply r, const std::string &text) {
                           if (e)
                               self->problem(key + ": writing it: " + e.message);
                           else if (r == Reply::Stored)
                               ++self->report.copied;
                           else if (r == Reply::NotStored)
                               ++self->report.alreadyThere;
                           else
                               self->problem(key + ": writing it: " + std::string(replyName(r)) + " " + text);
                           self->finished();
                       });
    }
};

} // namespace

ServerList Migration::unionOf(const ServerList &before, const ServerList &after)
{
    ServerList all = before;
    for (const auto &s : after)
        if (std::none_of(all.begin(), all.end(), [&](const Server &t) { return t.address() == s.address(); }))
            all.push_back(s);
    return all;
}

void Migration::run(Client &client, const Distribution &before, const Distribution &after, Options options,
                    Progress progress, Done done)
{
    const ServerList &all = client.distribution().servers();
    auto run = std::make_shared<Run>(client, options.window);
    run->progress = std::move(progress);
    run->done = std::move(done);
    const auto oldAt = indexIn(before, all);
    const auto newAt = indexIn(after, all);
    KeyEnumerator::enumerate(client, options.enumeration, [run, oldAt, newAt, &before, &after](std::vector<ServerKeys> held) {
        for (const auto &server : held) {
            if (server.error && run->report.errors.size() < kMaxErrors)
                run->report.errors.push_back(server.error.message);
            run->report.sampled = run->report.sampled || server.sampled;
            for (const auto &key : server.keys) {
                const std::size_t from = oldAt[before.owner(key)];
                if (from != server.server)
                    continue; // a stray copy: not where the old clients read it
                ++run->report.enumerated;
                const std::size_t to = newAt[after.owner(key)];
                if (to != from)
                    run->copies.push_back({key, from, to});
            }
        }
        run->report.moving = run->copies.size();
        if (run->progress)
            run->progress(run->report);
        run->pump();
    });
}

MigrationReport Migration::runSync(Client &client, const Distribution &before, const Distribution &after,
                                   Options options, Progress progress)
{
    std::promise<MigrationReport> p;
    run(client, before, after, options, std::move(progress), [&p](MigrationReport r) { p.set_value(std::move(r)); });
    return p.get_future().get();
}

} // namespace ringscope::core
