#pragma once

#include "core/net/client.h"

#include <asio/steady_timer.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ringscope::core {

// One server's `stats` at one moment, and the rates since the sample before.
struct ServerStats {
    std::size_t server = 0;
    std::string address;
    ClientError error;                          // set when this poll got no stats
    Clock::time_point when;
    std::map<std::string, std::string> raw;     // everything `stats` said
    // From the raw counters:
    std::uint64_t items = 0, bytes = 0, limitBytes = 0, connections = 0, pid = 0;
    std::string version;
    // Rates since the previous sample of the same server (absent for the first).
    std::optional<double> getsPerSecond, setsPerSecond, hitRatio, evictionsPerSecond;
    // From sending `stats` to its last line: the server's latency as a client sees it.
    std::chrono::microseconds roundTrip{0};
};

// Polls `stats` (or a group: slabs, items, conns, settings) on every server
// of a client at an interval, on the I/O thread, and reports each round.
class StatsPoller : public std::enable_shared_from_this<StatsPoller> {
public:
    using Handler = std::function<void(const std::vector<ServerStats> &)>;

    StatsPoller(Client &client, std::chrono::milliseconds interval, Handler handler);
    void start();
    void stop(); // from any thread; no round is reported after it returns

    // One round, blocking (for the CLI); `previous` gives rates when set.
    static std::vector<ServerStats> pollSync(Client &client, const std::vector<ServerStats> *previous = nullptr,
                                             std::string_view group = {});
    static void poll(Client &client, std::string_view group, std::function<void(std::vector<ServerStats>)> done);
    static void computeRates(ServerStats &now, const ServerStats &before);

private:
    void round();

    Client &m_client;
    std::chrono::milliseconds m_interval;
    Handler m_handler;
    asio::steady_timer m_timer;
    std::vector<ServerStats> m_previous;
    std::atomic<bool> m_stopped{false};
};

} // namespace ringscope::core
