#include "core/net/httpreader.h"

#include <asio/connect.hpp>
#include <asio/read.hpp>
#include <asio/read_until.hpp>
#include <asio/write.hpp>

#include <charconv>

namespace ringscope::core {

struct HttpReader::Link {
    explicit Link(asio::io_context &io) : socket(io), timer(io) {}
    asio::ip::tcp::socket socket;
    asio::steady_timer timer;
    std::string buffer, request;
    bool connected = false, busy = false, expired = false;
    std::uint64_t generation = 0;
    Request current;
};

namespace {

// The value of header `name` (lower case) in an HTTP head, or empty.
std::string_view header(std::string_view head, std::string_view name)
{
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos && at + 2 < head.size()) {
        const std::size_t start = at + 2;
        const std::size_t end = head.find("\r\n", start);
        const std::string_view line = head.substr(start, end == std::string_view::npos ? head.npos : end - start);
        const auto colon = line.find(':');
        if (colon == name.size()) {
            bool same = true;
            for (std::size_t i = 0; i < colon && same; ++i)
                same = static_cast<char>(std::tolower(static_cast<unsigned char>(line[i]))) == name[i];
            if (same) {
                std::string_view v = line.substr(colon + 1);
                while (!v.empty() && v.front() == ' ')
                    v.remove_prefix(1);
                return v;
            }
        }
        at = end;
    }
    return {};
}

} // namespace

HttpReader::HttpReader(asio::io_context &io, Server server, Options options)
    : m_io(io)
    , m_server(std::move(server))
    , m_options(options)
{
}

std::optional<std::string> HttpReader::target(std::string_view key)
{
    // nginx does not URL-decode $arg_key: the key must travel as its own
    // bytes, so the few that would end or change the argument cannot.
    for (const char ch : key) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f || ch == '&' || ch == '#' || ch == '%' || ch == '?')
            return std::nullopt;
    }
    if (key.empty())
        return std::nullopt;
    return "/?key=" + std::string(key);
}

void HttpReader::get(std::string key, Done done)
{
    if (m_shutdown)
        return done({ClientErrc::Cancelled, "the reader is shutting down"}, std::nullopt);
    if (!target(key))
        return done({ClientErrc::InvalidKey, "'" + key + "' cannot be read through nginx: $arg_key is not URL-decoded, "
                                                 "and the key has a byte (space, control, & # % ?) that a URL cannot carry as it is"},
                    std::nullopt);
    m_queue.push_back({std::move(key), std::move(done), Clock::now() + m_options.timeout});
    pump();
}

void HttpReader::shutdown()
{
    m_shutdown = true;
    for (auto &link : m_links) {
        std::error_code ignored;
        link->timer.cancel();
        link->socket.close(ignored);
    }
    while (!m_queue.empty()) {
        auto r = std::move(m_queue.front());
        m_queue.pop_front();
        r.done({ClientErrc::Cancelled, "the reader is shutting down"}, std::nullopt);
    }
}

void HttpReader::pump()
{
    while (!m_queue.empty() && !m_shutdown) {
        std::shared_ptr<Link> idle;
        for (auto &link : m_links)
            if (!link->busy) {
                idle = link;
                break;
            }
        if (!idle && m_links.size() < std::max<std::size_t>(1, m_options.connections))
            idle = m_links.emplace_back(std::make_shared<Link>(m_io));
        if (!idle)
            return;
        Request r = std::move(m_queue.front());
        m_queue.pop_front();
        if (Clock::now() >= r.deadline) {
            r.done({ClientErrc::Timeout, "no free connection to " + m_server.address() + " before the deadline"}, std::nullopt);
            continue;
        }
        send(idle, std::move(r));
    }
}

