#include "core/live/replication.h"

#include <array>
#include <charconv>

namespace ringscope::core {
namespace {

constexpr std::array kModes{"none", "master-slave", "ring", "multi-master"};
constexpr std::array kPolicies{"primary", "round-robin", "least-outstanding", "hash"};
constexpr std::array kOnFailure{"miss", "rehash"};

template <typename Enum, std::size_t N>
std::optional<Enum> parseName(const std::array<const char *, N> &names, std::string_view text) noexcept
{
    for (std::size_t i = 0; i < N; ++i)
        if (text == names[i])
            return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace

const char *modeName(ReplicationMode mode) noexcept { return kModes[static_cast<std::size_t>(mode)]; }
const char *policyName(ReadPolicy policy) noexcept { return kPolicies[static_cast<std::size_t>(policy)]; }
const char *onFailureName(OnFailure mode) noexcept { return kOnFailure[static_cast<std::size_t>(mode)]; }

std::optional<ReplicationMode> parseMode(std::string_view text) noexcept
{
    return parseName<ReplicationMode>(kModes, text);
}

std::optional<ReadPolicy> parsePolicy(std::string_view text) noexcept
{
    if (text == "least-connections" || text == "least-conn")
        return ReadPolicy::LeastOutstanding;
    return parseName<ReadPolicy>(kPolicies, text);
}

std::optional<OnFailure> parseOnFailure(std::string_view text) noexcept
{
    return parseName<OnFailure>(kOnFailure, text);
}

std::optional<std::size_t> parseQuorum(std::string_view text, std::size_t replicas) noexcept
{
    if (text == "all")
        return replicas;
    if (text == "majority")
        return replicas / 2 + 1;
    std::size_t w = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), w);
    if (ec != std::errc{} || end != text.data() + text.size() || w == 0 || w > replicas)
        return std::nullopt;
    return w;
}

std::string checkOptions(const ReplicationOptions &options, std::size_t servers)
{
    if (servers == 0)
        return "no servers";
    if (options.replicas == 0)
        return "--replicas must be at least 1";
    if (options.mode == ReplicationMode::None && options.replicas > 1)
        return "--replicas " + std::to_string(options.replicas) + " needs a --replication mode (master-slave, ring or multi-master)";
    if (options.mode != ReplicationMode::None && options.replicas < 2)
        return std::string("replication '") + modeName(options.mode) + "' needs --replicas 2 or more";
    if (options.replicas > servers)
        return "--replicas " + std::to_string(options.replicas) + " is more than the " + std::to_string(servers)
            + " servers of the cluster";
    if (options.writeQuorum > options.replicas)
        return "--write-quorum " + std::to_string(options.writeQuorum) + " is more than --replicas "
            + std::to_string(options.replicas);
    if (options.writeQuorum != 0 && options.mode != ReplicationMode::MultiMaster)
        return "--write-quorum only applies to --replication multi-master";
    return {};
}

} // namespace ringscope::core
