#include "ringscene.h"

#include "core/cluster/keyset.h"
#include "core/cluster/redistributionplanner.h"
#include "core/distribution/distribution.h"

#include <QHash>

#include <string_view>
#include <unordered_map>

#include <algorithm>
#include <cmath>
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

std::shared_ptr<const RingScene> RingScene::build(const core::Distribution &d, std::shared_ptr<const core::KeySet> keySet,
                                                  const QString &preset, const QString &hash,
                                                  const RingScene *previous, const std::vector<bool> &ejected)
{
    const core::KeySet &keys = *keySet;
    // The same key set object as before (a topology change): no need to hash it again.
    const std::uint64_t digest = previous && previous->keySet == keySet ? previous->keysDigest : digestOf(keys);
    auto scene = std::make_shared<RingScene>();
    scene->preset = preset;
    scene->hash = hash;
    scene->generation = previous ? previous->generation + 1 : 1;

    double totalWeight = 0;
    for (const auto &s : d.servers())
        totalWeight += s.weight;
    // Keep each server's colour across changes: a server that stays keeps its
    // colour, a new one takes the first colour nobody uses.
    QHash<QString, QColor> previousColors;
    if (previous)
        for (const auto &s : previous->servers)
            previousColors.insert(s.label, s.color);
    std::vector<bool> used(std::max<std::size_t>(64, d.servers().size()), false);
    for (const auto &s : d.servers()) {
        const QString label = QString::fromStdString(s.label());
        Server out{label, previousColors.value(label), 0, s.weight / totalWeight};
        scene->servers.push_back(out);
    }
    for (const auto &s : scene->servers)
        for (std::size_t c = 0; c < used.size(); ++c)
            if (s.color.isValid() && s.color == serverColor(c))
                used[c] = true;
    std::size_t nextColor = 0;
    for (auto &s : scene->servers) {
        if (s.color.isValid())
            continue;
        while (nextColor < used.size() && used[nextColor])
            ++nextColor;
        s.color = serverColor(nextColor);
        if (nextColor < used.size())
            used[nextColor] = true;
    }

    for (const auto &p : d.points())
        scene->points.push_back({p.value, p.server});

    // Same keys and the same hash as the scene before (a topology change):
    // their places on the circle are known, and a plain ring finds the new
    // owners from them without hashing a single key again.
    const bool samePositions = previous && previous->preset == preset && previous->hash == hash
        && previous->keysDigest == digest && previous->inputIndex.size() == keys.size();
    std::vector<std::uint32_t> owners;
    if (samePositions && d.ownerAt(0)) {
        owners.resize(keys.size());
        for (std::size_t j = 0; j < keys.size(); ++j)
            owners[previous->inputIndex[j]] = static_cast<std::uint32_t>(*d.ownerAt(previous->keys[j].position));
    } else {
        owners = core::assignOwners(d, keys);
    }
    const auto isEjected = [&](std::size_t server) { return server < ejected.size() && ejected[server]; };
    std::size_t live = 0;
    for (std::size_t i = 0; i < scene->servers.size(); ++i) {
        scene->servers[i].ejected = isEjected(i);
        live += scene->servers[i].ejected ? 0u : 1u;
    }
    if (live > 0 && live < scene->servers.size())
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (!isEjected(owners[i]))
                continue;
            for (const std::size_t next : d.successors(keys[i], scene->servers.size()))
                if (!isEjected(next)) {
                    owners[i] = static_cast<std::uint32_t>(next);
                    break;
                }
        }
    std::vector<std::size_t> order(keys.size());
    std::vector<std::uint32_t> positions(keys.size());
    if (samePositions) {
        // Same keys, same hash: the same places on the circle, in the same order.
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

    // The previous owner of each key: by index when the keys are the same
    // list (the usual case: a topology change), else by name.
    scene->keySet = keySet;
    scene->keysDigest = digest;
    std::vector<std::int64_t> previousOwner; // by input index; -1: the key is new
    // Where each previous server is now (-1: gone), by label.
    std::vector<int> previousIndex;
    if (previous) {
        if (previous->keysDigest == scene->keysDigest && previous->ownerByInput.size() == keys.size()) {
            previousOwner.assign(previous->ownerByInput.begin(), previous->ownerByInput.end());
        } else {
            std::unordered_map<std::string_view, std::uint32_t> byName;
            byName.reserve(previous->ownerByInput.size());
            for (std::size_t i = 0; i < previous->ownerByInput.size(); ++i)
                byName.emplace((*previous->keySet)[i], previous->ownerByInput[i]);
            previousOwner.assign(keys.size(), -1);
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (const auto it = byName.find(keys[i]); it != byName.end())
                    previousOwner[i] = it->second;
        }
        QHash<QString, int> now;
        for (std::size_t i = 0; i < scene->servers.size(); ++i)
            now.insert(scene->servers[i].label, static_cast<int>(i));
        for (const auto &s : previous->servers)
            previousIndex.push_back(now.value(s.label, -1));
    }
    std::vector<std::uint64_t> removedOut(previous ? previous->servers.size() : 0, 0);
    // Keys moved from old server a to new server b, at a * new servers + b.
    const std::size_t oldCount = previous ? previous->servers.size() : 0, newCount = scene->servers.size();
    const bool countFlows = oldCount * newCount <= (1u << 22);
    std::vector<std::uint64_t> flows(countFlows ? oldCount * newCount : 0, 0);

    scene->keys.reserve(keys.size());
    scene->inputIndex.reserve(keys.size());
    scene->ownerByInput.assign(owners.begin(), owners.end());
    for (const std::size_t i : order) {
        Key k{positions[i], owners[i], 0};
        ++scene->servers[owners[i]].keys;
        if (!previousOwner.empty() && previousOwner[i] >= 0) {
            const auto was = static_cast<std::size_t>(previousOwner[i]);
            if (previousIndex[was] != static_cast<int>(owners[i])) {
                k.movedFrom = previous->servers[was].color.rgb();
                ++scene->moved;
                if (countFlows)
                    ++flows[was * newCount + owners[i]];
                ++scene->servers[owners[i]].movedIn;
                if (previousIndex[was] >= 0)
                    ++scene->servers[static_cast<std::size_t>(previousIndex[was])].movedOut;
                else
                    ++removedOut[was];
            }
        }
        scene->keys.push_back(k);
        scene->inputIndex.push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t f = 0; f < flows.size(); ++f)
        if (flows[f] > 0)
            scene->flows.push_back({previous->servers[f / newCount].label, previous->servers[f / newCount].color,
                                    static_cast<std::uint32_t>(f % newCount), flows[f]});
    std::sort(scene->flows.begin(), scene->flows.end(), [](const Flow &a, const Flow &b) { return a.keys > b.keys; });
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
    for (std::size_t i = 0; i < removedOut.size(); ++i)
        if (previousIndex[i] < 0) {
            Server gone = previous->servers[i];
            gone.keys = 0;
            gone.movedIn = 0;
            gone.movedOut = removedOut[i];
            scene->removed.push_back(gone);
        }
    return scene;
}

} // namespace ringscope::ui
