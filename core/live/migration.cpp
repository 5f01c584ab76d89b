#include "core/live/migration.h"

#include "core/net/handoff.h"
#include "core/live/keycopier.h"

#include <algorithm>
#include <charconv>
#include <future>
#include <map>
#include <memory>

namespace ringscope::core {
namespace {

constexpr std::size_t kMaxErrors = 10;

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
    const auto oldAt = indexIn(before, all);
    const auto newAt = indexIn(after, all);
    KeyEnumerator::enumerate(client, options.enumeration, [&client, options, progress = std::move(progress),
                                                           done = std::move(done), oldAt, newAt, &before,
                                                           &after](std::vector<ServerKeys> held) mutable {
        MigrationReport report;
        std::vector<KeyCopy> copies;
        for (const auto &server : held) {
            if (server.error && report.errors.size() < kMaxErrors)
                report.errors.push_back(server.error.message);
            report.sampled = report.sampled || server.sampled;
            for (const auto &key : server.keys) {
                const std::size_t from = oldAt[before.owner(key)];
                if (from != server.server)
                    continue; // a stray copy: not where the old clients read it
                ++report.enumerated;
                const std::size_t to = newAt[after.owner(key)];
                if (to != from)
                    copies.push_back({key, from, to});
            }
        }
        report.moving = copies.size();
        if (progress)
            progress(report);
        auto withCopy = [report](const CopyReport &c) {
            MigrationReport r = report;
            static_cast<CopyReport &>(r) = c;
            r.errors.insert(r.errors.begin(), report.errors.begin(), report.errors.end());
            return r;
        };
        KeyCopier::run(
            client, std::move(copies), options.window,
            [progress, withCopy](const CopyReport &c) {
                if (progress)
                    progress(withCopy(c));
            },
            [done = std::move(done), withCopy](CopyReport c) { done(withCopy(c)); });
    });
}

MigrationReport Migration::runSync(Client &client, const Distribution &before, const Distribution &after,
                                   Options options, Progress progress)
{
    Handoff<MigrationReport> p;
    run(client, before, after, options, std::move(progress), [&p](MigrationReport r) { p.set(std::move(r)); });
    return p.take();
}

} // namespace ringscope::core