void HttpReader::send(const std::shared_ptr<Link> &link, Request request)
{
    link->busy = true;
    link->expired = false;
    ++m_busy;
    const std::uint64_t generation = ++link->generation;
    link->request = "GET " + *target(request.key) + " HTTP/1.1\r\nHost: " + m_server.host + "\r\n\r\n";
    link->timer.expires_at(request.deadline);
    link->current = std::move(request);
    auto self = shared_from_this();
    link->timer.async_wait([self, link, generation](std::error_code ec) {
        if (ec || link->generation != generation || !link->busy)
            return;
        link->expired = true;
        std::error_code ignored;
        link->socket.close(ignored); // the pending read or write ends with an error
    });
    auto write = [self, link] {
        asio::async_write(link->socket, asio::buffer(link->request), [self, link](std::error_code ec, std::size_t) {
            if (ec)
                return self->finish(link, {link->expired ? ClientErrc::Timeout : ClientErrc::ConnectionLost, ec.message()}, std::nullopt);
            self->readHead(link);
        });
    };
    if (link->connected)
        return write();
    std::error_code ec;
    const auto address = asio::ip::make_address(m_server.host, ec);
    if (ec)
        return finish(link, {ClientErrc::ConnectFailed, "'" + m_server.host + "' is not an IP address"}, std::nullopt);
    link->buffer.clear();
    link->socket.async_connect({address, m_server.port}, [self, link, write](std::error_code e) {
        if (e)
            return self->finish(link, {link->expired ? ClientErrc::Timeout : ClientErrc::ConnectFailed,
                                       self->m_server.address() + ": " + e.message()},
                                std::nullopt);
        link->connected = true;
        std::error_code ignored;
        link->socket.set_option(asio::ip::tcp::no_delay(true), ignored);
        write();
    });
}

void HttpReader::readHead(const std::shared_ptr<Link> &link)
{
    auto self = shared_from_this();
    asio::async_read_until(link->socket, asio::dynamic_buffer(link->buffer, 64 * 1024), "\r\n\r\n",
                           [self, link](std::error_code ec, std::size_t headLength) {
        if (ec)
            return self->finish(link, {link->expired ? ClientErrc::Timeout : ClientErrc::ConnectionLost, ec.message()}, std::nullopt);
        const std::string head = link->buffer.substr(0, headLength);
        link->buffer.erase(0, headLength);
        int status = 0;
        if (head.rfind("HTTP/1.", 0) != 0 || head.size() < 12
            || std::from_chars(head.data() + 9, head.data() + 12, status).ec != std::errc{})
            return self->finish(link, {ClientErrc::Protocol, "not an HTTP reply from " + self->m_server.address()}, std::nullopt);
        std::size_t length = 0;
        const std::string_view lengthText = header(head, "content-length");
        if (std::from_chars(lengthText.data(), lengthText.data() + lengthText.size(), length).ec != std::errc{}
            || length > self->m_options.maxBody)
            return self->finish(link, {ClientErrc::Protocol, "no usable Content-Length in the reply"}, std::nullopt);
        const bool close = header(head, "connection") == "close";
        auto complete = [self, link, status, length, close, head] {
            std::string body = link->buffer.substr(0, length);
            link->buffer.erase(0, length);
            if (close) {
                std::error_code ignored;
                link->socket.close(ignored);
                link->connected = false;
            }
            if (status == 200)
                return self->finish(link, {}, std::move(body));
            if (status == 404)
                return self->finish(link, {}, std::nullopt);
            const auto eol = head.find("\r\n");
            self->finish(link, {ClientErrc::Protocol, self->m_server.address() + " answered " + head.substr(9, eol - 9)},
                         std::nullopt);
        };
        if (link->buffer.size() >= length)
            return complete();
        asio::async_read(link->socket, asio::dynamic_buffer(link->buffer), asio::transfer_exactly(length - link->buffer.size()),
                         [self, link, complete](std::error_code e, std::size_t) {
                             if (e)
                                 return self->finish(link, {link->expired ? ClientErrc::Timeout : ClientErrc::ConnectionLost,
                                                            e.message()},
                                                     std::nullopt);
                             complete();
                         });
    });
}

void HttpReader::finish(const std::shared_ptr<Link> &link, ClientError error, std::optional<std::string> value)
{
    ++link->generation; // a timer that fires late finds another generation
    link->timer.cancel();
    link->busy = false;
    --m_busy;
    if (error) {
        std::error_code ignored;
        link->socket.close(ignored);
        link->connected = false;
        link->buffer.clear();
    }
    auto done = std::move(link->current.done);
    link->current = {};
    if (done)
        done(std::move(error), std::move(value));
    pump();
}

} // namespace ringscope::core
