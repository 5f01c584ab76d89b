#include "app/cli/liveconnection.h"

#include "app/cli/output.h"
#include "app/cli/proxypoolargs.h"

#include "core/placement/clusterplacement.h"
#include "core/config/discovery.h"
#include "core/config/textinput.h"
#include "core/net/localaddress.h"
#include "core/net/tlscontext.h"

#include <cstdio>
#include <iostream>

#include <termios.h>
#include <unistd.h>

namespace ringscope::cli {

using namespace ringscope::core;

const std::vector<std::string> kConnectionOptions{"servers",  "preset",   "hash",       "timeout",  "connect-timeout",
                                                  "tls-ca",   "tls-cert", "tls-key",    "mcp-seed", "mcp-filter",
                                                  "mcp-hash",   "user",     "password-file"};

namespace {

// memcached -Y credentials: --user NAME and the password from --password-file
// FILE (its first line), or typed at a prompt when stdin is a terminal;
// never from the command line, where other users of the machine can read it.
std::shared_ptr<const Connection::Options::Credentials> credentials(const Arguments &a, std::string &error)
{
    if (!a.has("user")) {
        if (a.has("password-file"))
            error = "--password-file goes with --user NAME";
        return nullptr;
    }
    auto c = std::make_shared<Connection::Options::Credentials>();
    c->user = a.value("user");
    if (c->user.empty() || c->user.find_first_of(" \t\r\n") != std::string::npos) {
        error = "--user: a memcached -Y user name is one word";
        return nullptr;
    }
    if (a.has("password-file")) {
        auto text = readRegularFile(a.value("password-file"), 4096, error);
        if (!text) {
            error = "--password-file: " + error;
            return nullptr;
        }
        c->password = text->substr(0, text->find_first_of("\r\n"));
    } else if (::isatty(STDIN_FILENO)) {
        termios old{};
        const bool quiet = ::tcgetattr(STDIN_FILENO, &old) == 0;
        if (quiet) {
            termios noEcho = old;
            noEcho.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &noEcho);
        }
        std::fprintf(stderr, "password for %s: ", printable(c->user).c_str());
        std::getline(std::cin, c->password);
        if (quiet)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fputc('\n', stderr);
    } else {
        error = "--user needs --password-file FILE (the password is never taken on the command line)";
        return nullptr;
    }
    if (c->password.empty()) {
        error = "the password for --user " + c->user + " is empty";
        return nullptr;
    }
    return c;
}
} // namespace

const std::vector<std::string> kConnectionFlags{"tls"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The cluster, its placement and a client; `needPreset` false lets commands
// that address servers one by one (stats) run without --preset.
std::optional<Live> connect(const Arguments &a, bool needPreset, bool writes, std::string &error)
{
    if (!a.has("servers")) {
        error = "--servers is required";
        return std::nullopt;
    }
    Live live;
    live.runtime = std::make_unique<IoRuntime>();
    const std::string serversText = a.value("servers");
    Parsed<ClusterSpec> spec;
    if (serversText.rfind("elasticache:", 0) == 0) {
        // An ElastiCache configuration endpoint: ask it for the nodes.
        auto endpoint = parseServer(serversText.substr(12));
        if (!endpoint) {
            error = "--servers elasticache:HOST:PORT: " + endpoint.error;
            return std::nullopt;
        }
        spec = discoverElastiCache(*live.runtime, *endpoint.value);
    } else {
        spec = loadClusterSpec(serversText);
    }
    if (!spec) {
        error = "--servers: " + spec.error;
        return std::nullopt;
    }
    // Judged by the addresses a name resolves to, not by its spelling.
    if (writes && !a.has("allow-write"))
        for (const auto &s : spec.value->servers)
            if (std::string why; !resolvesToLoopbackOnly(s.host, why)) {
                error = s.address() + " is not known to be on this machine (" + why
                    + "): writing to it needs --allow-write";
                return std::nullopt;
            }
    PlacementChoice choice;
    choice.preset = a.value("preset", needPreset ? "" : "modulo");
    if (a.has("hash")) {
        choice.hash = parseHash(a.value("hash"));
        if (!choice.hash) {
            error = "unknown hash '" + a.value("hash") + "'";
            return std::nullopt;
        }
    }
    if (!proxyPoolOptions(a, choice.options.proxyPool, error))
        return std::nullopt;
    auto d = buildPlacement(*spec.value, choice, error);
    if (!d)
        return std::nullopt;
    if (!d->deterministic() && needPreset) {
        error = "preset '" + choice.preset + "' has no owner for a key: pick the preset your clients use";
        return std::nullopt;
    }
    const auto timeout = a.integer("timeout", 300, 1, 600000, error);
    const auto connectTimeout = timeout ? a.integer("connect-timeout", *timeout, 1, 600000, error) : std::nullopt;
    if (!connectTimeout)
        return std::nullopt;
    ClientOptions options;
    options.pool.requestTimeout = std::chrono::milliseconds(*timeout);
    options.pool.connection.connectTimeout = std::chrono::milliseconds(*connectTimeout);
    if (a.has("tls-key") != a.has("tls-cert")) {
        // One without the other would be ignored, and the connection would go out without the client certificate.
        error = a.has("tls-key") ? "--tls-key needs --tls-cert (the client certificate it belongs to)"
                                 : "--tls-cert needs --tls-key (the certificate's private key)";
        return std::nullopt;
    }
    if (a.has("tls") || a.has("tls-ca") || a.has("tls-cert")) {
        options.pool.connection.tls = makeTlsContext({a.value("tls-ca"), a.value("tls-cert"), a.value("tls-key")}, error);
        if (!options.pool.connection.tls)
            return std::nullopt;
    }
    options.pool.connection.auth = credentials(a, error);
    if (!error.empty())
        return std::nullopt;
    live.client = std::make_unique<Client>(*live.runtime, std::move(d), options);
    return live;
}

std::string describe(const ClientError &e)
{
    return e.message.empty() ? std::string(errcName(e.code)) : e.message;
}

void keyError(std::string_view key, const std::string &message)
{
    std::fprintf(stderr, "ringscope-cli: %s: %s\n", printable(key).c_str(), printable(message, false).c_str());
}

std::string refusal(Reply reply, const std::string &text, const std::string &server)
{
    // An ERROR's text already starts with "ERROR"; the others carry only the message.
    if (Response r{reply, {}, 0, {}, text}; needsAuthentication(r))
        return "authentication required: " + server + " runs memcached -Y (give --user NAME --password-file FILE)";
    std::string said = reply == Reply::Error && !text.empty() ? text
                       : text.empty()                          ? std::string(replyName(reply))
                                                               : std::string(replyName(reply)) + " " + text;
    return server.empty() ? said : said + " (from " + server + ")";
}

} // namespace ringscope::cli
