#include "core/config/discovery.h"

#include "core/distribution/preset.h"
#include "core/net/client.h"

#include <charconv>

namespace ringscope::core {

Parsed<ServerList> parseElastiCacheNodes(std::string_view body)
{
    const auto firstLine = body.find('\n');
    if (firstLine == std::string_view::npos)
        return {std::nullopt, "the cluster configuration has no node line"};
    std::string_view nodes = body.substr(firstLine + 1);
    if (const auto end = nodes.find_first_of("\r\n"); end != std::string_view::npos)
        nodes = nodes.substr(0, end);
    ServerList servers;
    while (!nodes.empty()) {
        const auto space = nodes.find(' ');
        const std::string_view node = nodes.substr(0, space);
        nodes = space == std::string_view::npos ? std::string_view{} : nodes.substr(space + 1);
        if (node.empty())
            continue;
        const auto bar1 = node.find('|');
        const auto bar2 = bar1 == std::string_view::npos ? bar1 : node.find('|', bar1 + 1);
        if (bar2 == std::string_view::npos)
            return {std::nullopt, "node '" + std::string(node) + "' is not host|ip|port"};
        const std::string_view host = node.substr(0, bar1);
        const std::string_view ip = node.substr(bar1 + 1, bar2 - bar1 - 1);
        const std::string_view portText = node.substr(bar2 + 1);
        unsigned port = 0;
        const auto [ptr, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (ec != std::errc() || ptr != portText.data() + portText.size() || port == 0 || port > 65535)
            return {std::nullopt, "node '" + std::string(node) + "' has a bad port"};
        Server s;
        s.host = std::string(ip.empty() ? host : ip);
        s.port = static_cast<std::uint16_t>(port);
        if (!ip.empty() && !host.empty())
            s.name = std::string(host);
        if (s.host.empty())
            return {std::nullopt, "node '" + std::string(node) + "' has neither host nor IP"};
        servers.push_back(std::move(s));
    }
    if (servers.empty())
        return {std::nullopt, "the cluster configuration lists no nodes"};
    if (auto dup = findDuplicate(servers); !dup.empty())
        return {std::nullopt, dup};
    return {std::move(servers), {}};
}

Parsed<ClusterSpec> discoverElastiCache(IoRuntime &runtime, const Server &endpoint, std::chrono::milliseconds timeout)
{
    std::string error;
    ClientOptions options;
    options.pool.requestTimeout = timeout;
    options.pool.connection.connectTimeout = timeout;
    Client client(runtime, makeDistribution(*findPreset("modulo"), {endpoint}, std::nullopt, {}, error), options);
    std::string request;
    encode::configGet(request, "cluster");
    Outcome o = client.sendSync(0, request, Expect::Config);
    if (!o.error && o.response.reply == Reply::Error) { // before 1.4.14: a special key instead
        request.clear();
        const std::string_view key[] = {"AmazonElastiCache:cluster"};
        encode::get(request, key);
        o = client.sendSync(0, request, Expect::Retrieval);
    }
    const std::string where = "configuration endpoint " + endpoint.address();
    if (o.error)
        return {std::nullopt, where + ": " + o.error.message};
    if (o.response.isError())
        return {std::nullopt, where + " refused: " + o.response.text};
    if (o.response.items.empty())
        return {std::nullopt, where + " has no cluster configuration (not an ElastiCache endpoint?)"};
    auto nodes = parseElastiCacheNodes(o.response.items.front().value);
    if (!nodes)
        return {std::nullopt, where + ": " + nodes.error};
    ClusterSpec spec;
    spec.servers = std::move(*nodes.value);
    spec.source = where;
    return {std::move(spec), {}};
}

} // namespace ringscope::core
