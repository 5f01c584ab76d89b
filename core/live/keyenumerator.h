#pragma once

#include "core/net/client.h"

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace ringscope::core {

// The keys one server holds, from `lru_crawler metadump all`: streamed, with
// memory bounded by `cap` keys; past the cap a uniform reservoir sample of
// the keys seen is kept, and `seen` still counts them all.
struct ServerKeys {
    std::size_t server = 0;
    std::vector<std::string> keys;
    std::uint64_t seen = 0;
    bool sampled = false; // seen > cap: `keys` is a sample
    ClientError error;
};

class KeyEnumerator {
public:
    struct Options {
        std::size_t cap = 1'000'000;
        std::chrono::milliseconds idleTimeout{5000}; // between metadump lines
        // The whole dump of one server, however steadily lines come (0: no
        // bound), and the most lines one server may send (0: no bound).
        std::chrono::milliseconds wholeTimeout{0};
        std::uint64_t maxEntries = 0;
        std::uint64_t seed = 1;
    };

    // Enumerates every server of `client` in parallel; `done` gets one entry
    // per server, on the I/O thread.
    static void enumerate(Client &client, Options options, std::function<void(std::vector<ServerKeys>)> done);
    static std::vector<ServerKeys> enumerateSync(Client &client, Options options);

    // "key=user%3A1 exp=-1 la=… cas=… fetch=no cls=1 size=63" → "user:1"
    static bool keyOfEntry(std::string_view line, std::string &key);
};

} // namespace ringscope::core
