#pragma once

#include "core/distribution/server.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace ringscope::core {

// A point of a hash ring: the 32-bit position and the index of its server.
struct RingPoint {
    std::uint32_t value;
    std::uint32_t server;
};

// A key→server mapping built from a server list. Implementations are
// immutable after construction and safe to query from many threads.
class Distribution {
public:
    explicit Distribution(ServerList servers) : m_servers(std::move(servers)) {}
    virtual ~Distribution() = default;
    Distribution(const Distribution &) = delete;
    Distribution &operator=(const Distribution &) = delete;

    const ServerList &servers() const noexcept { return m_servers; }

    // Index into servers() of the server that owns `key`.
    virtual std::size_t owner(std::string_view key) const = 0;

    // The owner followed by the next distinct servers, `count` in all (fewer
    // when there are fewer servers): where replicas of `key` live. The default
    // takes the servers that follow the owner in list order, as libmemcached's
    // replication does for non-ring distributions.
    virtual std::vector<std::size_t> successors(std::string_view key, std::size_t count) const;

    // Owners of many keys at once. Distributions whose answer depends on the
    // whole key set (bounded load) override it; the default calls owner().
    virtual void assign(std::span<const std::string_view> keys, std::span<std::uint32_t> owners) const;

    // Where the key sits on the 32-bit circle, for drawing.
    virtual std::uint32_t position(std::string_view key) const = 0;

    // The owner of any key whose position() is `position`, when the owner
    // depends on the position alone (a plain ring: owner(key) is exactly
    // ownerAt(position(key))); nothing otherwise. Lets a picture whose keys
    // are already placed on the circle find new owners without hashing them.
    virtual std::optional<std::size_t> ownerAt(std::uint32_t position) const noexcept
    {
        (void)position;
        return std::nullopt;
    }

    // The ring's points in ascending order; empty for distributions that are
    // not rings (modulo, jump, rendezvous…).
    virtual std::span<const RingPoint> points() const noexcept { return {}; }

    // False when a key's owner depends on the other keys (bounded load): the
    // key set must then be placed in one assign() call, never split.
    virtual bool independentKeys() const noexcept { return true; }

    // False where the real software picks at random (twemproxy's `random`).
    virtual bool deterministic() const noexcept { return true; }

private:
    ServerList m_servers;
};

} // namespace ringscope::core
