#include "core/live/trafficgenerator.h"

#include "core/net/httpreader.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace ringscope::core {
namespace {

constexpr auto kTick = std::chrono::milliseconds(10);

} // namespace

double TrafficStats::latencyPercentile(double p) const
{
    std::uint64_t total = 0;
    for (const auto n : latency)
        total += n;
    if (total == 0)
        return 0;
    const auto target = static_cast<std::uint64_t>(std::ceil(p * static_cast<double>(total)));
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < latency.size(); ++b) {
        seen += latency[b];
        if (seen >= target)
            return static_cast<double>(std::uint64_t{1} << b); // the bucket's upper bound
    }
    return static_cast<double>(std::uint64_t{1} << (latency.size() - 1));
}

TrafficGenerator::TrafficGenerator(ReplicatedClient &client, TrafficOptions options)
    : m_client(client)
    , m_options(std::move(options))
    , m_random(m_options.seed)
    , m_timer(client.client().runtime().context())
    , m_alive(std::make_shared<bool>(true))
{
    m_options.keySpace = std::max<std::size_t>(1, m_options.keySpace);
    m_options.valueMax = std::max(m_options.valueMin, m_options.valueMax);
    m_options.getRatio = std::clamp(m_options.getRatio, 0.0, 1.0);
    // P(rank k) ∝ 1 / (k+1)^s, as a cumulative table for a binary search.
    m_cdf.resize(m_options.keySpace);
    double sum = 0;
    for (std::size_t k = 0; k < m_cdf.size(); ++k) {
        sum += 1.0 / std::pow(static_cast<double>(k + 1), m_options.zipf);
        m_cdf[k] = sum;
    }
    for (auto &c : m_cdf)
        c /= sum;
    if (m_options.readVia)
        m_reader = std::make_shared<HttpReader>(client.client().runtime().context(), *m_options.readVia,
                                                HttpReader::Options{8, client.client().options().pool.requestTimeout, 1 << 20});
}

TrafficGenerator::~TrafficGenerator()
{
    m_client.client().runtime().call([this] {
        *m_alive = false;
        m_running = false;
        m_timer.cancel();
        if (m_reader)
            m_reader->shutdown();
    });
}

std::size_t TrafficGenerator::drawKey()
{
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    const auto it = std::lower_bound(m_cdf.begin(), m_cdf.end(), u);
    return std::min<std::size_t>(static_cast<std::size_t>(it - m_cdf.begin()), m_cdf.size() - 1);
}

void TrafficGenerator::start()
{
    m_client.client().runtime().call([this] {
        if (m_running)
            return;
        m_running = true;
        m_lastTick = Clock::now();
        m_credit = 0;
        tick();
    });
}

void TrafficGenerator::stop()
{
    m_client.client().runtime().call([this] {
        m_running = false;
        m_timer.cancel();
    });
}

void TrafficGenerator::setRate(double opsPerSecond)
{
    m_client.client().runtime().call([this, opsPerSecond] { m_options.rate = std::max(0.0, opsPerSecond); });
}

TrafficStats TrafficGenerator::stats()
{
    return m_client.client().runtime().call([this] { return m_stats; });
}

void TrafficGenerator::tick()
{
    if (!m_running)
        return;
    const auto now = Clock::now();
    m_credit += m_options.rate * std::chrono::duration<double>(now - m_lastTick).count();
    m_lastTick = now;
    // At most one second's worth at once, after a stall.
    m_credit = std::min(m_credit, std::max(1.0, m_options.rate));
    while (m_credit >= 1.0) {
        m_credit -= 1.0;
        if (m_stats.inFlight >= m_options.maxInFlight)
            ++m_stats.skipped;
        else
            issue();
    }
    m_timer.expires_after(kTick);
    std::weak_ptr<bool> alive = m_alive;
    m_timer.async_wait([this, alive](std::error_code ec) {
        if (auto a = alive.lock(); !ec && a && *a)
            tick();
    });
}

void TrafficGenerator::record(Clock::time_point started)
{
    --m_stats.inFlight;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
    const auto bucket = static_cast<std::size_t>(std::bit_width(static_cast<std::uint64_t>(std::max<long long>(us, 1))));
    ++m_stats.latency[std::min(bucket, m_stats.latency.size() - 1)];
}

void TrafficGenerator::write(std::string key, std::string value)
{
    ++m_stats.sets;
    ++m_stats.inFlight;
    std::weak_ptr<bool> alive = m_alive;
    m_client.store(encode::Store::Set, std::move(key), std::move(value), 0, 0, [this, alive, started = Clock::now()](WriteResult w) {
        if (auto a = alive.lock(); !a || !*a)
            return;
        record(started);
        if (w.error)
            ++m_stats.writeErrors;
    });
}

void TrafficGenerator::onRead(Clock::time_point started, ClientError error, bool hit, bool unavailable,
                              std::string key, std::string value)
{
    record(started);
    if (error) {
        ++m_stats.readErrors;
        return;
    }
    if (hit) {
        ++m_stats.hits;
        return;
    }
    ++m_stats.misses;
    m_stats.unavailable += unavailable ? 1 : 0;
    // Cache-aside: the application fetches the value elsewhere and stores it.
    if (m_options.fillOnMiss && !unavailable && m_running && m_stats.inFlight < m_options.maxInFlight)
        write(std::move(key), std::move(value));
}

void TrafficGenerator::issue()
{
    const std::size_t index = drawKey();
    std::string key = keyName(index);
    const bool isGet = std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < m_options.getRatio;
    const auto size = std::uniform_int_distribution<std::size_t>(m_options.valueMin, m_options.valueMax)(m_random);
    std::string value(size, static_cast<char>('a' + index % 26));
    if (!isGet)
        return write(std::move(key), std::move(value));
    ++m_stats.gets;
    ++m_stats.inFlight;
    const auto started = Clock::now();
    std::weak_ptr<bool> alive = m_alive;
    if (m_reader) {
        m_reader->get(key, [this, alive, started, key, value = std::move(value)](ClientError e, std::optional<std::string> v) mutable {
            if (auto a = alive.lock(); a && *a)
                onRead(started, std::move(e), v.has_value(), false, std::move(key), std::move(value));
        });
        return;
    }
    m_client.get(key, [this, alive, started, key, value = std::move(value)](ReadResult r) mutable {
        if (auto a = alive.lock(); a && *a)
            onRead(started, std::move(r.error), r.item.has_value(), r.unavailable, std::move(key), std::move(value));
    });
}

} // namespace ringscope::core
