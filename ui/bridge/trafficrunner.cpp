#include "ui/bridge/trafficrunner.h"
#include "ui/util/strings.h"

#include "core/live/replicatedclient.h"
#include "core/live/trafficgenerator.h"
#include "core/distribution/preset.h"
#include "core/net/client.h"
#include "core/net/ioruntime.h"

#include <algorithm>

namespace ringscope::ui {

// The traffic generator with its own client, placing keys as the chosen
// preset does (or sending everything to the twemproxy in front).
struct TrafficRunner::Traffic {
    std::unique_ptr<core::Client> client;
    std::unique_ptr<core::ReplicatedClient> replicated;
    std::unique_ptr<core::TrafficGenerator> generator;
    core::TrafficStats last;
    std::vector<core::ReplicaCounters> lastCounters;
    core::Clock::time_point lastWhen = core::Clock::now();
    bool perServer = true; // false through twemproxy: our client sees only the proxy
    std::uint64_t generation = 0;
};

TrafficRunner::TrafficRunner(core::IoRuntime &io, QObject *parent)
    : QObject(parent)
    , m_io(io)
{
    qRegisterMetaType<TrafficSample>();
    qRegisterMetaType<std::vector<ReplicaLoad>>();
    qRegisterMetaType<EventKind>();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TrafficRunner::sample);
}

TrafficRunner::~TrafficRunner()
{
    blockSignals(true);
    stop();
    stopSeeding();
    m_io.call([] {}); // the seed job, if still queued, lets go of its writer on the I/O thread
}

void TrafficRunner::setTarget(WriteTarget target)
{
    stop(); // the session starts it again over the new target
    m_target = std::move(target);
    if (!writable())
        stopSeeding(); // a seed still running wrote to servers that were ours
}

void TrafficRunner::probeSoon(const QString &address)
{
    if (!m_traffic)
        return;
    for (std::size_t i = 0; i < m_target.servers.size(); ++i)
        if (qs(m_target.servers[i].address()) == address && m_traffic->perServer)
            m_traffic->client->probeSoon(i);
}

void TrafficRunner::setWriteSwitch(bool on)
{
    m_switch = on;
    if (!writable()) {
        stop();
        stopSeeding();
    }
}

bool TrafficRunner::writable() const
{
    return m_switch || (m_target.startedByUs && !m_target.servers.empty());
}

void TrafficRunner::seed(std::vector<std::string> keys, const core::Placement &placement)
{
    if (!writable() || m_target.servers.empty() || keys.empty())
        return; // never write where the user did not opt in
    std::string error;
    auto d = core::buildPlacement(placement.over(m_target.servers), error);
    if (!d || !d->deterministic())
        return;
    // A client of its own, placing keys as the preset does. The runner owns
    // it and releases it on the GUI thread: a Client must never be destroyed
    // by a handler that a stopped I/O context throws away (its destructor
    // would wait for that context).
    stopSeeding(); // one seed at a time
    m_seedStop = std::make_shared<std::atomic<bool>>(false);
    // A bulk load, not a latency-sensitive read: a deadline of 2 s, so that a
    // loaded machine (CI runs it beside other tests, under sanitizers) does
    // not make the writer mark servers down half-way and fail thousands.
    core::ClientOptions seedOptions;
    seedOptions.pool.requestTimeout = std::chrono::milliseconds(2000);
    m_seedWriter = std::make_shared<core::Client>(m_io, std::move(d), seedOptions);
    // At most kWindow writes in flight, the next one issued as one finishes:
    // a write queued past its deadline is failed unsent, so a million keys
    // posted at once would mostly fail.
    struct Seeder : std::enable_shared_from_this<Seeder> {
        TrafficRunner *runner = nullptr;
        core::Client *writer = nullptr;
        std::vector<std::string> keys;
        std::shared_ptr<std::atomic<bool>> stop; // set before the writer goes away
        std::size_t next = 0;                    // I/O thread only, as are the counts
        std::uint64_t left = 0, failed = 0;

        void issue() { write(next++, 1); }
        // A write that timed out or lost its connection (a loaded machine, a
        // server restarting) is tried again, up to 3 times: a set is
        // idempotent, and a demo should not start with holes in it.
        void write(std::size_t i, int attempt)
        {
            writer->store(core::encode::Store::Set, keys[i], "ringscope demo value", 0, 0,
                          [self = shared_from_this(), i, attempt](core::ClientError e, core::Reply r, const std::string &) {
                              const bool transient = e.code == core::ClientErrc::Timeout || e.code == core::ClientErrc::Unknown
                                  || e.code == core::ClientErrc::ConnectionLost;
                              // Straight from here: the client fails a request to a server
                              // marked down from its loop, never inside this call, so this
                              // cannot nest however many fail.
                              if (transient && attempt < 3 && !*self->stop)
                                  return self->write(i, attempt + 1); // keeps its place in the window
                              if (e || r != core::Reply::Stored)
                                  ++self->failed;
                              if (!*self->stop && self->next < self->keys.size())
                                  self->issue();
                              if (--self->left == 0)
                                  self->finish();
                          });
        }
        void finish()
        {
            runner->m_gui.post([runner = runner, writer = writer, total = keys.size(), failed = failed] {
                if (runner->m_seedWriter.get() != writer)
                    return; // stopped, or replaced by a newer seed
                runner->stopSeeding();
                Q_EMIT runner->seeded(total, failed);
            });
        }
    };
    constexpr std::size_t kWindow = 2000;
    auto seeder = std::make_shared<Seeder>();
    seeder->runner = this;
    seeder->writer = m_seedWriter.get();
    seeder->stop = m_seedStop;
    seeder->keys = std::move(keys);
    seeder->left = seeder->keys.size();
    m_io.post([keep = m_seedWriter, seeder] {
        for (std::size_t n = 0; n < kWindow && !*seeder->stop && seeder->next < seeder->keys.size(); ++n)
            seeder->issue();
    });
}

