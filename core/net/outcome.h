#pragma once

#include "core/protocol/response.h"

#include <algorithm>
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
// what receives its outcome exactly once (on the I/O thread): a subclass's
// finish(). The client's own requests carry their typed callback and key
// directly (no wrapper to allocate); CallbackRequest, below, takes callbacks.
struct PendingRequest {
    PendingRequest() = default;
    PendingRequest(const PendingRequest &) = delete;
    PendingRequest &operator=(const PendingRequest &) = delete;
    virtual ~PendingRequest() = default;

    // Its encoded bytes, carried to the I/O thread; empty when they were
    // handed to the connection beside it (submit(request, bytes)).
    std::string bytes;
    Expect expect = Expect::Version;
    bool write = false;
    bool sent = false;
    bool finished = false;
    std::size_t expectedItems = 0; // a hint: the VALUEs a retrieval may bring
    // Until it is sent, how long it may wait in the queue (for a connection,
    // or behind a write the server has not read yet); once it is on the
    // wire, `timeout` after it was sent (a burst queued at once is not
    // failed for the time the requests ahead of it take). A `timeout` of
    // zero keeps the deadline as it is.
    Clock::time_point deadline;
    std::chrono::milliseconds timeout{0};
    // However the deadline moves (when sent, with each streamed entry), never past this.
    Clock::time_point until = Clock::time_point::max();

    // Checks that a complete reply belongs to this request (a get answered
    // with another key's VALUE means the stream is out of step); returns the
    // problem, or an empty string.
    virtual std::string check(const Response &) { return {}; }
    // A streamed reply's entry (metadump): true when this request takes its
    // replies entry by entry (the last one then completes it), false when
    // the entry is its whole reply.
    virtual bool entry(const Response &) { return false; }
    // After an entry: why this streamed reply must stop now (it has brought
    // more entries than allowed), or empty. The connection then closes: a
    // server cannot be told to stop a metadump.
    virtual std::string overLimit() const { return {}; }

    // By reference: what finish() leaves in `outcome` (a get takes its item,
    // not the vector that held it) the caller may use again.
    void complete(Outcome &&outcome)
    {
        if (finished)
            return;
        finished = true;
        finish(std::move(outcome));
    }
    void fail(ClientErrc code, std::string message)
    {
        // A write that reached the wire and then lost its reply may have been applied.
        if (write && sent && (code == ClientErrc::Timeout || code == ClientErrc::ConnectionLost))
            code = ClientErrc::Unknown;
        complete(Outcome{{code, std::move(message)}, {}});
    }

protected:
    virtual void finish(Outcome &&outcome) = 0;
};

// A request whose outcome goes to callbacks set on it: raw sends, probes.
struct CallbackRequest final : PendingRequest {
    std::function<void(Outcome)> done;
    // For streamed replies (metadump): called for each entry; `done` gets the end.
    std::function<void(const Response &)> onEntry;
    std::chrono::milliseconds idle{0}; // with onEntry: each entry moves the deadline this far ahead
    std::uint64_t maxEntries = 0;      // with onEntry: more than this many stop the reply (0: no limit)
    std::uint64_t entries = 0;
    // See check(): the problem with a reply, or an empty string.
    std::function<std::string(const Response &)> validate;

    std::string check(const Response &response) override
    {
        return validate ? validate(response) : std::string();
    }
    bool entry(const Response &response) override
    {
        if (!onEntry)
            return false;
        if (idle.count() > 0)
            deadline = std::min(Clock::now() + idle, until);
        ++entries;
        onEntry(response);
        return true;
    }
    std::string overLimit() const override
    {
        if (maxEntries == 0 || entries <= maxEntries)
            return {};
        return "stopped after " + std::to_string(maxEntries) + " entries, the most allowed";
    }

protected:
    void finish(Outcome &&outcome) override
    {
        // Moved out first: the callback may drop the last reference to this request.
        if (auto cb = std::move(done)) {
            done = nullptr;
            cb(std::move(outcome));
        }
    }
};

using RequestPtr = std::shared_ptr<PendingRequest>;

} // namespace ringscope::core
