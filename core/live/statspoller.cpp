#include "core/live/statspoller.h"

#include "core/net/handoff.h"
#include "core/protocol/requestencoder.h"

#include <charconv>
#include <future>

namespace ringscope::core {
namespace {

std::uint64_t counter(const std::map<std::string, std::string> &raw, const char *name)
{
    const auto it = raw.find(name);
    std::uint64_t v = 0;
    if (it != raw.end())
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    return v;
}

} // namespace

StatsPoller::StatsPoller(Client &client, std::chrono::milliseconds interval, Handler handler)
    : m_client(client)
    , m_interval(interval)
    , m_handler(std::move(handler))
    , m_timer(client.runtime().context())
{
}

void StatsPoller::start()
{
    m_client.runtime().post([self = shared_from_this()] { self->round(); });
}

void StatsPoller::stop()
{
    m_stopped = true;
    m_client.runtime().call([self = shared_from_this()] { self->m_timer.cancel(); });
}

void StatsPoller::round()
{
    if (m_stopped)
        return;
    poll(m_client, {}, [self = shared_from_this()](std::vector<ServerStats> stats) {
        if (self->m_stopped)
            return;
        for (auto &s : stats)
            if (s.server < self->m_previous.size() && !s.error && !self->m_previous[s.server].error)
                computeRates(s, self->m_previous[s.server]);
        self->m_handler(stats);
        self->m_previous = std::move(stats);
        self->m_timer.expires_after(self->m_interval);
        self->m_timer.async_wait([self](const asio::error_code &ec) {
            if (!ec)
                self->round();
        });
    });
}

void StatsPoller::computeRates(ServerStats &now, const ServerStats &before)
{
    const double seconds = std::chrono::duration<double>(now.when - before.when).count();
    if (seconds <= 0)
        return;
    auto delta = [&](const char *name) {
        const std::uint64_t a = counter(before.raw, name), b = counter(now.raw, name);
        return b >= a ? static_cast<double>(b - a) : 0.0; // a restart resets counters
    };
    now.getsPerSecond = delta("cmd_get") / seconds;
    now.setsPerSecond = delta("cmd_set") / seconds;
    now.evictionsPerSecond = delta("evictions") / seconds;
    const double hits = delta("get_hits"), misses = delta("get_misses");
    if (hits + misses > 0)
        now.hitRatio = hits / (hits + misses);
}

void StatsPoller::poll(Client &client, std::string_view group, std::function<void(std::vector<ServerStats>)> done)
{
    struct State {
        std::vector<ServerStats> result;
        std::size_t remaining;
        std::function<void(std::vector<ServerStats>)> done;
    };
    const auto &servers = client.servers();
    auto state = std::make_shared<State>();
    state->result.resize(servers.size());
    state->remaining = servers.size();
    state->done = std::move(done);
    if (servers.empty()) {
        client.runtime().post([state] { state->done({}); });
        return;
    }
    for (std::size_t i = 0; i < servers.size(); ++i) {
        state->result[i].server = i;
        state->result[i].address = servers[i].address();
        std::string bytes;
        encode::stats(bytes, group);
        client.send(i, std::move(bytes), Expect::Stats, false, [state, i, sent = Clock::now()](Outcome o) {
            ServerStats &s = state->result[i];
            s.when = Clock::now();
            s.roundTrip = std::chrono::duration_cast<std::chrono::microseconds>(s.when - sent);
            if (o.error) {
                s.error = o.error;
            } else if (o.response.isError()) {
                s.error = {ClientErrc::Protocol, errorText(o.response)};
            } else {
                for (auto &[name, value] : o.response.stats)
                    s.raw[name] = value;
                s.items = counter(s.raw, "curr_items");
                s.bytes = counter(s.raw, "bytes");
                s.limitBytes = counter(s.raw, "limit_maxbytes");
                s.connections = counter(s.raw, "curr_connections");
                s.pid = counter(s.raw, "pid");
                if (const auto it = s.raw.find("version"); it != s.raw.end())
                    s.version = it->second;
            }
            if (--state->remaining == 0)
                state->done(std::move(state->result));
        });
    }
}

std::vector<ServerStats> StatsPoller::pollSync(Client &client, const std::vector<ServerStats> *previous,
                                               std::string_view group)
{
    Handoff<std::vector<ServerStats>> p;
    poll(client, group, [&p](std::vector<ServerStats> s) { p.set(std::move(s)); });
    auto stats = p.take();
    if (previous)
        for (auto &s : stats)
            if (s.server < previous->size() && !s.error && !(*previous)[s.server].error)
                computeRates(s, (*previous)[s.server]);
    return stats;
}

} // namespace ringscope::core
