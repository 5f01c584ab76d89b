// What two equal clients look like in bench_client's pairs: the floor under
// its ratios on this machine. Two minimal get loops, with nothing between the
// reply and the next request (a blocking client's loop on a non-blocking
// socket, like libmemcached's): one waits with poll() on the main thread, as
// libmemcached does; the other with edge-triggered epoll on a second thread,
// as RingScope's I/O thread does. Each round is a pair of runs in turns, as in
// bench_client; prints the median of the pairs' ratios and its quartiles.
// Prints figures, never fails.
// Usage: bench_floor HOST:PORT [ROUNDS]   (pin it and the server as bench_client's script does)
#include "tests/bench/quantile.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using ringscope::bench::quantile;

constexpr int kOps = 20000; // as bench_client's sequential gets

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "bench_floor: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

int connectTo(const std::string &host, int port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    if (s < 0 || ::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1)
        die("socket or address");
    if (::connect(s, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
        die("connect");
    const int one = 1;
    ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(s, F_SETFL, O_NONBLOCK);
    return s;
}

// One get's reply, read whole: recv until it ends in END, waiting with
// `wait` whenever a read finds nothing.
template <typename Wait>
void reply(int s, Wait &&wait)
{
    static thread_local char buffer[16384];
    std::size_t got = 0;
    while (true) {
        const ssize_t n = ::recv(s, buffer + got, sizeof buffer - got, 0);
        if (n > 0) {
            got += static_cast<std::size_t>(n);
            if (got >= 5 && std::memcmp(buffer + got - 5, "END\r\n", 5) == 0)
                return;
        } else if (n < 0 && errno == EAGAIN) {
            wait();
        } else {
            die("recv");
        }
    }
}

template <typename Wait>
double loop(int s, Wait &&wait)
{
    static constexpr char kGet[] = "get floor:1\r\n";
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kOps; ++i) {
        if (::send(s, kGet, sizeof kGet - 1, MSG_NOSIGNAL) != static_cast<ssize_t>(sizeof kGet - 1))
            die("send");
        reply(s, wait);
    }
    return kOps / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double pollOnMain(int s)
{
    return loop(s, [s] {
        pollfd p{s, POLLIN, 0};
        ::poll(&p, 1, -1);
    });
}

double epollOnAThread(int s, int epoll)
{
    double rate = 0;
    std::thread([&] {
        rate = loop(s, [epoll] {
            epoll_event events[8];
            ::epoll_wait(epoll, events, 8, -1);
        });
    }).join();
    return rate;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_floor HOST:PORT [ROUNDS]\n");
        return 2;
    }
    const std::string spec = argv[1];
    const auto colon = spec.rfind(':');
    const std::string host = spec.substr(0, colon);
    const int port = std::atoi(spec.c_str() + colon + 1);
    const int rounds = std::max(1, argc > 2 ? std::atoi(argv[2]) : 21);

    const int polled = connectTo(host, port);
    const int epolled = connectTo(host, port);
    // The key both read: 100 bytes, as bench_client's values.
    const std::string set = "set floor:1 0 0 100\r\n" + std::string(100, 'v') + "\r\n";
    if (::send(polled, set.data(), set.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(set.size()))
        die("send");
    pollfd p{polled, POLLIN, 0};
    ::poll(&p, 1, 5000);
    char stored[64];
    if (::recv(polled, stored, sizeof stored, 0) <= 0)
        die("no reply to the set");
    const int epoll = ::epoll_create1(0);
    epoll_event watch{};
    watch.events = EPOLLIN | EPOLLET;
    watch.data.fd = epolled;
    if (epoll < 0 || ::epoll_ctl(epoll, EPOLL_CTL_ADD, epolled, &watch) != 0)
        die("epoll");

    std::vector<double> a, b, ratios;
    for (int r = 0; r < rounds; ++r) {
        double x, y;
        if (r % 2 == 0) {
            x = epollOnAThread(epolled, epoll);
            y = pollOnMain(polled);
        } else {
            y = pollOnMain(polled);
            x = epollOnAThread(epolled, epoll);
        }
        a.push_back(x);
        b.push_back(y);
        ratios.push_back(x / y);
    }
    std::printf("two minimal clients, %d pairs: epoll on a thread %.0f/s, poll on the main thread %.0f/s, "
                "ratio %.3fx [%.3f-%.3f]\n",
                rounds, quantile(a, 0.5), quantile(b, 0.5), quantile(ratios, 0.5), quantile(ratios, 0.25),
                quantile(ratios, 0.75));
    ::close(epoll);
    ::close(epolled);
    ::close(polled);
    return 0;
}
