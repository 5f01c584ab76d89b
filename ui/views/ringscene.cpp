#include "ringscene.h"

#include "core/cluster/keyset.h"
#include "core/cluster/redistributionplanner.h"
#include "core/distribution/distribution.h"

#include <QHash>

#include <algorithm>
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

std::shared_ptr<const RingScene> RingScene::build(const core::Distribution &d, const core::KeySet &keys,
                                                  const QString &preset, const QString &hash,
                                                  const RingScene *previous, const std::vector<bool> &ejected)
{
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
    std::vector<bool> used(64, false);
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

    auto owners = core::assignOwners(d, keys);
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
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<std::uint32_t> positions(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        positions[i] = d.position(keys[i]);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });

    // The previous owner of each key, by key name.
    QHash<QString, std::uint32_t> previousOwner;
    // Where each previous server is now (-1: gone), by label.
    std::vector<int> previousIndex;
    if (previous) {
        previousOwner.reserve(static_cast<qsizetype>(previous->keys.size()));
        for (std::size_t i = 0; i < previous->keys.size(); ++i)
            previousOwner.insert(previous->keyNames[i], previous->keys[i].owner);
        QHash<QString, int> now;
        for (std::size_t i = 0; i < scene->servers.size(); ++i)
            now.insert(scene->servers[i].label, static_cast<int>(i));
        for (const auto &s : previous->servers)
            previousIndex.push_back(now.value(s.label, -1));
    }
    std::vector<std::uint64_t> removedOut(previous ? previous->servers.size() : 0, 0);

    scene->keys.reserve(keys.size());
    scene->keyNames.reserve(keys.size());
    for (const std::size_t i : order) {
        const QString name = QString::fromUtf8(keys[i].data(), static_cast<qsizetype>(keys[i].size()));
        Key k{positions[i], owners[i], 0};
        ++scene->servers[owners[i]].keys;
        if (previous) {
            const auto it = previousOwner.constFind(name);
            if (it != previousOwner.constEnd()) {
                const auto &was = previous->servers[*it];
                if (previousIndex[*it] != static_cast<int>(owners[i])) {
                    k.movedFrom = was.color.rgb();
                    ++scene->moved;
                    ++scene->servers[owners[i]].movedIn;
                    if (previousIndex[*it] >= 0)
                        ++scene->servers[static_cast<std::size_t>(previousIndex[*it])].movedOut;
                    else
                        ++removedOut[*it];
                }
            }
        }
        scene->keys.push_back(k);
        scene->keyNames.push_back(name);
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
