#include "core/local/democluster.h"

#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace ringscope::core {
namespace {

// Whether every thread of `pid` is stopped ('T' in /proc/PID/task/*/stat),
// or, with `stopped` false, none is.
bool allThreads(pid_t pid, bool stopped)
{
    std::error_code ec;
    for (const auto &task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream in(task.path() / "stat");
        std::string line;
        std::getline(in, line);
        const auto close = line.rfind(')');
        if (close == std::string::npos || close + 2 >= line.size())
            continue; // the thread ended meanwhile
        if ((line[close + 2] == 'T') != stopped)
            return false;
    }
    return !ec;
}

// kill() returns before the signal has taken effect in every thread: wait
// (briefly) until it has, so that "paused" means no reply can slip out.
void settle(pid_t pid, bool stopped)
{
    for (int i = 0; i < 2000 && !allThreads(pid, stopped); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

std::uint16_t freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    std::uint16_t port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

// The pid a memcached on 127.0.0.1:port reports in `stats`, or -1.
long statsPid(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    long pid = -1;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        const char request[] = "stats\r\n";
        (void)::send(fd, request, sizeof request - 1, MSG_NOSIGNAL);
        std::string reply;
        char buf[4096];
        while (reply.find("END\r\n") == std::string::npos) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 500) <= 0)
                break;
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            reply.append(buf, static_cast<std::size_t>(n));
        }
        if (const auto at = reply.find("STAT pid "); at != std::string::npos)
            pid = std::strtol(reply.c_str() + at + 9, nullptr, 10);
    }
    ::close(fd);
    return pid;
}

bool executable(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

} // namespace

DemoCluster::DemoCluster()
    : DemoCluster(Options{})
{
}

DemoCluster::DemoCluster(Options options)
    : m_options(std::move(options))
{
}

DemoCluster::~DemoCluster()
{
    stopAll();
}

Parsed<std::string> DemoCluster::findMemcached(const std::string &hint, const std::string &searchPath)
{
    if (!hint.empty())
        return executable(hint) ? Parsed<std::string>{hint, {}}
                                : Parsed<std::string>{std::nullopt, hint + " is not an executable memcached"};
    std::string path = searchPath;
    if (path.empty()) {
        path = std::getenv("PATH") ? std::getenv("PATH") : "";
        path += ":/usr/bin:/usr/sbin:/usr/local/bin";
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto colon = path.find(':', start);
        const std::string dir = path.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!dir.empty() && executable(dir + "/memcached"))
            return {dir + "/memcached", {}};
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    return {std::nullopt, "memcached is not installed: install the Debian package 'memcached' "
                          "(sudo apt-get install memcached)"};
}

