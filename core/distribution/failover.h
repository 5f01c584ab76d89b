#pragma once

#include "core/distribution/distribution.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ringscope::core {

// What a real client or proxy does with a key whose server it has noticed
// is down. Each rule is the real software's, read from its source (see
// failover.cpp) and checked against it in the tests.
enum class Failover : std::uint8_t {
    Fail,   // the request fails while the server is down (libmemcached's default,
            // twemproxy without auto_eject_hosts, mcrouter without a failover route)
    Eject,  // the server leaves the list and the placement is that of the live
            // servers alone (twemproxy auto_eject_hosts, libmemcached
            // REMOVE_FAILED_SERVERS, pymemcache HashClient; RingScope's own "rehash")
    Rehash, // python-memcached: the key's hash is hashed again with the try's
            // number, up to 10 tries over the same buckets, then the request fails
    Redistribute, // spymemcached FailureMode.Redistribute over KetamaNodeLocator:
                  // the first active node of KetamaIterator's 7 positions
    NextUpstream, // nginx memcached_next_upstream (error timeout): `hash $key` rehashes
                  // cumulatively, `hash $key consistent` walks to the next point; 21 tries
};

const char *failoverName(Failover rule) noexcept;
std::optional<Failover> parseFailover(std::string_view text) noexcept;

// The rule a preset's client follows by default, and the others it can be
// configured to (e.g. libmemcached with REMOVE_FAILED_SERVERS), with the
// real setting named for messages.
struct FailoverBehaviour {
    Failover rule = Failover::Eject;
    std::string_view client;  // "python-memcached", "twemproxy (auto_eject_hosts: false)" …
    std::vector<Failover> choices; // the rules this client can be set to, the default first
};
// `autoEject`: a twemproxy pool's auto_eject_hosts, when its config says.
FailoverBehaviour failoverOf(std::string_view preset, std::optional<bool> autoEject = std::nullopt);

// Where each key goes with some servers down, under one rule. `build` makes
// the preset's placement for a list of servers (hash tag and options
// included), so an ejected server's keys land exactly where the client's
// rebuilt placement puts them.
class FailoverPlacement {
public:
    using Builder = std::function<std::unique_ptr<Distribution>(ServerList)>;
    // `down`: indexes into `servers`. Null and `error` when `build` fails.
    // `preset` picks the variant of a rule where a client has two (nginx's
    // `hash` and `hash consistent`).
    static std::unique_ptr<FailoverPlacement> make(ServerList servers, const std::vector<std::size_t> &down,
                                                   Failover rule, const Builder &build, std::string &error,
                                                   std::string_view preset = {});

    // The index (into the full list) of the server the client sends `key`
    // to, or nothing when the client's request fails.
    std::optional<std::size_t> owner(std::string_view key) const;
    const ServerList &servers() const noexcept { return m_servers; }
    Failover rule() const noexcept { return m_rule; }

private:
    FailoverPlacement() = default;
    std::optional<std::size_t> nextRehash(std::string_view key) const;
    std::optional<std::size_t> nextPoint(std::string_view key) const;
    ServerList m_servers;
    std::vector<bool> m_down;
    Failover m_rule = Failover::Fail;
    std::unique_ptr<Distribution> m_all;  // every server (Fail)
    std::unique_ptr<Distribution> m_live; // the live servers alone (Eject)
    std::vector<std::size_t> m_liveIndex; // live position → index in m_servers
    std::vector<std::uint32_t> m_buckets; // Rehash: python-memcached's weight-repeated buckets
    bool m_consistent = false;            // NextUpstream: `hash $key consistent` (else `hash $key`)
};

} // namespace ringscope::core
