#include "ui/models/ringscene.h"

#include "core/placement/keyset.h"
#include "core/placement/redistributionplanner.h"
#include "core/distribution/distribution.h"

#include <QHash>

#include <string_view>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ringscope::ui {

QColor serverColor(std::size_t index)
{
    static const QColor kPalette[] = {
        QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73), QColor(0xF0, 0xE4, 0x42),
        QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0xCC, 0x79, 0xA7), QColor(0x88, 0xCC, 0xEE),
        QColor(0x44, 0xAA, 0x99), QColor(0x11, 0x77, 0x33), QColor(0x99, 0x99, 0x33), QColor(0xDD, 0xCC, 0x77),
        QColor(0xCC, 0x66, 0x77), QColor(0x88, 0x22, 0x55), QColor(0xAA, 0x44, 0x99), QColor(0x33, 0x22, 0x88)};
    const std::size_t n = std::size(kPalette);
    QColor c = kPalette[index % n];
    if (index >= n) // past the palette: same hues, darker, so neighbours still differ
        c = c.darker(100 + 40 * static_cast<int>(index / n));
    return c;
}

namespace {

// FNV-1a over every key and its length: the same key list gives the same digest.
std::uint64_t digestOf(const core::KeySet &keys)
{
    std::uint64_t h = 14695981039346656037ull;
    for (const std::string_view k : keys.views()) {
        for (const char c : k)
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        h = (h ^ k.size()) * 1099511628211ull;
    }
    return h;
}

} // namespace

double RingScene::radiusFactor(std::uint32_t position)
{
    const std::uint32_t h = position * 2654435761u;
    return 0.78 + 0.2 * (static_cast<double>(h >> 8) / static_cast<double>(1u << 24));
}

QString RingScene::keyName(std::size_t index) const
{
    const std::string_view k = (*keySet)[inputIndex[index]];
    return QString::fromUtf8(k.data(), static_cast<qsizetype>(k.size()));
}

std::shared_ptr<const RingScene> RingScene::build(const core::Distribution &d, const core::KeySet &keys,
                                                  const QString &preset, const QString &hash,
                                                  const RingScene *previous, const std::vector<bool> &ejected)
{
    return build(d, std::make_shared<const core::KeySet>(keys), preset, hash, previous, ejected);
}

namespace {

// Each server keeps its colour across changes (servers are the same server
// when their addresses match); a new one takes the first colour nobody uses.
void colourServers(std::vector<RingScene::Server> &servers, const RingScene *previous)
{
    QHash<QString, QColor> previousColors;
    if (previous)
        for (const auto &s : previous->servers)
            previousColors.insert(QString::fromStdString(s.address), s.color);
    std::vector<bool> used(std::max<std::size_t>(64, servers.size()), false);
    for (auto &s : servers)
        s.color = previousColors.value(QString::fromStdString(s.address));
    for (const auto &s : servers)
        for (std::size_t c = 0; c < used.size(); ++c)
            if (s.color.isValid() && s.color == serverColor(c))
                used[c] = true;
    std::size_t nextColor = 0;
    for (auto &s : servers) {
        if (s.color.isValid())
            continue;
        while (nextColor < used.size() && used[nextColor])
            ++nextColor;
        s.color = serverColor(nextColor);
        if (nextColor < used.size())
            used[nextColor] = true;
    }
}

// The plan of the change from `previous` turned into what is drawn: the old
// owner's colour on each moved key (by input index), the counts in and out,
// the flows between servers and the servers that are gone.
std::vector<QRgb> applyPlan(RingScene &scene, const RingScene &previous, const core::RedistributionPlan &plan)
{
    constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> previousOf(plan.servers.size(), kAbsent), nowOf(plan.servers.size(), kAbsent);
    for (std::size_t j = 0; j < plan.indexOfBefore.size(); ++j)
        if (previousOf[plan.indexOfBefore[j]] == kAbsent)
            previousOf[plan.indexOfBefore[j]] = static_cast<std::uint32_t>(j);
    for (std::size_t i = 0; i < plan.indexOfAfter.size(); ++i)
        nowOf[plan.indexOfAfter[i]] = static_cast<std::uint32_t>(i);

    for (std::size_t i = 0; i < scene.servers.size(); ++i) {
        const auto &flow = plan.servers[plan.indexOfAfter[i]];
        scene.servers[i].movedIn = flow.in;
        scene.servers[i].movedOut = flow.out;
    }
    for (std::size_t j = 0; j < previous.servers.size(); ++j) {
        const std::uint32_t u = plan.indexOfBefore[j];
        if (nowOf[u] != kAbsent || previousOf[u] != j)
            continue;
        RingScene::Server gone = previous.servers[j];
        gone.keys = 0;
        gone.movedIn = 0;
        gone.movedOut = plan.servers[u].out;
        scene.removed.push_back(gone);
    }

    // Keys moved from old server a to new server b, at a * new servers + b.
    const std::size_t oldCount = previous.servers.size(), newCount = scene.servers.size();
    const bool countFlows = oldCount * newCount <= (1u << 22);
    std::vector<std::uint64_t> flows(countFlows ? oldCount * newCount : 0, 0);
    std::vector<QRgb> movedFrom(scene.ownerByInput.size(), 0);
    for (const auto &m : plan.moves) {
        const std::uint32_t was = previousOf[m.from], to = nowOf[m.to];
        movedFrom[m.key] = previous.servers[was].color.rgb();
        if (countFlows)
            ++flows[was * newCount + to];
    }
    scene.moved = plan.moves.size();
    for (std::size_t f = 0; f < flows.size(); ++f)
        if (flows[f] > 0)
            scene.flows.push_back({previous.servers[f / newCount].label, previous.servers[f / newCount].color,
                                   static_cast<std::uint32_t>(f % newCount), flows[f]});
    std::sort(scene.flows.begin(), scene.flows.end(),
              [](const RingScene::Flow &a, const RingScene::Flow &b) { return a.keys > b.keys; });
    return movedFrom;
}

} // namespace