pid_t DemoCluster::spawn(const std::string &binary, std::vector<std::string> args)
{
    // memcached refuses to run as root without -u; as anyone else, -u is moot.
    if (::geteuid() != 0)
        for (std::size_t i = 0; i + 1 < args.size(); ++i)
            if (args[i] == "-u") {
                args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
                break;
            }
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(binary.c_str()));
    for (auto &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // The child: die with the thread that started it, keep quiet, exec.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(1);
        const int devnull = ::open("/dev/null", O_RDWR);
        ::dup2(devnull, STDIN_FILENO);
        ::dup2(devnull, STDOUT_FILENO);
        ::dup2(devnull, STDERR_FILENO);
        ::execv(binary.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

std::string DemoCluster::launch(Node &node)
{
    const std::string port = std::to_string(node.server.port);
    const std::string memory = std::to_string(m_options.memoryMb);
    // memcached refuses to run as root without -u. "-u root" keeps the
    // effective uid as it is: switching to another user would clear the
    // parent-death signal spawn() sets, and a crash of ours would leave orphans.
    const std::vector<std::string> args{"-l", "127.0.0.1", "-p", port, "-U", "0", "-m", memory,
                                        "-c", "1024", "-u", "root"};
    const pid_t pid = spawn(m_binary, args);
    if (pid < 0)
        return std::string("cannot start memcached: ") + std::strerror(errno);
    node.pid = pid;
    const auto deadline = std::chrono::steady_clock::now() + m_options.startTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            node.pid = -1;
            node.state = ProcessState::Stopped;
            return "memcached on port " + port + " exited at start (port taken?)";
        }
        // Answering is not enough: it must be *our* process on that port.
        if (statsPid(node.server.port) == pid) {
            node.state = ProcessState::Running;
            return {};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid, SIGKILL);
    reap(node, std::chrono::milliseconds(1000));
    return "memcached on port " + port + " did not answer within "
        + std::to_string(m_options.startTimeout.count()) + " ms";
}

Parsed<std::size_t> DemoCluster::addServer()
{
    if (m_binary.empty()) {
        auto found = findMemcached(m_options.memcached);
        if (!found)
            return {std::nullopt, found.error};
        m_binary = *found.value;
    }
    std::string error;
    for (int attempt = 0; attempt < 5; ++attempt) {
        Node node;
        node.server = {"127.0.0.1", freePort(), 1, {}};
        error = launch(node);
        if (error.empty()) {
            m_nodes.push_back(node);
            return {m_nodes.size() - 1, {}};
        }
    }
    return {std::nullopt, error};
}

Parsed<std::size_t> DemoCluster::start(std::size_t count)
{
    const std::size_t first = m_nodes.size();
    for (std::size_t i = 0; i < count; ++i)
        if (auto r = addServer(); !r)
            return {std::nullopt, r.error};
    return {first, {}};
}

void DemoCluster::reap(Node &node, std::chrono::milliseconds wait)
{
    if (node.pid <= 0)
        return;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    int status = 0;
    while (::waitpid(node.pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(node.pid, SIGKILL);
            ::waitpid(node.pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    node.pid = -1;
}

std::string DemoCluster::signalNode(std::size_t index, int sig, ProcessState next)
{
    if (index >= m_nodes.size())
        return "no server " + std::to_string(index) + " in the local cluster";
    Node &node = m_nodes[index];
    if (node.pid <= 0)
        return node.server.address() + " is not running";
    if (::kill(node.pid, sig) != 0)
        return node.server.address() + ": " + std::strerror(errno);
    node.state = next;
    if (sig == SIGSTOP || sig == SIGCONT)
        settle(node.pid, sig == SIGSTOP);
    if (sig == SIGTERM || sig == SIGKILL) {
        if (sig == SIGTERM)
            ::kill(node.pid, SIGCONT); // a paused process cannot act on SIGTERM
        reap(node, std::chrono::milliseconds(3000));
    }
    return {};
}

std::string DemoCluster::stop(std::size_t index)
{
    return signalNode(index, SIGTERM, ProcessState::Stopped);
}

std::string DemoCluster::kill(std::size_t index)
{
    return signalNode(index, SIGKILL, ProcessState::Killed);
}

std::string DemoCluster::pause(std::size_t index)
{
    return signalNode(index, SIGSTOP, ProcessState::Paused);
}

std::string DemoCluster::resume(std::size_t index)
{
    return signalNode(index, SIGCONT, ProcessState::Running);
}

std::string DemoCluster::restart(std::size_t index)
{
    if (index >= m_nodes.size())
        return "no server " + std::to_string(index) + " in the local cluster";
    if (m_nodes[index].pid > 0)
        signalNode(index, SIGKILL, ProcessState::Killed);
    return launch(m_nodes[index]);
}

std::string DemoCluster::makeProxyDir(const char *name)
{
    if (m_proxy.pid > 0)
        return "a proxy is already running in front of the demo cluster";
    if (m_nodes.empty())
        return "start the servers before the proxy";
    std::string dirTemplate = std::string("/tmp/ringscope-") + name + "-XXXXXX";
    if (!::mkdtemp(dirTemplate.data()))
        return std::string("cannot make a directory for ") + name + ": " + std::strerror(errno);
    m_proxyDir = dirTemplate;
    return {};
}

bool DemoCluster::writeFile(const std::string &path, const std::string &text)
{
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return false;
    const bool ok = std::fputs(text.c_str(), f) >= 0;
    return std::fclose(f) == 0 && ok;
}

// Waits until the proxy just spawned listens on its port, or says why not.
Parsed<Server> DemoCluster::awaitProxy(const std::string &name, const std::string &log)
{
    if (m_proxy.pid < 0)
        return {std::nullopt, "cannot start " + name + ": " + std::strerror(errno)};
    const auto deadline = std::chrono::steady_clock::now() + m_options.startTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(m_proxy.pid, &status, WNOHANG) == m_proxy.pid) {
            m_proxy.pid = -1;
            return {std::nullopt, name + " exited at start; see " + log};
        }
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(m_proxy.server.port);
        const bool up = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
        ::close(fd);
        if (up) {
            m_proxy.state = ProcessState::Running;
            return {m_proxy.server, {}};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(m_proxy.pid, SIGKILL);
    reap(m_proxy, std::chrono::milliseconds(1000));
    return {std::nullopt, name + " did not listen within the start timeout"};
}

Parsed<Server> DemoCluster::startTwemproxy(const std::string &hash, const std::string &distribution)
{
    std::string binary;
    for (const char *candidate : {"/usr/sbin/nutcracker", "/usr/bin/nutcracker", "/usr/local/sbin/nutcracker"})
        if (executable(candidate))
            binary = candidate;
    if (binary.empty())
        return {std::nullopt, "nutcracker is not installed: install the Debian package 'nutcracker' "
                              "(sudo apt-get install nutcracker)"};
    if (auto e = makeProxyDir("twemproxy"); !e.empty())
        return {std::nullopt, e};
    m_launchProxy = [this, binary, hash, distribution, port = freePort()]() -> Parsed<Server> {
        std::string yml = "demo:\n  listen: 127.0.0.1:" + std::to_string(port) + "\n  hash: " + hash
            + "\n  distribution: " + distribution + "\n  auto_eject_hosts: false\n  timeout: 400\n  servers:\n";
        for (const auto &n : m_nodes)
            yml += "   - " + n.server.address() + ":" + std::to_string(n.server.weight) + "\n";
        m_proxyConfig = m_proxyDir + "/nutcracker.yml";
        if (!writeFile(m_proxyConfig, yml))
            return {std::nullopt, "cannot write " + m_proxyConfig};
        m_proxy.server = {"127.0.0.1", port, 1, "twemproxy"};
        m_proxy.pid = spawn(binary, {"-c", m_proxyConfig, "-s", std::to_string(freePort()), "-a", "127.0.0.1", "-o",
                                     m_proxyDir + "/nutcracker.log", "-p", m_proxyDir + "/nutcracker.pid"});
        return awaitProxy("nutcracker", m_proxyDir + "/nutcracker.log");
    };
    return m_launchProxy();
}

Parsed<Server> DemoCluster::reconfigureProxy()
{
    if (!m_launchProxy || m_proxy.pid <= 0)
        return {std::nullopt, "no proxy is running in front of the demo cluster"};
    ::kill(m_proxy.pid, SIGTERM);
    reap(m_proxy, std::chrono::milliseconds(2000));
    return m_launchProxy();
}

const char *nginxPolicyName(NginxPolicy policy) noexcept
{
    static constexpr const char *kNames[] = {"nginx-rr", "nginx-least-conn", "nginx-hash"};
    return kNames[static_cast<std::size_t>(policy)];
}

std::optional<NginxPolicy> parseNginxPolicy(std::string_view text) noexcept
{
    for (const auto p : {NginxPolicy::RoundRobin, NginxPolicy::LeastConn, NginxPolicy::Hash})
        if (text == nginxPolicyName(p))
            return p;
    return std::nullopt;
}

Parsed<Server> DemoCluster::startNginx(NginxPolicy policy)
{
    std::string binary;
    for (const char *candidate : {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"})
        if (executable(candidate))
            binary = candidate;
    if (binary.empty())
        return {std::nullopt, "nginx is not installed: install the Debian package 'nginx-light' "
                              "(sudo apt-get install nginx-light)"};
    if (auto e = makeProxyDir("nginx"); !e.empty())
        return {std::nullopt, e};
    m_launchProxy = [this, binary, policy, port = freePort()]() -> Parsed<Server> {
        const std::string &d = m_proxyDir;
        // One process (master_process off), so a signal to its pid reaches all of it.
        std::string conf = "daemon off;\nmaster_process off;\nworker_processes 1;\npid " + d + "/nginx.pid;\n"
            "error_log " + d + "/error.log warn;\nevents { worker_connections 1024; }\n"
            "http {\n  access_log off;\n  keepalive_requests 1000000;\n"
            "  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d + "/proxy;\n"
            "  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " + d + "/scgi;\n"
            "  upstream memcached_servers {\n";
        if (policy == NginxPolicy::LeastConn)
            conf += "    least_conn;\n";
        else if (policy == NginxPolicy::Hash)
            conf += "    hash $arg_key consistent;\n";
        for (const auto &n : m_nodes)
            conf += "    server " + n.server.address() + " weight=" + std::to_string(n.server.weight) + ";\n";
        conf += "    keepalive 32;\n  }\n  server {\n    listen 127.0.0.1:" + std::to_string(port) + ";\n"
            "    location / {\n      set $memcached_key $arg_key;\n      memcached_pass memcached_servers;\n"
            "      memcached_next_upstream error timeout;\n      default_type application/octet-stream;\n    }\n  }\n}\n";
        m_proxyConfig = d + "/nginx.conf";
        if (!writeFile(m_proxyConfig, conf))
            return {std::nullopt, "cannot write " + m_proxyConfig};
        m_proxy.server = {"127.0.0.1", port, 1, nginxPolicyName(policy)};
        m_proxy.pid = spawn(binary, {"-c", m_proxyConfig, "-p", d, "-e", d + "/error.log"});
        return awaitProxy("nginx", d + "/error.log");
    };
    return m_launchProxy();
}

void DemoCluster::stopAll()
{
    if (m_proxy.pid > 0) {
        ::kill(m_proxy.pid, SIGTERM);
        reap(m_proxy, std::chrono::milliseconds(2000));
    }
    if (!m_proxyDir.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(m_proxyDir, ignored);
        m_proxyDir.clear();
    }
    for (auto &node : m_nodes)
        if (node.pid > 0) {
            ::kill(node.pid, SIGCONT);
            ::kill(node.pid, SIGTERM);
        }
    for (auto &node : m_nodes) {
        reap(node, std::chrono::milliseconds(2000));
        node.state = ProcessState::Stopped;
    }
}

ServerList DemoCluster::servers() const
{
    ServerList out;
    for (const auto &n : m_nodes)
        out.push_back(n.server);
    return out;
}

std::string DemoCluster::spec() const
{
    std::string out;
    for (const auto &n : m_nodes)
        out += (out.empty() ? "" : ",") + n.server.address();
    return out;
}

bool DemoCluster::owns(pid_t pid) const noexcept
{
    if (pid > 0 && pid == m_proxy.pid)
        return true;
    for (const auto &n : m_nodes)
        if (n.pid == pid && pid > 0)
            return true;
    return false;
}

} // namespace ringscope::core
