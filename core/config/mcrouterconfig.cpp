// mcrouter .json pools → ClusterSpec (declared in serverspec.h).
#include "core/config/serverspec.h"
#include "core/config/textinput.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace ringscope::core {
namespace {

Parsed<ClusterSpec> fail(std::string message)
{
    return {std::nullopt, std::move(message)};
}

// The JSON library keeps no positions, so a mistake's line is found in the
// text: the `nth` (0-based) occurrence of `needle` at or after `from`.
struct Lines {
    std::string_view text;
    std::string_view file;

    std::size_t find(std::string_view needle, std::size_t from = 0, std::size_t nth = 0) const
    {
        std::size_t at = from;
        for (std::size_t k = 0;; ++k) {
            at = text.find(needle, at);
            if (at == std::string_view::npos || k == nth)
                return at;
            at += needle.size();
        }
    }
    // "file:LINE: " for a position (npos: the file alone).
    std::string at(std::size_t pos) const
    {
        if (pos == std::string_view::npos)
            return std::string(file) + ": ";
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n');
        return std::string(file) + ":" + std::to_string(line) + ": ";
    }
    static std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }
};

// Finds, anywhere in the route tree, the "hash" of a PoolRoute for `pool`.
const nlohmann::json *findPoolHash(const nlohmann::json &node, const std::string &pool)
{
    if (node.is_object()) {
        const auto type = node.find("type");
        const auto p = node.find("pool");
        if (type != node.end() && *type == "PoolRoute" && p != node.end()
            && ((p->is_string() && *p == pool) || (p->is_string() && *p == "Pool|" + pool))) {
            if (const auto h = node.find("hash"); h != node.end())
                return &*h;
        }
        for (const auto &[k, v] : node.items())
            if (const auto *found = findPoolHash(v, pool))
                return found;
    } else if (node.is_array()) {
        for (const auto &v : node)
            if (const auto *found = findPoolHash(v, pool))
                return found;
    }
    return nullptr;
}

} // namespace

