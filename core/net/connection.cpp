#include "core/net/connection.h"

#include "core/protocol/requestencoder.h"

#include <asio/co_spawn.hpp>
#include <asio/connect.hpp>
#include <asio/write.hpp>
#include <asio/detached.hpp>
#include <asio/post.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/use_awaitable.hpp>
#include <openssl/x509v3.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace ringscope::core {
namespace {

constexpr auto kAsTuple = asio::experimental::as_tuple(asio::use_awaitable);
// TLS: how long a connection with requests in flight may read nothing before
// it nudges the server (see watchForStall).
constexpr auto kNudgeAfter = std::chrono::milliseconds(20);
// Queued requests are written at once when they reach this size (as
// libmemcached writes its buffer when it fills), not only at the end of the turn.
constexpr std::size_t kEagerFlushBytes = 8 * 1024; // libmemcached's buffer holds 8 KiB

// The non-blocking socket had no room (write) or nothing yet (read).
bool wouldBlock(const asio::error_code &ec)
{
    return ec == asio::error::would_block || ec == asio::error::try_again;
}

std::string formatAddress(const std::string &host, std::uint16_t port)
{
    return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

} // namespace

void failFromLoop(asio::io_context &io, RequestPtr request, ClientErrc code, std::string why)
{
    asio::post(io, [request = std::move(request), code, why = std::move(why)]() mutable {
        request->fail(code, std::move(why));
    });
}

void failFromLoop(asio::io_context &io, std::function<void(ClientError)> written, ClientErrc code, std::string why)
{
    asio::post(io, [written = std::move(written), code, why = std::move(why)]() mutable {
        written(ClientError{code, std::move(why)});
    });
}

Connection::Connection(asio::io_context &io, std::string host, std::uint16_t port, Options options)
    : m_io(io)
    , m_host(std::move(host))
    , m_port(port)
    , m_address(formatAddress(m_host, m_port))
    , m_options(options)
    , m_socket(io)
    , m_deadlineTimer(io)
    , m_stallTimer(io)
    , m_parser(options.limits)
{
}

Connection::~Connection() = default;

void Connection::start()
{
    asio::co_spawn(m_io, run(), asio::detached);
}

void Connection::submit(RequestPtr request, std::string_view bytes)
{
    if (m_closed)
        return failFromLoop(m_io, std::move(request), ClientErrc::ConnectionLost, m_address + ": connection closed");
    // The watchdog sleeps until the earliest deadline it knows; wake it only
    // for an earlier one (rarely: deadlines mostly grow), not per request.
    if (request->deadline < m_deadlineTimer.expiry())
        m_deadlineTimer.cancel();
    m_pending += bytes;
    // Not needed again (nothing is re-sent): a large one is freed now, so
    // that a long burst reuses the same memory rather than holding every
    // request's bytes until its callback has run.
    if (request->bytes.size() > 256)
        std::string().swap(request->bytes);
    const auto deadline = request->deadline;
    enqueue({std::move(request), {}, deadline});
}

void Connection::submitNoReply(std::string_view bytes, WrittenCallback written, std::chrono::milliseconds timeout)
{
    if (m_closed) {
        if (written)
            failFromLoop(m_io, std::move(written), ClientErrc::ConnectionLost, m_address + ": connection closed");
        return;
    }
    m_noReplyTimeout = timeout;
    // Connected, these bytes go out at the end of this turn (or of the
    // delivery, or of the write under way) and then wait only as part of a
    // write, which closes the connection when the server takes none of it
    // for `timeout` (m_writeDeadline). No deadline of its own to keep, then,
    // and no clock read per write.
    auto deadline = Clock::time_point::max();
    if (!m_connected) {
        deadline = Clock::now() + timeout;
        if (deadline < m_deadlineTimer.expiry())
            m_deadlineTimer.cancel();
    }
    m_pending += bytes;
    enqueue({nullptr, std::move(written), deadline});
}

void Connection::enqueue(Unsent &&unsent)
{
    unsent.end = m_pending.size();
    m_unsent.push_back(std::move(unsent));
    // A long burst goes out in pieces as it is made, so that the server works
    // on the first requests while the rest are still being made.
    if (m_pending.size() >= kEagerFlushBytes)
        flush(true);
    else
        scheduleFlush();
}

void Connection::failUnsent(Unsent &unsent, ClientErrc code, const std::string &why)
{
    if (unsent.request)
        unsent.request->fail(code, why);
    else if (unsent.written)
        std::exchange(unsent.written, nullptr)(ClientError{code, why});
}

void Connection::releaseRoom()
{
    // A burst of megabytes (what was made while a write waited) need not
    // keep its room for good; while writes go on, it is used again (memory
    // new to the process costs a page fault per 4 KiB written).
    constexpr std::size_t kKeptRoom = 256 * 1024;
    if (!m_writing && m_writeBuffer.capacity() > kKeptRoom)
        std::string().swap(m_writeBuffer);
    if (m_unsent.empty() && m_pending.capacity() > kKeptRoom)
        std::string().swap(m_pending);
}

std::vector<Connection::Unsent> Connection::takeExpired(Clock::time_point now)
{
    std::vector<Unsent> expired;
    if (std::none_of(m_unsent.begin(), m_unsent.end(), [now](const Unsent &u) { return u.deadline <= now; }))
        return expired;
    std::vector<Unsent> kept;
    std::string bytes;
    std::size_t begin = 0;
    for (auto &u : m_unsent) {
        const std::size_t end = u.end;
        if (u.deadline <= now) {
            expired.push_back(std::move(u));
        } else {
            bytes.append(m_pending, begin, end - begin);
            u.end = bytes.size();
            kept.push_back(std::move(u));
        }
        begin = end;
    }
    m_unsent = std::move(kept);
    m_pending = std::move(bytes);
    return expired;
}

void Connection::scheduleFlush()
{
    // While replies are being delivered, the requests their callbacks make
    // wait for the end of delivery; otherwise for the end of this turn of the
    // loop, so that a burst of requests costs one write, not one each.
    if (m_delivering || m_flushPosted || m_writing || !m_connected || m_closed)
        return;
    m_flushPosted = true;
    asio::post(m_io, [self = shared_from_this()] {
        self->m_flushPosted = false;
        self->flush();
    });
}

void Connection::flush(bool inCaller)
{
    if (m_writing || m_unsent.empty() || !m_connected || m_closed)
        return;
    // Everything queued goes out in one write: pipelining. A request's time
    // on the wire counts from now (one clock read per write, not per request).
    Written silent; // noreply writes: told once written
    const auto now = Clock::now();
    auto earliest = Clock::time_point::max();
    for (auto &u : m_unsent) {
        if (u.request) {
            u.request->sent = true;
            if (u.request->timeout.count() > 0)
                u.request->deadline = std::min(now + u.request->timeout, u.request->until);
            earliest = std::min(earliest, u.request->deadline);
            m_inflight.push_back(std::move(u.request));
        } else {
            silent.push_back(std::move(u.written));
        }
    }
    m_unsent.clear();
    // The watchdog may sleep until a queue deadline later than these.
    if (earliest < m_deadlineTimer.expiry())
        m_deadlineTimer.cancel();
    ++m_flushes;
    std::size_t written = 0;
    if (!m_tls) {
        // Straight onto the non-blocking socket: usually it all fits, and no
        // asynchronous operation (and no turn of the loop) is needed.
        asio::error_code ec;
        written = m_socket.write_some(asio::buffer(m_pending), ec);
        if (wouldBlock(ec))
            ec = {}, written = 0;
        if (ec || written == m_pending.size()) {
            m_pending.clear();
            if (inCaller && (ec || !silent.empty())) {
                // Called from submit(): callbacks and a close run later, never
                // inside the caller's own call (it may not expect them yet).
                asio::post(m_io, [self = shared_from_this(), silent = std::move(silent), ec]() mutable {
                    self->wrote(silent, ec);
                });
                return;
            }
            wrote(silent, ec);
            return;
        }
    }
    if (m_tls)
        watchForStall();
    // The rest waits for room in m_writeBuffer; the last write's buffer
    // (done with) takes the next requests: neither is copied nor allocated again.
    m_writeBuffer.swap(m_pending);
    m_pending.clear();
    m_writing = true;
    m_written = written;
    writeMore(std::move(silent));
}

void Connection::writeMore(Written silent)
{
    if (!silent.empty()) {
        // Requests with replies in this write have their own deadlines;
        // noreply writes have this one, renewed each time the socket takes
        // some of it: a server that reads slowly is not cut off, one that
        // stopped reading is (see watchdog).
        m_writeDeadline = Clock::now() + m_noReplyTimeout;
        if (m_writeDeadline < m_deadlineTimer.expiry())
            m_deadlineTimer.cancel();
    }
    auto done = [self = shared_from_this(), silent = std::move(silent)](const asio::error_code &ec, std::size_t n) mutable {
        self->m_written += n;
        const bool whole = self->m_written == self->m_writeBuffer.size();
        if (!ec && !whole && !self->m_closed)
            return self->writeMore(std::move(silent));
        self->m_writing = false;
        self->m_writeDeadline = Clock::time_point::max();
        // Closed meanwhile with part of it unwritten: what was, may have been applied.
        self->wrote(silent, ec || whole ? ec : asio::error_code(asio::error::operation_aborted));
    };
    const auto rest = asio::buffer(m_writeBuffer.data() + m_written, m_writeBuffer.size() - m_written);
    if (m_tls)
        m_tls->async_write_some(rest, std::move(done));
    else
        m_socket.async_write_some(rest, std::move(done));
}

void Connection::wrote(Written &silent, const asio::error_code &ec)
{
    if (ec)
        close(ClientErrc::ConnectionLost, "write failed: " + ec.message());
    for (auto &told : silent) {
        if (!told)
            continue;
        // A failed write may have sent part of it: the server may have applied it.
        const auto callback = std::move(told);
        callback(ec ? ClientError{ClientErrc::Unknown, "write failed: " + ec.message()} : ClientError{});
    }
    // What the callbacks (or other handlers, meanwhile) asked for.
    if (!m_unsent.empty())
        scheduleFlush();
}

void Connection::close(ClientErrc code, const std::string &why)
{
    if (m_closed)
        return;
    m_closed = true;
    asio::error_code ignored;
    m_socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    m_socket.close(ignored);
    m_deadlineTimer.cancel();
    m_stallTimer.cancel();
    auto inflight = std::move(m_inflight);
    auto unsent = std::move(m_unsent);
    m_inflight.clear();
    m_unsent.clear();
    m_pending.clear();
    for (auto &r : inflight)
        r->fail(code, m_address + ": " + why);
    // Never sent: whatever closed the connection, these did not happen.
    for (auto &u : unsent)
        failUnsent(u, code == ClientErrc::Timeout || code == ClientErrc::Protocol ? ClientErrc::ConnectionLost : code,
                   m_address + ": " + why);
    if (auto handler = std::move(m_onClose); handler && code != ClientErrc::Cancelled)
        handler(code, why);
}

asio::awaitable<bool> Connection::connect()
{
    using namespace asio::experimental::awaitable_operators;
    asio::ip::tcp::resolver resolver(m_io);
    asio::steady_timer timer(m_io);
    timer.expires_after(m_options.connectTimeout);
    auto resolved = co_await (resolver.async_resolve(m_host, std::to_string(m_port), kAsTuple)
                              || timer.async_wait(kAsTuple));
    if (resolved.index() == 1) {
        close(ClientErrc::ConnectFailed, "name lookup took longer than the connect timeout");
        co_return false;
    }
    const auto &[resolveError, endpoints] = std::get<0>(resolved);
    if (resolveError) {
        close(ClientErrc::ConnectFailed, "cannot resolve " + m_host + ": " + resolveError.message());
        co_return false;
    }
    auto connected = co_await (asio::async_connect(m_socket, endpoints, kAsTuple) || timer.async_wait(kAsTuple));
    if (connected.index() == 1) {
        close(ClientErrc::ConnectFailed,
              "no connection within " + std::to_string(m_options.connectTimeout.count()) + " ms");
        co_return false;
    }
    if (const auto &ec = std::get<0>(std::get<0>(connected)); ec) {
        close(ClientErrc::ConnectFailed, "connect failed: " + ec.message());
        co_return false;
    }
    asio::error_code ignored;
    m_socket.set_option(asio::ip::tcp::no_delay(true), ignored);
    if (!m_options.tls) {
        // The connect waited for the socket to be writable, which left it
        // registered with the reactor for write events for good. Then every
        // wake-up reports it writable too, even when a read after the write
        // (see readAvailable) already took the bytes that caused it: an
        // empty turn of epoll_wait per such reply. Registered anew, it is
        // watched for reads only (until a write fills the socket and has to wait).
        asio::error_code error;
        const auto protocol = m_socket.local_endpoint(error).protocol();
        const auto fd = error ? -1 : m_socket.release(error);
        if (!error)
            m_socket.assign(protocol, fd, error);
        if (error) {
            close(ClientErrc::ConnectFailed, "cannot register the connected socket: " + error.message());
            co_return false;
        }
    }
    if (m_options.tls && !co_await handshake(timer))
        co_return false;
    if (m_options.auth && !co_await authenticate(timer))
        co_return false;
    m_connected = true;
    co_return true;
}

asio::awaitable<std::optional<std::string>> Connection::exchangeLine(std::string request, asio::steady_timer &timer,
                                                                    const char *what)
{
    using namespace asio::experimental::awaitable_operators;
    auto wrote = m_tls ? co_await (asio::async_write(*m_tls, asio::buffer(request), kAsTuple) || timer.async_wait(kAsTuple))
                       : co_await (asio::async_write(m_socket, asio::buffer(request), kAsTuple) || timer.async_wait(kAsTuple));
    if (wrote.index() == 1 || std::get<0>(std::get<0>(wrote))) {
        close(ClientErrc::ConnectFailed, std::string(what) + ": could not write to the server");
        co_return std::nullopt;
    }
    // The server sends nothing else until it has more to answer: reading up
    // to the line's end takes no byte of a later reply.
    std::string line;
    char chunk[512];
    while (line.find("\r\n") == std::string::npos) {
        auto read = m_tls ? co_await (m_tls->async_read_some(asio::buffer(chunk), kAsTuple) || timer.async_wait(kAsTuple))
                          : co_await (m_socket.async_read_some(asio::buffer(chunk), kAsTuple) || timer.async_wait(kAsTuple));
        if (read.index() == 1) {
            close(ClientErrc::ConnectFailed, std::string(what) + ": no answer within "
                                                 + std::to_string(m_options.connectTimeout.count()) + " ms");
            co_return std::nullopt;
        }
        const auto &[ec, n] = std::get<0>(read);
        if (ec || line.size() > 4096) {
            close(ClientErrc::ConnectFailed, std::string(what) + ": " + (ec ? ec.message() : std::string("reply too long")));
            co_return std::nullopt;
        }
        line.append(chunk, n);
    }
    line.resize(line.find("\r\n"));
    co_return line;
}

asio::awaitable<bool> Connection::authenticate(asio::steady_timer &timer)
{
    // memcached -Y (1.6, checked on 1.6.18): until a connection has sent
    // `set <any key> 0 0 <len>\r\n<user> <password>\r\n` and got STORED, every
    // command is answered `CLIENT_ERROR unauthenticated`; wrong credentials
    // get `CLIENT_ERROR authentication failure`. A server without -Y would
    // store that set as an item, password and all: so `version` goes first,
    // and the credentials only to a server that asks for them. Nothing else
    // is sent before the answer (a metadump pipelined behind the set is refused).
    auto first = co_await exchangeLine("version\r\n", timer, "authentication");
    if (!first)
        co_return false;
    if (first->starts_with("VERSION "))
        co_return true; // no authentication on this server: nothing to send
    if (*first != "CLIENT_ERROR unauthenticated") {
        close(ClientErrc::Protocol, "authentication: unexpected reply to version: " + first->substr(0, 200));
        co_return false;
    }
    const auto &c = *m_options.auth;
    const std::string secret = c.user + " " + c.password;
    std::string request = "set ringscope_auth 0 0 " + std::to_string(secret.size()) + "\r\n";
    request += secret;
    request += "\r\n";
    auto answer = co_await exchangeLine(std::move(request), timer, "authentication");
    if (!answer)
        co_return false;
    if (*answer == "STORED")
        co_return true;
    close(ClientErrc::ConnectFailed, *answer == "CLIENT_ERROR authentication failure"
                                         ? "authentication failed for user '" + c.user + "' (memcached -Y)"
                                         : "authentication: unexpected reply " + answer->substr(0, 200));
    co_return false;
}

asio::awaitable<bool> Connection::handshake(asio::steady_timer &timer)
{
    using namespace asio::experimental::awaitable_operators;
    m_tls = std::make_unique<asio::ssl::stream<asio::ip::tcp::socket &>>(m_socket, *m_options.tls);
    // OpenSSL checks that the certificate names this host (or IP) as part of
    // the chain's verification, so a mismatch is reported as one ("hostname
    // mismatch", not a verify callback's unspecified error); a name is also sent as SNI.
    SSL *ssl = m_tls->native_handle();
    asio::error_code notAnAddress;
    asio::ip::make_address(m_host, notAnAddress);
    if (notAnAddress) {
        X509_VERIFY_PARAM_set_hostflags(SSL_get0_param(ssl), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        SSL_set1_host(ssl, m_host.c_str());
        // SNI carries names only, never IP literals (SSL_set_tlsext_host_name, without its macro's cast).
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char *>(m_host.c_str()));
    } else {
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), m_host.c_str());
    }
    auto done = co_await (m_tls->async_handshake(asio::ssl::stream_base::client, kAsTuple) || timer.async_wait(kAsTuple));
    if (done.index() == 1) {
        close(ClientErrc::ConnectFailed, "no TLS handshake within " + std::to_string(m_options.connectTimeout.count())
                                             + " ms (is TLS enabled on the server?)");
        co_return false;
    }
    if (const auto &[ec] = std::get<0>(done); ec) {
        std::string reason = ec.message();
        if (const long verify = SSL_get_verify_result(m_tls->native_handle()); verify != X509_V_OK) {
            reason = X509_verify_cert_error_string(verify);
            if (verify == X509_V_ERR_HOSTNAME_MISMATCH || verify == X509_V_ERR_IP_ADDRESS_MISMATCH)
                reason += " (the server's certificate is not for " + m_host + ")";
        }
        close(ClientErrc::ConnectFailed, "TLS handshake failed: " + reason);
        co_return false;
    }
    co_return true;
}

