#include "core/config/serverspec.h"

#include "core/config/textinput.h"
#include "core/protocol/printable.h"

#include <charconv>
#include <set>

namespace ringscope::core {
namespace {

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

template <typename T>
bool parseNumber(std::string_view text, T &out)
{
    if (text.empty())
        return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

// Quoted for a message, control bytes escaped (a spec may hold anything).
std::string quoted(std::string_view s)
{
    return "'" + printable(s, false) + "'";
}

bool validHost(std::string_view host)
{
    for (const char c : host) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '/' || c == ',' || c == '[' || c == ']')
            return false;
    }
    return !host.empty();
}

Parsed<Server> fail(std::string message)
{
    return {std::nullopt, std::move(message)};
}

} // namespace

std::string findDuplicate(const ServerList &servers, std::size_t *second)
{
    std::set<std::string> addresses, names;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const Server &s = servers[i];
        if (second)
            *second = i;
        if (!addresses.insert(s.address()).second)
            return "duplicate server " + s.address();
        if (!s.name.empty() && !names.insert(s.name).second)
            return "duplicate server name " + quoted(s.name);
    }
    return {};
}

Parsed<Server> parseServer(std::string_view entry)
{
    const std::string_view original = trim(entry);
    if (original.empty())
        return fail("empty server entry");
    Server server;
    std::string_view rest = original;
    if (const auto space = rest.find_first_of(" \t"); space != std::string_view::npos) {
        server.name = std::string(trim(rest.substr(space)));
        rest = rest.substr(0, space);
        if (server.name.find_first_of(" \t") != std::string::npos)
            return fail("server " + quoted(original) + ": the name must be one word");
    }
    std::string_view after;
    if (rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos)
            return fail("server " + quoted(original) + ": '[' without ']' around an IPv6 address");
        server.host = std::string(rest.substr(1, close - 1));
        after = rest.substr(close + 1);
        if (server.host.find(':') == std::string::npos)
            return fail("server " + quoted(original) + ": brackets are only for IPv6 addresses");
        if (!isIpLiteral(server.host))
            return fail("server " + quoted(original) + ": " + quoted(server.host) + " is not an IPv6 address");
    } else {
        const auto colon = rest.find(':');
        server.host = std::string(rest.substr(0, colon));
        after = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon);
    }
    if (!validHost(server.host))
        return fail("server " + quoted(original) + ": missing or invalid host");
    if (after.empty() || after.front() != ':')
        return fail("server " + quoted(original) + ": expected host:port");
    after.remove_prefix(1);
    const auto colon = after.find(':');
    const std::string_view portText = after.substr(0, colon);
    unsigned port = 0;
    if (!parseNumber(portText, port) || port == 0 || port > 65535)
        return fail("server " + quoted(original) + ": port " + quoted(portText) + " is not a number from 1 to 65535");
    server.port = static_cast<std::uint16_t>(port);
    if (colon != std::string_view::npos) {
        const std::string_view weightText = after.substr(colon + 1);
        std::uint32_t weight = 0;
        if (!parseNumber(weightText, weight))
            return fail("server " + quoted(original) + ": weight " + quoted(weightText) + " is not a whole number");
        if (weight == 0)
            return fail("server " + quoted(original) + ": weight 0 is not allowed (remove the server instead)");
        if (weight > 100000)
            return fail("server " + quoted(original) + ": weight " + std::to_string(weight) + " is above 100000");
        server.weight = weight;
    }
    return {std::move(server), {}};
}

Parsed<ServerList> parseServerList(std::string_view spec)
{
    ServerList servers;
    if (trim(spec).empty())
        return {std::nullopt, "the server list is empty"};
    std::size_t start = 0;
    while (start <= spec.size()) {
        const auto comma = spec.find(',', start);
        const std::string_view entry = spec.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        auto parsed = parseServer(entry);
        if (!parsed)
            return {std::nullopt, parsed.error};
        servers.push_back(std::move(*parsed.value));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    if (auto dup = findDuplicate(servers); !dup.empty())
        return {std::nullopt, dup};
    return {std::move(servers), {}};
}

Parsed<ServerList> parseServerLines(std::string_view text, std::string_view name)
{
    ServerList servers;
    std::vector<std::size_t> lineOf; // of each server
    std::size_t lineNo = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        start = nl == std::string_view::npos ? text.size() : nl + 1;
        ++lineNo;
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = trim(line);
        if (line.empty())
            continue;
        auto parsed = parseServer(line);
        if (!parsed)
            return {std::nullopt, std::string(name) + ":" + std::to_string(lineNo) + ": " + parsed.error};
        servers.push_back(std::move(*parsed.value));
        lineOf.push_back(lineNo);
    }
    if (servers.empty())
        return {std::nullopt, std::string(name) + ": no servers in the file"};
    std::size_t second = 0;
    if (auto dup = findDuplicate(servers, &second); !dup.empty())
        return {std::nullopt, std::string(name) + ":" + std::to_string(lineOf[second]) + ": " + dup};
    return {std::move(servers), {}};
}

namespace {

Parsed<ClusterSpec> loadUnchecked(std::string_view spec);

} // namespace

Parsed<ClusterSpec> loadClusterSpec(std::string_view spec)
{
    auto parsed = loadUnchecked(spec);
    if (parsed && parsed.value->servers.size() > limits::kServers)
        return {std::nullopt, parsed.value->source + ": " + std::to_string(parsed.value->servers.size())
                                  + " servers, more than the " + std::to_string(limits::kServers) + " allowed"};
    return parsed;
}

namespace {

Parsed<ClusterSpec> loadUnchecked(std::string_view spec)
{
    spec = trim(spec);
    if (spec.empty() || spec.front() != '@') {
        auto servers = parseServerList(spec);
        if (!servers)
            return {std::nullopt, servers.error};
        ClusterSpec given;
        given.servers = std::move(*servers.value);
        given.source = "command line";
        return {std::move(given), {}};
    }
    std::string_view path = spec.substr(1);
    std::string_view pool;
    if (const auto hashMark = path.rfind('#'); hashMark != std::string_view::npos) {
        pool = path.substr(hashMark + 1);
        path = path.substr(0, hashMark);
    }
    if (path.empty())
        return {std::nullopt, "'@' must be followed by a file name"};
    std::string error;
    const auto read = readRegularFile(std::string(path), limits::kConfigBytes, error);
    if (!read)
        return {std::nullopt, error};
    const std::string &text = *read;
    const bool yaml = path.ends_with(".yml") || path.ends_with(".yaml");
    if (yaml)
        return parseTwemproxyConfig(text, pool, path);
    if (path.ends_with(".json"))
        return parseMcrouterConfig(text, pool, path);
    if (!pool.empty())
        return {std::nullopt, std::string(path) + ": '#" + std::string(pool) + "' picks a pool, and only .yml and .json files have pools"};
    auto servers = parseServerLines(text, path);
    if (!servers)
        return {std::nullopt, servers.error};
    ClusterSpec fromFile;
    fromFile.servers = std::move(*servers.value);
    fromFile.source = std::string(path);
    return {std::move(fromFile), {}};
}

} // namespace

} // namespace ringscope::core
