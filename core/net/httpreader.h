#pragma once

#include "core/distribution/server.h"
#include "core/net/outcome.h"

#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ringscope::core {

// Reads keys through an HTTP front end to memcached: nginx with
// `set $memcached_key $arg_key; memcached_pass …;` answers GET /?key=K with
// 200 and the value, or 404 on a miss. A few keep-alive connections, one
// request at a time on each, a deadline per request. I/O thread only.
class HttpReader : public std::enable_shared_from_this<HttpReader> {
public:
    struct Options {
        std::size_t connections = 4;
        std::chrono::milliseconds timeout{500};
        std::size_t maxBody = 1024 * 1024;
    };
    using Done = std::function<void(ClientError, std::optional<std::string>)>;

    HttpReader(asio::io_context &io, Server server, Options options);
    void get(std::string key, Done done);
    void shutdown();
    std::size_t outstanding() const noexcept { return m_queue.size() + m_busy; }

    // "/?key=" and the key as it is, or nothing for a key nginx could not
    // pass on unchanged (it does not URL-decode $arg_key).
    static std::optional<std::string> target(std::string_view key);

private:
    struct Request {
        std::string key;
        Done done;
        Clock::time_point deadline;
    };
    struct Link;
    void pump();
    void send(const std::shared_ptr<Link> &link, Request request);
    void readHead(const std::shared_ptr<Link> &link);
    void finish(const std::shared_ptr<Link> &link, ClientError error, std::optional<std::string> value);

    asio::io_context &m_io;
    Server m_server;
    Options m_options;
    std::vector<std::shared_ptr<Link>> m_links;
    std::deque<Request> m_queue;
    std::size_t m_busy = 0;
    bool m_shutdown = false;
};

} // namespace ringscope::core