asio::awaitable<void> Connection::run()
{
    auto self = shared_from_this();
    // The watchdog also covers requests queued while connecting.
    asio::co_spawn(m_io, watchdog(), asio::detached);
    if (!co_await connect())
        co_return;
    if (!m_tls) {
        // Before the first write: read_some/write_some must return
        // would_block, never wait (this is the I/O thread).
        asio::error_code ignored;
        m_socket.non_blocking(true, ignored);
    }
    flush(); // what was queued while connecting
    if (m_tls) {
        co_await reader();
        co_return;
    }
    readAvailable();
}

asio::awaitable<void> Connection::reader()
{
    auto self = shared_from_this();
    while (!m_closed) {
        auto [ec, n] = co_await m_tls->async_read_some(readRoom(), kAsTuple);
        if (readFailed(ec))
            co_return;
        m_bytesRead += n;
        consume(n);
    }
}

void Connection::watchForStall()
{
    if (m_watching || m_closed)
        return;
    m_watching = true;
    m_bytesAtWatch = m_bytesRead;
    m_stallTimer.expires_after(kNudgeAfter);
    m_stallTimer.async_wait([self = shared_from_this()](const asio::error_code &ec) {
        self->m_watching = false;
        if (!ec)
            self->nudgeIfStalled();
    });
}

