#pragma once

#include "core/config/serverspec.h"
#include "core/distribution/server.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ringscope::core {

// How nginx spreads the reads it passes to memcached (`memcached_pass`).
enum class NginxPolicy : std::uint8_t { RoundRobin, LeastConn, Hash };
const char *nginxPolicyName(NginxPolicy policy) noexcept; // nginx-rr, nginx-least-conn, nginx-hash
std::optional<NginxPolicy> parseNginxPolicy(std::string_view text) noexcept;

// A demo cluster of real memcached processes that RingScope starts itself, on
// 127.0.0.1 with free ports and UDP off. It only ever signals processes it
// started (their pids are its own children), and takes them all down when it
// goes away; each child also dies with the thread that started it
// (PR_SET_PDEATHSIG), so a crash leaves no orphans. Linux only.
class DemoCluster {
public:
    enum class ProcessState { Running, Paused, Stopped, Killed };

    struct Node {
        Server server;
        pid_t pid = -1;
        ProcessState state = ProcessState::Stopped;
    };

    struct Options {
        std::string memcached; // path; empty: found on PATH or in /usr/bin, /usr/sbin
        unsigned memoryMb = 64;
        std::chrono::milliseconds startTimeout{5000};
    };

    DemoCluster();
    explicit DemoCluster(Options options);
    ~DemoCluster();
    DemoCluster(const DemoCluster &) = delete;
    DemoCluster &operator=(const DemoCluster &) = delete;

    // The memcached binary, or an error that says which package to install.
    // `searchPath` (':'-separated directories) replaces PATH and the system
    // directories, so that tests can ask a machine that has memcached.
    static Parsed<std::string> findMemcached(const std::string &hint = {}, const std::string &searchPath = {});

    // Starts one more server; its index, or an error.
    Parsed<std::size_t> addServer();
    Parsed<std::size_t> start(std::size_t count); // the first new index

    std::string stop(std::size_t index);    // SIGTERM, clean exit
    std::string kill(std::size_t index);    // SIGKILL: a crash
    std::string pause(std::size_t index);   // SIGSTOP: a hang
    std::string resume(std::size_t index);  // SIGCONT
    std::string restart(std::size_t index); // a fresh, empty process on the same port
    void stopAll();

    // A real nutcracker (twemproxy) in front of the running servers, with a
    // generated pool (`hash`, `distribution`: ketama or modula); returns its
    // listen address. The pool's config file is kept for `@file.yml#demo`.
    Parsed<Server> startTwemproxy(const std::string &hash = "fnv1a_64", const std::string &distribution = "ketama");
    // A real nginx in front of the servers: GET /?key=K reads K through an
    // upstream with the policy (round-robin, least_conn, or `hash $arg_key
    // consistent`). nginx's memcached module only reads: writes go to the
    // servers directly. Returns its listen address.
    Parsed<Server> startNginx(NginxPolicy policy);
    // After addServer(): the proxy's pool is written again with every server
    // started so far and the proxy restarted on the same port (nutcracker
    // cannot reload a pool), so that it sends keys to the new server too.
    // Connections through it close once. Its address, or an error.
    Parsed<Server> reconfigureProxy();
    const std::string &proxyConfig() const noexcept { return m_proxyConfig; }
    const std::string &twemproxyConfig() const noexcept { return m_proxyConfig; }
    const Node &proxy() const noexcept { return m_proxy; }

    const std::vector<Node> &nodes() const noexcept { return m_nodes; }
    ServerList servers() const; // every node ever started, in order
    std::string spec() const;   // "127.0.0.1:p1,127.0.0.1:p2,…"
    bool owns(pid_t pid) const noexcept;

private:
    std::string launch(Node &node);
    pid_t spawn(const std::string &binary, std::vector<std::string> args);
    std::string signalNode(std::size_t index, int sig, ProcessState next);
    void reap(Node &node, std::chrono::milliseconds wait);
    std::string makeProxyDir(const char *name);
    Parsed<Server> awaitProxy(const std::string &name, const std::string &log);
    static bool writeFile(const std::string &path, const std::string &text);

    Options m_options;
    std::string m_binary;
    std::vector<Node> m_nodes;
    Node m_proxy;               // nutcracker or nginx, when started
    std::string m_proxyDir;     // its config, log and pid file
    std::string m_proxyConfig;
    // Writes the proxy's config from m_nodes and starts it on its port.
    std::function<Parsed<Server>()> m_launchProxy;
};

} // namespace ringscope::core
