#pragma once

#include "core/net/client.h"

#include <functional>
#include <string>
#include <vector>

namespace ringscope::core {

// One key to copy from one server to another (indexes into the client's servers).
struct KeyCopy {
    std::string key;
    std::size_t from = 0, to = 0;
};

struct CopyReport {
    std::uint64_t copied = 0;       // written to the target
    std::uint64_t alreadyThere = 0; // the target had the key (a newer write won; `add` keeps it)
    std::uint64_t gone = 0;         // expired, evicted or deleted on the source before it could be read
    std::uint64_t failed = 0;
    std::vector<std::string> errors; // the first few problems
    std::uint64_t done() const noexcept { return copied + alreadyThere + gone + failed; }
};

// Copies keys between servers, `window` at a time: each is read with
// `mg … v f t` (value, flags, remaining TTL) and written with `add`, which
// never replaces a value a client wrote to the target meanwhile. Runs on the
// I/O thread; callbacks come there. It writes: callers need the user's opt-in.
class KeyCopier {
public:
    using Progress = std::function<void(const CopyReport &)>;
    using Done = std::function<void(CopyReport)>;
    // Called for each key `add` stored on its target (before `done`).
    using Copied = std::function<void(const KeyCopy &)>;

    // `stop`, when given, is asked before each copy: true ends the run early
    // (its owner went away); `done` is then not called.
    static void run(Client &client, std::vector<KeyCopy> copies, std::size_t window, Progress progress, Done done,
                    Copied copied = {}, std::function<bool()> stop = {});
};

} // namespace ringscope::core