void Connection::nudgeIfStalled()
{
    if (m_closed || m_inflight.empty())
        return; // nothing awaited: the next write watches again
    // Still writing (a slow server reads a long burst), reading, or nudged
    // already: nothing to do yet but look again.
    if (m_writing || m_nudging || m_bytesRead != m_bytesAtWatch)
        return watchForStall();
    auto nudge = std::make_shared<CallbackRequest>();
    encode::metaNoop(nudge->bytes);
    nudge->expect = Expect::MetaNoop;
    nudge->deadline = m_inflight.back()->deadline; // behind them, not longer than them
    nudge->done = [weak = weak_from_this()](const Outcome &) {
        if (auto self = weak.lock())
            self->m_nudging = false;
    };
    m_nudging = true;
    submit(std::move(nudge));
    watchForStall();
}

void Connection::onReadable(const asio::error_code &ec)
{
    if (m_closed || readFailed(ec))
        return;
    readAvailable();
}

void Connection::readAvailable()
{
    // A blocking client's loop, on a non-blocking socket: read what is
    // there, hand it out (consume() writes what the callbacks asked for),
    // and read again, since a server that shares this core has often
    // answered by the time the write returns. Only a read that finds nothing
    // goes back to the reactor, and then the wait costs no syscall (see
    // ReadableWait): a reply that is not there yet costs the one failed read
    // and the epoll_wait, as for a blocking client's poll().
    // A read that brought many replies (a stream of pipelined ones), or 16
    // reads in a row, yield to the loop first, so that the requests their
    // callbacks made for other servers go out and timers run.
    constexpr std::uint64_t kFewReplies = 4;
    constexpr int kReadsPerTurn = 16;
    for (int i = 0; !m_closed; ++i) {
        asio::error_code ec;
        const std::size_t n = m_socket.read_some(readRoom(), ec);
        if (wouldBlock(ec)) {
            m_readable.start(m_socket, shared_from_this());
            return;
        }
        if (readFailed(ec))
            return;
        const std::uint64_t before = m_delivered;
        consume(n);
        if (m_delivered - before > kFewReplies || i + 1 == kReadsPerTurn) {
            asio::post(m_io, [self = shared_from_this()] { self->readAvailable(); });
            return;
        }
    }
}