void TrafficRunner::stopSeeding()
{
    // The writer's destructor fails what is in flight; those callbacks must
    // not issue more writes to it.
    if (m_seedStop)
        *m_seedStop = true;
    m_seedWriter.reset();
}

QString TrafficRunner::configure(const TrafficSettings &settings, const core::Placement &placement)
{
    stop();
    if (!settings.enabled)
        return {};
    if (!writable())
        return tr("traffic writes to the cluster: switch writing on first");
    if (m_target.servers.empty())
        return tr("no servers");
    const bool viaTwemproxy = m_target.proxyKind == QLatin1String("twemproxy") && m_target.proxy;
    const core::Placement p = placement.over(m_target.servers); // the servers really there, not what-if ones
    std::string error;
    auto d = viaTwemproxy ? core::makeDistribution(*core::findPreset("modulo"), {*m_target.proxy}, std::nullopt, {}, error)
                          : core::buildPlacement(p, error);
    if (!d)
        return qs(error);
    if (!d->deterministic())
        return tr("preset %1 has no owner per key: pick another for traffic").arg(qs(placement.choice.preset));
    auto replication = settings.replication;
    if (viaTwemproxy)
        replication = {}; // twemproxy shards; it does not replicate
    replication.readRepair = true; // traffic runs only with writing allowed (checked above)
    if (const auto wrong = core::checkOptions(replication, d->servers().size()); !wrong.empty())
        return qs(wrong);
    auto t = std::make_unique<Traffic>();
    core::ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(200);
    options.pool.probeFirst = std::chrono::milliseconds(500);
    t->client = std::make_unique<core::Client>(m_io, std::move(d), options);
    t->replicated = std::make_unique<core::ReplicatedClient>(*t->client, replication);
    t->perServer = !viaTwemproxy;
    t->generation = ++m_generation;
    t->replicated->setEventHandler(
        [this, viaTwemproxy, servers = m_target.servers, generation = t->generation](const core::ReplicaEvent &e) {
            QString text = qs(e.text);
            if (!viaTwemproxy && e.server < servers.size())
                text = qs(servers[e.server].address()) + QStringLiteral(": ") + text;
            m_gui.post([this, text, generation] {
                if (generation == m_generation)
                    Q_EMIT event(EventKind::Replication, text);
            });
        });
    core::TrafficOptions o;
    o.rate = settings.rate;
    o.keySpace = settings.keySpace;
    o.zipf = settings.zipf;
    o.getRatio = settings.getRatio;
    if (m_target.proxy && m_target.proxyKind.startsWith(QLatin1String("nginx")))
        o.readVia = *m_target.proxy;
    t->generator = std::make_unique<core::TrafficGenerator>(*t->replicated, o);
    t->generator->start();
    m_traffic = std::move(t);
    m_timer.start();
    return {};
}

void TrafficRunner::stop()
{
    m_timer.stop();
    ++m_generation; // samples and events still on their way are stale
    if (!m_traffic)
        return;
    m_traffic->generator->stop();
    // Samples already queued on the I/O thread read the session: let them run.
    m_io.call([] {});
    m_traffic.reset();
    Q_EMIT stopped();
}

void TrafficRunner::sample()
{
    if (!m_traffic)
        return;
    Traffic *t = m_traffic.get();
    m_io.post([this, t] {
        auto stats = t->generator->stats();
        auto counters = t->replicated->counters();
        const auto now = core::Clock::now();
        const double seconds = std::max(1e-3, std::chrono::duration<double>(now - t->lastWhen).count());
        TrafficSample sample;
        const auto &a = t->last;
        auto rate = [seconds](std::uint64_t later, std::uint64_t earlier) {
            return static_cast<double>(later - earlier) / seconds;
        };
        sample.getsPerSecond = rate(stats.gets, a.gets);
        sample.setsPerSecond = rate(stats.sets, a.sets);
        const auto gets = stats.gets - a.gets;
        if (gets > 0)
            sample.hitRatio = static_cast<double>(stats.hits - a.hits) / static_cast<double>(gets);
        sample.unavailablePerSecond = rate(stats.unavailable, a.unavailable);
        sample.errorsPerSecond = rate(stats.readErrors + stats.writeErrors, a.readErrors + a.writeErrors);
        // Percentiles of this second's operations only.
        core::TrafficStats interval;
        for (std::size_t b = 0; b < interval.latency.size(); ++b)
            interval.latency[b] = stats.latency[b] - a.latency[b];
        sample.p50Ms = interval.latencyPercentile(0.50) / 1000.0;
        sample.p99Ms = interval.latencyPercentile(0.99) / 1000.0;
        std::vector<ReplicaLoad> perServer;
        if (t->perServer)
            for (std::size_t i = 0; i < counters.size(); ++i) {
                const auto &c = counters[i];
                const auto before = i < t->lastCounters.size() ? t->lastCounters[i] : core::ReplicaCounters{};
                ReplicaLoad load;
                load.requestsPerSecond = rate(c.reads + c.writes, before.reads + before.writes);
                load.outstanding = c.outstanding;
                load.warming = c.warming;
                load.resyncing = c.resyncing;
                load.untrusted = c.untrusted;
                perServer.push_back(load);
            }
        t->last = stats;
        t->lastCounters = counters;
        t->lastWhen = now;
        m_gui.post([this, sample, perServer = std::move(perServer), generation = t->generation] {
            if (generation == m_generation)
                Q_EMIT sampled(sample, perServer);
        });
    });
}

} // namespace ringscope::ui