Parsed<ClusterSpec> parseMcrouterConfig(const std::string &text, std::string_view poolName, std::string_view file)
{
    // The JSON library and the route walk below recurse once per level.
    if (jsonNestingDepth(text, limits::kJsonDepth + 1) > limits::kJsonDepth)
        return fail(std::string(file) + ": objects and lists nested more than " + std::to_string(limits::kJsonDepth)
                    + " deep; an mcrouter configuration is never that deep");
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text, nullptr, true, true); // mcrouter allows comments
    } catch (const nlohmann::json::parse_error &e) {
        const std::size_t at = std::min<std::size_t>(e.byte, text.size());
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        return fail(std::string(file) + ":" + std::to_string(line) + ": not valid JSON: " + e.what());
    } catch (const nlohmann::json::exception &e) { // a number too large for a double
        return fail(std::string(file) + ": not valid JSON: " + e.what());
    }
    const Lines lines{text, file};
    const auto pools = root.find("pools");
    if (!root.is_object() || pools == root.end() || !pools->is_object() || pools->empty())
        return fail(lines.at(root.is_object() && pools != root.end() ? lines.find("\"pools\"") : 0)
                    + "expected an mcrouter configuration with a \"pools\" object");
    std::string chosen;
    std::string names;
    for (const auto &[name, value] : pools->items())
        names += (names.empty() ? "" : ", ") + name;
    if (poolName.empty()) {
        if (pools->size() != 1)
            return fail(std::string(file) + ": several pools (" + names + "); pick one with @" + std::string(file)
                        + "#POOL");
        chosen = pools->begin().key();
    } else if (!pools->contains(std::string(poolName))) {
        return fail(std::string(file) + ": no pool named '" + std::string(poolName) + "' (pools: " + names + ")");
    } else {
        chosen = std::string(poolName);
    }
    const auto &pool = (*pools)[chosen];
    const auto servers = pool.find("servers");
    const std::size_t poolAt = lines.find(Lines::quoted(chosen), lines.find("\"pools\""));
    if (!pool.is_object() || servers == pool.end() || !servers->is_array() || servers->empty())
        return fail(lines.at(servers != pool.end() ? lines.find("\"servers\"", poolAt) : poolAt) + "pool '" + chosen
                    + "' needs a non-empty \"servers\" list");
    const std::size_t serversAt = lines.find("\"servers\"", poolAt);
    // Where entry i of the list is: the i-th value after "servers" (strings or not).
    auto entryAt = [&](std::size_t i) {
        std::size_t at = text.find('[', serversAt);
        for (std::size_t k = 0; at != std::string::npos && k <= i; ++k) {
            at = text.find_first_not_of(" \t\r\n", at + 1);
            if (k == i || at == std::string::npos)
                break;
            at = text.find_first_of(",]", at + (text[at] == '"' ? text.find('"', at + 1) - at : 0));
        }
        return at;
    };

    ClusterSpec spec;
    spec.source = std::string(file) + "#" + chosen;
    spec.preset = "mcrouter-ch3";
    for (std::size_t i = 0; i < servers->size(); ++i) {
        const auto &entry = (*servers)[i];
        if (!entry.is_string())
            return fail(lines.at(entryAt(i)) + "pool '" + chosen + "', server " + std::to_string(i + 1)
                        + " is not a \"host:port\" string");
        std::string text2 = entry.get<std::string>();
        // mcrouter allows "host:port:protocol[:ssl]"; placement only needs host:port.
        const auto close = text2.find(']');
        const auto first = text2.find(':', close == std::string::npos ? 0 : close);
        if (const auto second = first == std::string::npos ? first : text2.find(':', first + 1);
            second != std::string::npos)
            text2.resize(second);
        auto parsed = parseServer(text2);
        if (!parsed)
            return fail(lines.at(entryAt(i)) + "pool '" + chosen + "': " + parsed.error);
        spec.servers.push_back(std::move(*parsed.value));
    }
    std::size_t second = 0;
    if (auto dup = findDuplicate(spec.servers, &second); !dup.empty())
        return fail(lines.at(entryAt(second)) + "pool '" + chosen + "': " + dup);

    if (const auto *hash = findPoolHash(root, chosen)) {
        // "hash": "Crc32", or {"hash_func": "Crc32", "weights": […]}; Ch3 when not named.
        std::string func = "Ch3";
        if (hash->is_string()) {
            func = hash->get<std::string>();
        } else if (!hash->is_object()) {
            return fail(lines.at(lines.find("\"hash\"", serversAt)) + "pool '" + chosen
                        + "': \"hash\" must be a hash name or an object with \"hash_func\"");
        } else if (const auto named = hash->find("hash_func"); named != hash->end()) {
            if (!named->is_string())
                return fail(lines.at(lines.find("\"hash_func\"", serversAt)) + "pool '" + chosen
                            + "': \"hash_func\" must be a name (Ch3, WeightedCh3, Crc32)");
            func = named->get<std::string>();
        }
        if (func == "Crc32")
            spec.preset = "mcrouter-crc32";
        else if (func != "Ch3" && func != "WeightedCh3")
            return fail(lines.at(lines.find(Lines::quoted(func), serversAt)) + "pool '" + chosen + "' uses hash_func '" + func
                        + "', which RingScope does not reproduce (Ch3, WeightedCh3, Crc32)");
        if (hash->is_object() && hash->contains("weights")) {
            const auto &weights = (*hash)["weights"];
            if (!weights.is_array())
                return fail(lines.at(lines.find("\"weights\"")) + "pool '" + chosen + "': \"weights\" must be a list");
            for (std::size_t i = 0; i < spec.servers.size(); ++i) {
                // mcrouter fills missing weights with 0.5; weights are fractions in [0, 1],
                // and a weight that is not a number makes it refuse the configuration.
                if (i < weights.size() && !weights[i].is_number())
                    return fail(lines.at(lines.find("\"weights\"")) + "pool '" + chosen + "': weight "
                                + std::to_string(i + 1) + " (" + weights[i].dump() + ") is not a number");
                const double w = i < weights.size() ? weights[i].get<double>() : 0.5;
                if (w <= 0.0 || w > 1.0)
                    return fail(lines.at(lines.find("\"weights\"")) + "pool '" + chosen + "': weight " + std::to_string(w) + " of "
                                + spec.servers[i].address() + " must be above 0 and at most 1");
                spec.servers[i].weight = static_cast<std::uint32_t>(std::lround(w * 1000));
            }
        }
    }
    return {std::move(spec), {}};
}

} // namespace ringscope::core