asio::mutable_buffer Connection::readRoom()
{
    // Reads go straight into the parser's buffer: no copy per read.
    const auto room = m_parser.space(16 * 1024);
    return asio::buffer(room.data(), room.size());
}

bool Connection::readFailed(const asio::error_code &ec)
{
    if (!ec)
        return false;
    close(ClientErrc::ConnectionLost,
          ec == asio::error::eof ? std::string("the server closed the connection") : "read failed: " + ec.message());
    return true;
}

void Connection::consume(std::size_t n)
{
    m_parser.commit(n);
    m_delivering = true;
    deliver();
    m_delivering = false;
    flush();
}

void Connection::deliver()
{
    while (!m_closed && !m_inflight.empty()) {
        RequestPtr &front = m_inflight.front();
        Outcome outcome; // parsed into in place: the reply is not moved again
        Response &response = outcome.response;
        ProtocolError error;
        const auto status = m_parser.next(front->expect, response, error, front->expectedItems);
        if (status == ResponseParser::Status::NeedMore)
            return;
        if (status == ResponseParser::Status::Failed) {
            close(ClientErrc::Protocol, "bad reply: " + error.message);
            return;
        }
        if (response.reply == Reply::MetadumpEntry && front->entry(response)) {
            if (std::string why = front->overLimit(); !why.empty()) {
                close(ClientErrc::Protocol, why);
                return;
            }
            continue;
        }
        if (std::string problem = front->check(response); !problem.empty()) {
            close(ClientErrc::Protocol, "reply out of step: " + problem);
            return;
        }
        RequestPtr done = std::move(front);
        m_inflight.pop_front();
        ++m_delivered;
        if (m_onReply)
            m_onReply();
        done->complete(std::move(outcome));
        // The vector that held a get's item, emptied by it: the next reply's.
        m_parser.recycle(std::move(outcome.response.items));
    }
    if (!m_closed && m_inflight.empty() && m_parser.buffered() > 0)
        close(ClientErrc::Protocol, "the server sent a reply to a request that was never made");
}

