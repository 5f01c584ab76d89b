#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ringscope::core {
class Distribution;
class FailoverPlacement;
class KeySet;
} // namespace ringscope::core

namespace ringscope::ui {

// What the ring view draws: an immutable value, built off the view from a
// distribution and a key set, so the widget never touches the core.
struct RingScene {
    struct Server {
        QString label;
        QColor color;
        std::uint64_t keys = 0;   // keys owned in this scene
        double idealShare = 0;    // weight / total weight
        std::uint64_t movedIn = 0, movedOut = 0; // in the change that made this scene
        bool ejected = false;     // down and taken off the ring (auto-eject): owns nothing
        std::string address;      // core::Server::address(): the same server across changes
    };
    struct Point {
        std::uint32_t position;   // on the 32-bit circle
        std::uint32_t server;
    };
    struct Key {
        std::uint32_t position;
        std::uint32_t owner;
        QRgb movedFrom = 0; // the previous owner's colour when the key moved in the last change
    };

    QString preset;
    QString hash;
    std::vector<Server> servers;
    std::vector<Server> removed; // servers of the previous scene that are gone, with movedOut
    // Keys that changed owner in the change that made this scene, by old and
    // new owner, largest first (the aggregate view of a big move).
    struct Flow {
        QString fromLabel;
        QColor fromColor;
        std::uint32_t to = 0;
        std::uint64_t keys = 0;
    };
    std::vector<Flow> flows;
    std::vector<Point> points;  // empty for strategies without a ring
    std::vector<Key> keys;      // sorted by position
    std::shared_ptr<const core::KeySet> keySet; // the names, shared with the window
    std::vector<std::uint32_t> inputIndex;      // same order as keys: index in keySet
    std::vector<std::uint32_t> ownerByInput;    // keySet order: the owner of each key
    std::uint64_t keysDigest = 0;               // tells whether the next scene has the same keys
    QString keyName(std::size_t index) const;   // of keys[index]
    // Where the drawn keys sit around a centre at radius 1: every dotStride-th
    // key (all of them up to kMaxDots). They depend on the hashes alone, so a
    // topology change shares them with the scene before.
    static constexpr std::size_t kMaxDots = 200000;
    std::size_t dotStride = 1;
    std::shared_ptr<const std::vector<QPointF>> dotOffsets;
    // A key's distance from the centre, as a fraction of the key band's radius:
    // spread so that keys at nearby hashes do not pile up on one circle.
    static double radiusFactor(std::uint32_t position);
    std::uint64_t moved = 0;
    std::uint64_t generation = 0;

    // Builds the scene from core::planRedistribution's plan of the change
    // from `previous` (may be null: then only the owners): the keys whose
    // owner changed, matching servers by address, their counts and flows. A
    // server marked in `ejected` stays on the ring but owns nothing: its keys
    // go to their next owner that is not ejected, as auto-eject clients
    // (libmemcached, twemproxy) do (core::PlaceOptions::ejected).
    // With `failover`, the servers in `ejected` are down and the real
    // client's rule says where their keys go (core::PlaceOptions::failover);
    // a server whose keys the client fails keeps them, and is not ejected.
    static std::shared_ptr<const RingScene> build(const core::Distribution &d, std::shared_ptr<const core::KeySet> keys,
                                                  const QString &preset, const QString &hash,
                                                  const RingScene *previous, const std::vector<bool> &ejected = {},
                                                  const core::FailoverPlacement *failover = nullptr);
    // The same with a copy of `keys`.
    static std::shared_ptr<const RingScene> build(const core::Distribution &d, const core::KeySet &keys,
                                                  const QString &preset, const QString &hash,
                                                  const RingScene *previous, const std::vector<bool> &ejected = {});
};

// The colour-blind-safe palette (Okabe & Ito, then Paul Tol's muted set).
QColor serverColor(std::size_t index);

} // namespace ringscope::ui
