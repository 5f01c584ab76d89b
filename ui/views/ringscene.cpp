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
                                                  const RingScene *previous)
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

    const auto owners = core::assignOwners(d, keys);
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<std::uint32_t> positions(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        positions[i] = d.position(keys[i]);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });

    // The previous owner of each key, by key name.
    QHash<QString, std::uint32_t> previousOwner;
    if (previous)
        for (std::size_t i = 0; i < previous->keys.size(); ++i)
            previousOwner.insert(previous->keyNames[i], previous->keys[i].owner);

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
                if (was.label != scene->servers[owners[i]].label) {
                    k.movedFrom = was.color.rgb();
                    ++scene->moved;
                }
            }
        }
        scene->keys.push_back(k);
        scene->keyNames.push_back(name);
    }
    return scene;
}

} // namespace ringscope::ui
