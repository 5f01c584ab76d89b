// nutcracker.yml pools → ClusterSpec (declared in serverspec.h).
#include "core/config/serverspec.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <set>

namespace ringscope::core {
namespace {

std::string at(std::string_view file, const YAML::Mark &mark)
{
    return std::string(file) + ":" + std::to_string(mark.line + 1) + ": ";
}

Parsed<ClusterSpec> fail(std::string message)
{
    return {std::nullopt, std::move(message)};
}

} // namespace

Parsed<ClusterSpec> parseTwemproxyConfig(const std::string &text, std::string_view pool, std::string_view file)
{
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::DeepRecursion &e) { // its message says "bad file"
        return fail(at(file, e.mark) + "lists or mappings nested " + std::to_string(e.depth())
                    + " levels deep, past the YAML reader's limit; a twemproxy configuration is never that deep");
    } catch (const YAML::Exception &e) {
        return fail(at(file, e.mark) + "not valid YAML: " + e.msg);
    }
    if (!root.IsMap() || root.size() == 0)
        return fail((root.IsDefined() && !root.IsNull() ? at(file, root.Mark()) : std::string(file) + ":1: ")
                    + "expected a twemproxy configuration: pool names mapping to settings");

    YAML::Node chosen;
    bool found = false;
    std::string chosenName;
    std::string names;
    std::set<std::string> seen;
    for (const auto &entry : root) {
        const auto name = entry.first.as<std::string>("");
        // nutcracker refuses two pools of one name; YAML would keep one silently.
        if (!seen.insert(name).second)
            return fail(at(file, entry.first.Mark()) + "a second pool named '" + name + "'");
        names += (names.empty() ? "" : ", ") + name;
        if (pool.empty() ? root.size() == 1 : name == pool) {
            chosen = entry.second;
            chosenName = name;
            found = true;
        }
    }
    if (!found) {
        if (pool.empty())
            return fail(std::string(file) + ": several pools (" + names + "); pick one with @" + std::string(file) + "#POOL");
        return fail(std::string(file) + ": no pool named '" + std::string(pool) + "' (pools: " + names + ")");
    }
    if (!chosen.IsMap())
        return fail(at(file, chosen.Mark()) + "pool '" + chosenName + "' must be a mapping of settings");

    ClusterSpec spec;
    spec.source = std::string(file) + "#" + chosenName;
    try {
        if (const auto redis = chosen["redis"]; redis && redis.as<bool>())
            return fail(at(file, redis.Mark()) + "pool '" + chosenName + "' is a Redis pool, not memcached");
        std::string distribution = "ketama";
        if (const auto d = chosen["distribution"])
            distribution = d.as<std::string>();
        if (distribution != "ketama" && distribution != "modula" && distribution != "random")
            return fail(at(file, chosen["distribution"].Mark()) + "unknown distribution '" + distribution
                        + "' (twemproxy knows ketama, modula, random)");
        spec.preset = "twemproxy-" + distribution;
        spec.hash = HashAlgorithm::Fnv1a_64;
        if (const auto h = chosen["hash"]) {
            const auto name = h.as<std::string>();
            const auto parsed = parseHash(name);
            if (!parsed || *parsed == HashAlgorithm::Murmur3 || *parsed == HashAlgorithm::Xxh3 || name == "crc"
                || name == "default" || name == "murmur2")
                return fail(at(file, h.Mark()) + "unknown hash '" + name + "' (twemproxy knows one_at_a_time, md5, "
                            "crc16, crc32, crc32a, fnv1_64, fnv1a_64, fnv1_32, fnv1a_32, hsieh, murmur, jenkins)");
            spec.hash = parsed;
        }
        if (const auto tag = chosen["hash_tag"]) {
            spec.hashTag = tag.as<std::string>();
            if (spec.hashTag.size() != 2)
                return fail(at(file, tag.Mark()) + "hash_tag must be two characters, like \"{}\"");
        }
        if (const auto eject = chosen["auto_eject_hosts"])
            spec.autoEjectHosts = eject.as<bool>();
        if (const auto limit = chosen["server_failure_limit"])
            spec.serverFailureLimit = limit.as<unsigned>();
        if (const auto retry = chosen["server_retry_timeout"])
            spec.serverRetryTimeoutMs = retry.as<long>();
        const auto servers = chosen["servers"];
        if (!servers)
            return fail(at(file, chosen.Mark()) + "pool '" + chosenName + "' has no servers");
        if (!servers.IsSequence() || servers.size() == 0)
            return fail(at(file, servers.Mark()) + "servers must be a non-empty list");
        ServerList list;
        for (const auto &item : servers) {
            const auto entry = item.IsScalar() ? item.as<std::string>() : std::string();
            // twemproxy writes host:port:weight [name]; the weight is required there.
            auto parsed = parseServer(entry);
            if (!parsed)
                return fail(at(file, item.Mark()) + parsed.error);
            list.push_back(std::move(*parsed.value));
        }
        std::size_t second = 0;
        if (auto dup = findDuplicate(list, &second); !dup.empty())
            return fail(at(file, servers[second].Mark()) + dup);
        spec.servers = std::move(list);
    } catch (const YAML::Exception &e) {
        return fail(at(file, e.mark) + "unexpected value: " + e.msg);
    }
    return {std::move(spec), {}};
}

} // namespace ringscope::core
