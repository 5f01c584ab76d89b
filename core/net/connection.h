#pragma once

#include "core/protocol/responseparser.h"
#include "core/net/outcome.h"
#include "core/net/readablewait.h"

#include <asio/awaitable.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/ssl/context.hpp>
#include <asio/ssl/stream.hpp>
#include <asio/steady_timer.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ringscope::core {

// Fails `request` from the loop of `io`, never inside the caller's own call:
// a caller that makes its next request from a callback would otherwise nest
// one call per request while a server is down (300,000 overflowed a stack once).
void failFromLoop(asio::io_context &io, RequestPtr request, ClientErrc code, std::string why);
void failFromLoop(asio::io_context &io, std::function<void(ClientError)> written, ClientErrc code, std::string why);

// One TCP connection to one memcached server, living on the I/O thread.
// Requests are pipelined: every request queued in one turn of the I/O loop
// (or while a write is in flight) goes out in one write, and replies are
// matched to requests in order. Plain TCP writes straight onto the
// non-blocking socket, with no asynchronous operation unless it is full.
// Every request has a deadline; when one that is on the wire passes it, the
// connection is out of step with the server and closes, failing everything
// it still holds (writes that were sent as Unknown). Garbage from the server
// closes it too, with a Protocol error for the requests it held.
class Connection : public std::enable_shared_from_this<Connection> {
public:
    struct Options {
        std::chrono::milliseconds connectTimeout{300}; // covers the TLS handshake too
        ResponseParser::Limits limits{};
        // TLS (memcached -Z) when set; the server's certificate is verified
        // against it and its name or IP, and a failure closes the connection.
        std::shared_ptr<asio::ssl::context> tls;
        // memcached -Y (ASCII authentication) when set: see authenticate().
        struct Credentials {
            std::string user, password;
        };
        std::shared_ptr<const Credentials> auth;
    };

    Connection(asio::io_context &io, std::string host, std::uint16_t port, Options options);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Called once, when the connection closes because something failed.
    void setCloseHandler(std::function<void(ClientErrc, const std::string &)> handler)
    {
        m_onClose = std::move(handler);
    }

    // Called for every reply that arrives (the server is alive).
    void setReplyHandler(std::function<void()> handler) { m_onReply = std::move(handler); }

    void start();
    void submit(RequestPtr request)
    {
        const std::string_view bytes = request->bytes;
        submit(std::move(request), bytes);
    }
    // `bytes` instead of the request's own: copied at once.
    void submit(RequestPtr request, std::string_view bytes);
    // A noreply write: its bytes go straight into this connection's buffer,
    // with no request object; `written` is told once they are written, or
    // the error that stopped them (Unknown once a write started). `timeout`
    // bounds the wait for the connection; once connected, a write of which
    // the socket takes nothing for `timeout` closes the connection instead.
    using WrittenCallback = std::function<void(ClientError)>;
    void submitNoReply(std::string_view bytes, WrittenCallback written, std::chrono::milliseconds timeout);
    void close(ClientErrc code, const std::string &why);
    bool closed() const noexcept { return m_closed; }
    std::size_t outstanding() const noexcept { return m_unsent.size() + m_inflight.size(); }
    const std::string &address() const noexcept { return m_address; }

private:
    asio::awaitable<void> run();
    asio::awaitable<bool> connect();
    asio::awaitable<bool> handshake(asio::steady_timer &timer);
    asio::awaitable<bool> authenticate(asio::steady_timer &timer);
    // Writes `request` and reads one reply line (without "\r\n") before the
    // timer; nothing and the connection closed with `what` named otherwise.
    asio::awaitable<std::optional<std::string>> exchangeLine(std::string request, asio::steady_timer &timer,
                                                             const char *what);
    asio::awaitable<void> reader(); // TLS
    // Plain TCP: reads what the socket holds and hands it out, until a read
    // finds nothing; then waits in the reactor (m_readable).
    void readAvailable();
    void onReadable(const asio::error_code &ec);
    bool readFailed(const asio::error_code &ec);
    asio::mutable_buffer readRoom(); // where the next read goes
    // The parser has `n` new bytes from a read: hands out complete replies,
    // then writes what their callbacks asked for, in one write.
    void consume(std::size_t n);
    void scheduleFlush();
    // `inCaller`: called from submit(), so no callback may run before it returns.
    void flush(bool inCaller = false);
    // The `written` callbacks of noreply writes, in order.
    using Written = std::vector<WrittenCallback>;
    void wrote(Written &silent, const asio::error_code &ec);
    // The rest of m_writeBuffer, from m_written, once the socket has room.
    void writeMore(Written silent);
    asio::awaitable<void> watchdog();
    void deliver();
    // TLS: memcached (1.6.18 at least) can leave the end of a pipelined burst
    // decrypted but unread inside its TLS layer until more bytes arrive; the
    // replies never come. While requests are in flight, a connection that
    // read nothing for kNudgeAfter sends a no-op (`mn`) to wake it.
    void watchForStall();
    void nudgeIfStalled();

    asio::io_context &m_io;
    std::string m_host;
    std::uint16_t m_port;
    std::string m_address;
    Options m_options;
    PlainSocket m_socket;
    std::unique_ptr<asio::ssl::stream<asio::ip::tcp::socket &>> m_tls;
    asio::steady_timer m_deadlineTimer;
    asio::steady_timer m_stallTimer; // TLS only, see watchForStall()
    ResponseParser m_parser;
    // Not yet written, in order: a request (with a reply to wait for) or a
    // noreply write's callback. Their bytes are in m_pending, each ending at
    // `end`. Vectors and strings emptied per write keep their room.
    struct Unsent {
        RequestPtr request;     // null for a noreply write
        WrittenCallback written; // noreply only
        Clock::time_point deadline;
        std::size_t end = 0;
    };
    void enqueue(Unsent &&unsent);
    // Takes out the unsent entries whose deadline has passed, and their bytes.
    std::vector<Unsent> takeExpired(Clock::time_point now);
    void releaseRoom(); // of the write buffers, after a second with no write
    static void failUnsent(Unsent &unsent, ClientErrc code, const std::string &why);
    std::vector<Unsent> m_unsent;
    std::string m_pending;      // the bytes of m_unsent
    std::deque<RequestPtr> m_inflight;
    std::string m_writeBuffer;  // the write on its way
    std::size_t m_written = 0;  // of m_writeBuffer, so far
    std::uint64_t m_flushes = 0; // writes begun, ever
    // A write holding noreply bytes of which the socket takes nothing until
    // then closes the connection (nothing else would notice a server that stopped reading).
    Clock::time_point m_writeDeadline = Clock::time_point::max();
    std::chrono::milliseconds m_noReplyTimeout{0}; // the latest noreply write's
    std::function<void(ClientErrc, const std::string &)> m_onClose;
    std::function<void()> m_onReply;
    bool m_connected = false;
    bool m_writing = false;
    bool m_flushPosted = false;
    std::uint64_t m_delivered = 0; // replies handed out, ever
    bool m_delivering = false; // requests submitted now go out when delivery ends
    std::uint64_t m_bytesRead = 0;     // TLS: ever, to see a stall
    std::uint64_t m_bytesAtWatch = 0;
    bool m_watching = false;
    bool m_nudging = false; // an `mn` of ours is on its way
    bool m_closed = false;
    ReadableWait m_readable{[](void *self, const asio::error_code &ec) {
        static_cast<Connection *>(self)->onReadable(ec);
    }};
};

} // namespace ringscope::core