asio::awaitable<void> Connection::watchdog()
{
    auto self = shared_from_this();
    while (!m_closed) {
        auto earliest = m_writeDeadline;
        for (const auto &r : m_inflight)
            earliest = std::min(earliest, r->deadline);
        for (const auto &u : m_unsent)
            earliest = std::min(earliest, u.deadline);
        // Idle: look again in a second rather than sleeping for ever, so that
        // the next request rarely has to wake the timer.
        m_deadlineTimer.expires_at(earliest == Clock::time_point::max() ? Clock::now() + std::chrono::seconds(1)
                                                                        : earliest);
        const std::uint64_t flushes = m_flushes;
        co_await m_deadlineTimer.async_wait(kAsTuple);
        if (m_closed)
            co_return;
        if (earliest == Clock::time_point::max() && flushes == m_flushes)
            releaseRoom(); // nothing written for a second
        const auto now = Clock::now();
        for (const auto &r : m_inflight) {
            if (r->deadline <= now) {
                // Its reply may still come; the stream can no longer be trusted.
                close(ClientErrc::Timeout, "no reply before the deadline");
                co_return;
            }
        }
        if (m_writing && m_writeDeadline <= now) {
            // Noreply writes the server has not read: it has stopped.
            close(ClientErrc::Timeout, "the server read nothing of a write for "
                                           + std::to_string(m_noReplyTimeout.count()) + " ms");
            co_return;
        }
        // Not yet on the wire (still connecting, or behind a write that
        // waits on a full socket): fail just those. Taken out first: a
        // callback may close this connection, which empties the queue.
        auto expired = takeExpired(now);
        const std::string why = m_address + (m_connected ? ": waited too long in the queue, never sent"
                                                          : ": deadline passed while connecting, never sent");
        for (auto &u : expired)
            failUnsent(u, ClientErrc::Timeout, why);
    }
}

} // namespace ringscope::core
