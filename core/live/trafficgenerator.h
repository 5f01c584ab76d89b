#pragma once

#include "core/live/replicatedclient.h"

#include <asio/steady_timer.hpp>

#include <array>
#include <functional>
#include <optional>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace ringscope::core {

struct TrafficOptions {
    double rate = 200;            // operations a second
    std::size_t keySpace = 10000; // keys "<prefix>0" … "<prefix>N-1"
    double zipf = 0.99;           // popularity exponent: 0 is uniform, ~1 is a typical cache
    double getRatio = 0.9;        // share of operations that are gets
    std::size_t valueMin = 32, valueMax = 512;
    std::string prefix = "demo:";
    bool fillOnMiss = true;       // cache-aside: a miss writes the key, as an application would
    std::size_t maxInFlight = 1000; // past this, ticks skip (a hung server must not grow a queue)
    std::uint64_t seed = 1;
    // Reads through an HTTP front end (nginx with memcached_pass) instead of
    // the client; writes still go to the servers (nginx only reads).
    std::optional<Server> readVia;
};

// What the generator has done so far (counters only grow).
struct TrafficStats {
    std::uint64_t gets = 0, hits = 0, misses = 0, unavailable = 0; // unavailable: its server was down (miss mode)
    std::uint64_t sets = 0, readErrors = 0, writeErrors = 0, skipped = 0; // writes fail on a down owner without replication
    std::size_t inFlight = 0;
    // Latency of completed operations, microseconds, in power-of-two buckets.
    std::array<std::uint64_t, 32> latency{};
    double latencyPercentile(double p) const; // in microseconds; 0 with no samples
    double hitRatio() const { return gets == 0 ? 0.0 : static_cast<double>(hits) / static_cast<double>(gets); }
};

// Keys drawn from a Zipf distribution over a fixed key space (key 0 the most
// popular), for a rate of gets and sets through a ReplicatedClient: what
// drives the local demo cluster so that hit ratio, per-server load and
// failover show in the stats. Runs on the I/O thread; start/stop/setRate
// and stats() may be called from any thread. It writes: only for clusters
// the user opted in to writing (the demo cluster).
class HttpReader;

class TrafficGenerator {
public:
    TrafficGenerator(ReplicatedClient &client, TrafficOptions options);
    ~TrafficGenerator();
    TrafficGenerator(const TrafficGenerator &) = delete;
    TrafficGenerator &operator=(const TrafficGenerator &) = delete;

    void start();
    void stop();
    void setRate(double opsPerSecond);
    TrafficStats stats();
    const TrafficOptions &options() const noexcept { return m_options; }

    // The index of a key drawn from the Zipf distribution (for tests; not
    // while the generator runs).
    std::size_t drawKey();
    std::string keyName(std::size_t index) const { return m_options.prefix + std::to_string(index); }

private:
    void tick();
    void issue();
    void write(std::string key, std::string value);
    void onRead(Clock::time_point started, ClientError error, bool hit, bool unavailable, std::string key,
                std::string value);
    void record(Clock::time_point started);

    ReplicatedClient &m_client;
    TrafficOptions m_options;
    std::vector<double> m_cdf;
    std::mt19937_64 m_random;
    asio::steady_timer m_timer;
    bool m_running = false;
    double m_credit = 0;
    Clock::time_point m_lastTick;
    TrafficStats m_stats;
    std::shared_ptr<HttpReader> m_reader;
    std::shared_ptr<bool> m_alive;
};

} // namespace ringscope::core
