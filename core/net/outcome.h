#pragma once

#include "../protocol/response.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace ringscope::core {

// Why a request did not get a reply it could use.
enum class ClientErrc : std::uint8_t {
    Ok,
    InvalidKey,       // refused before a byte was sent
    Timeout,          // no reply before the deadline (a read: it failed)
    Unknown,          // a write was sent but its reply never came: it may or may not have happened
    ConnectFailed,    // refused, unreachable, or no connection before the deadline
    ConnectionLost,   // reset or closed while waiting
    Protocol,         // the server's reply was garbage; the connection was closed
    ServerDown,       // marked down after repeated failures; not tried until it answers a probe
    Cancelled,
};

const char *errcName(ClientErrc code) noexcept;

struct ClientError {
    ClientErrc code = ClientErrc::Ok;
    std::string message;
    explicit operator bool() const noexcept { return code != ClientErrc::Ok; }
};

struct Outcome {
    ClientError error;
    Response response; // valid when !error; may itself be a server ERROR / SERVER_ERROR reply
};

using Clock = std::chrono::steady_clock;

// One request on its way: encoded bytes, what it expects, its deadline and
// the callback that receives its outcome exactly once (on the I/O thread).
struct PendingRequest {
    std::string bytes;
    Expect expect = Expect::Version;
    bool write = false;
    Clock::time_point deadline;
    std::function<void(Outcome)> done;
    // For noreply writes (Expect::Nothing), instead of `done`: called once the
    // bytes are written, or with the error that stopped them.
    std::function<void(ClientError)> written;
    // For streamed replies (metadump): called for each entry; `done` gets the end.
    std::function<void(const Response &)> onEntry;
    std::chrono::milliseconds idle{0}; // with onEntry: each entry moves the deadline this far ahead
    // Checks that a complete reply belongs to this request (a get answered
    // with another key's VALUE means the stream is out of step); returns the
    // problem, or an empty string.
    std::function<std::string(const Response &)> validate;
    bool sent = false;

    void complete(Outcome outcome)
    {
        if (auto cb = std::move(written)) {
            written = nullptr;
            cb(std::move(outcome.error));
            return;
        }
        if (auto cb = std::move(done)) {
            done = nullptr;
            cb(std::move(outcome));
        }
    }
    void fail(ClientErrc code, std::string message)
    {
        // A write that reached the wire and then lost its reply may have been applied.
        if (write && sent && (code == ClientErrc::Timeout || code == ClientErrc::ConnectionLost))
            code = ClientErrc::Unknown;
        complete({{code, std::move(message)}, {}});
    }
};

using RequestPtr = std::shared_ptr<PendingRequest>;

} // namespace ringscope::core
