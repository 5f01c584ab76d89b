/* What a client adds to a round trip: the time from being woken (the return
 * of an epoll_wait or poll that found something) to its next send, read with
 * rdtsc. An LD_PRELOAD library for bench_client's one-sided figures; at exit
 * it prints the medians and quartiles of that time and of send -> wake (the
 * wait for the server and the wake-up) to stderr. x86-64 only.
 *
 *   SHIM_GHZ=$(awk '/MHz/ {print $4 / 1000; exit}' /proc/cpuinfo) \
 *   LD_PRELOAD=build/dev/tests/bench/libwake_to_send_shim.so \
 *   taskset -c 0 build/dev/tests/bench/bench_client 127.0.0.1:PORT 4 ours-get
 *
 * One thread is timed at a time (the one that sends); a benchmark, never a test. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <x86intrin.h>

enum { kCapacity = 4000000 };
static __thread unsigned long long t_woke, t_sent;
static unsigned long long *g_toSend, *g_toWake;
static size_t g_sends, g_wakes;

static void *next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) {
        fprintf(stderr, "wake_to_send_shim: no %s\n", name);
        abort();
    }
    return f;
}

static void woken(int found)
{
    const unsigned long long now = __rdtsc();
    t_woke = found > 0 ? now : 0;
    if (found > 0 && t_sent && g_toWake && g_wakes < kCapacity)
        g_toWake[g_wakes++] = now - t_sent;
    if (found > 0)
        t_sent = 0;
}

static void sending(void)
{
    const unsigned long long now = __rdtsc();
    if (t_woke && g_toSend && g_sends < kCapacity)
        g_toSend[g_sends++] = now - t_woke;
    t_woke = 0;
    t_sent = now;
}

int epoll_wait(int epfd, struct epoll_event *events, int max, int timeout)
{
    static int (*real)(int, struct epoll_event *, int, int);
    if (!real)
        real = (int (*)(int, struct epoll_event *, int, int))next("epoll_wait");
    const int n = real(epfd, events, max, timeout);
    woken(n);
    return n;
}

int poll(struct pollfd *fds, nfds_t count, int timeout)
{
    static int (*real)(struct pollfd *, nfds_t, int);
    if (!real)
        real = (int (*)(struct pollfd *, nfds_t, int))next("poll");
    const int n = real(fds, count, timeout);
    woken(n);
    return n;
}

ssize_t send(int fd, const void *buffer, size_t length, int flags)
{
    static ssize_t (*real)(int, const void *, size_t, int);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t, int))next("send");
    sending();
    return real(fd, buffer, length, flags);
}

ssize_t sendto(int fd, const void *buffer, size_t length, int flags, const struct sockaddr *to, socklen_t size)
{
    static ssize_t (*real)(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t, int, const struct sockaddr *, socklen_t))next("sendto");
    sending();
    return real(fd, buffer, length, flags, to, size);
}

ssize_t sendmsg(int fd, const struct msghdr *message, int flags)
{
    static ssize_t (*real)(int, const struct msghdr *, int);
    if (!real)
        real = (ssize_t (*)(int, const struct msghdr *, int))next("sendmsg");
    sending();
    return real(fd, message, flags);
}

static int compare(const void *a, const void *b)
{
    const unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, unsigned long long *v, size_t n, double ghz)
{
    if (n == 0)
        return;
    qsort(v, n, sizeof *v, compare);
    fprintf(stderr, "%s: %zu, median %.3f us [%.3f-%.3f]\n", what, n, (double)v[n / 2] / ghz / 1000,
            (double)v[n / 4] / ghz / 1000, (double)v[3 * n / 4] / ghz / 1000);
}

__attribute__((constructor)) static void start(void)
{
    g_toSend = malloc(kCapacity * sizeof *g_toSend);
    g_toWake = malloc(kCapacity * sizeof *g_toWake);
}

__attribute__((destructor)) static void finish(void)
{
    const char *ghz = getenv("SHIM_GHZ");
    const double rate = ghz ? atof(ghz) : 1.0;
    if (!ghz)
        fprintf(stderr, "wake_to_send_shim: SHIM_GHZ unset, figures are in thousands of TSC ticks\n");
    report("woken -> send", g_toSend, g_sends, rate > 0 ? rate : 1.0);
    report("send -> woken", g_toWake, g_wakes, rate > 0 ? rate : 1.0);
}