std::shared_ptr<const RingScene> RingScene::build(const core::Distribution &d, std::shared_ptr<const core::KeySet> keySet,
                                                  const QString &preset, const QString &hash,
                                                  const RingScene *previous, const std::vector<bool> &ejected,
                                                  const core::FailoverPlacement *failover)
{
    const core::KeySet &keys = *keySet;
    // The same key set object as before (a topology change): no need to hash it again.
    const std::uint64_t digest = previous && previous->keySet == keySet ? previous->keysDigest : digestOf(keys);
    auto scene = std::make_shared<RingScene>();
    scene->preset = preset;
    scene->hash = hash;
    scene->generation = previous ? previous->generation + 1 : 1;
    scene->keySet = keySet;
    scene->keysDigest = digest;

    double totalWeight = 0;
    for (const auto &s : d.servers())
        totalWeight += s.weight;
    for (std::size_t i = 0; i < d.servers().size(); ++i) {
        const auto &s = d.servers()[i];
        Server out;
        out.label = QString::fromStdString(s.label());
        out.idealShare = s.weight / totalWeight;
        // Under the Fail rule a down server keeps its keys: their requests fail.
        out.ejected = i < ejected.size() && ejected[i] && !(failover && failover->rule() == core::Failover::Fail);
        out.address = s.address();
        scene->servers.push_back(out);
    }
    colourServers(scene->servers, previous);
    for (const auto &p : d.points())
        scene->points.push_back({p.value, p.server});

    // Same keys and the same hash as the scene before (a topology change):
    // their places on the circle are known, in the same order, and a plain
    // ring finds the new owners from them without hashing a single key again.
    const bool samePositions = previous && previous->preset == preset && previous->hash == hash
        && previous->keysDigest == digest && previous->inputIndex.size() == keys.size();
    std::vector<std::size_t> order(keys.size());
    std::vector<std::uint32_t> positions(keys.size());
    if (samePositions) {
        for (std::size_t j = 0; j < keys.size(); ++j) {
            order[j] = previous->inputIndex[j];
            positions[order[j]] = previous->keys[j].position;
        }
    } else {
        std::iota(order.begin(), order.end(), std::size_t{0});
        for (std::size_t i = 0; i < keys.size(); ++i)
            positions[i] = d.position(keys[i]);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });
    }

    // Who owns what, and what moved, is the planner's: the scene only draws it.
    core::PlaceOptions how;
    how.ejected = ejected;
    how.failover = failover;
    if (samePositions)
        how.positions = positions;
    std::vector<QRgb> movedFrom;
    if (!previous) {
        scene->ownerByInput = core::placeKeys(d, keys, how);
    } else {
        // The owners before are the previous scene's: by index when the keys
        // are the same list (the usual case: a topology change), else by name.
        core::KnownOwners before;
        for (const auto &s : previous->servers)
            before.addresses.push_back(s.address);
        std::vector<std::uint32_t> carried;
        if (previous->keysDigest == digest && previous->ownerByInput.size() == keys.size()) {
            before.owners = previous->ownerByInput;
        } else {
            carried = core::carryOwners(*previous->keySet, previous->ownerByInput, keys);
            before.owners = carried;
        }
        core::RedistributionPlan plan = core::planRedistribution(before, d, how, keys);
        scene->ownerByInput = std::move(plan.ownersAfter);
        movedFrom = applyPlan(*scene, *previous, plan);
    }

    scene->keys.reserve(keys.size());
    scene->inputIndex.reserve(keys.size());
    for (const std::size_t i : order) {
        const std::uint32_t owner = scene->ownerByInput[i];
        ++scene->servers[owner].keys;
        scene->keys.push_back({positions[i], owner, movedFrom.empty() ? QRgb(0) : movedFrom[i]});
        scene->inputIndex.push_back(static_cast<std::uint32_t>(i));
    }
    scene->dotStride = std::max<std::size_t>(1, (scene->keys.size() + kMaxDots - 1) / kMaxDots);
    if (samePositions && previous->dotOffsets && previous->dotStride == scene->dotStride) {
        scene->dotOffsets = previous->dotOffsets;
    } else {
        auto offsets = std::make_shared<std::vector<QPointF>>();
        offsets->reserve(scene->keys.size() / scene->dotStride + 1);
        for (std::size_t j = 0; j < scene->keys.size(); j += scene->dotStride) {
            const std::uint32_t position = scene->keys[j].position;
            const double a = 2 * 3.14159265358979323846 * static_cast<double>(position) / 4294967296.0;
            const double f = radiusFactor(position);
            offsets->emplace_back(f * std::sin(a), -f * std::cos(a));
        }
        scene->dotOffsets = std::move(offsets);
    }
    return scene;
}

} // namespace ringscope::ui
