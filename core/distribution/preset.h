#pragma once

#include "core/hash/hashalgorithm.h"
#include "core/distribution/distribution.h"
#include "core/distribution/proxypooloptions.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ringscope::core {

// Knobs of the textbook strategies, which the presets of real software ignore,
// and the pool options of memcached's proxy, which only its presets take.
struct PresetOptions {
    std::uint32_t pointsPerServer = 160; // ketama, bounded-load
    double loadFactor = 1.25;            // bounded-load
    unsigned probes = 21;                // multiprobe
    ProxyPoolOptions proxyPool;          // the memcached-proxy-* presets: mcp.pool()'s seed, filter, hash
};

// A named (hash, distribution, point format) that reproduces one real
// client or proxy bit for bit, or a textbook strategy for teaching.
struct Preset {
    std::string_view name;
    std::string_view software;     // what it reproduces
    std::string_view description;
    HashAlgorithm defaultHash;
    bool hashSelectable;           // does the real software let you pick the key hash?
    bool textbook;                 // a teaching strategy rather than a real client
    std::unique_ptr<Distribution> (*make)(ServerList servers, HashAlgorithm hash, const PresetOptions &options);
    std::string_view fixedHashLabel = {}; // the key hash, where no HashAlgorithm names it exactly
    bool takesProxyPool = false;          // honours PresetOptions::proxyPool (memcached's proxy)
};

// How the preset hashes keys under `hash`, for tables and messages.
std::string presetHashLabel(const Preset &preset, std::optional<HashAlgorithm> hash);

std::span<const Preset> allPresets() noexcept;
const Preset *findPreset(std::string_view name) noexcept;

// Builds the preset's distribution. `hash` overrides the preset's default key
// hash where the real software allows it; otherwise asking for another hash is
// an error, reported in `error`.
std::unique_ptr<Distribution> makeDistribution(const Preset &preset, ServerList servers,
                                               std::optional<HashAlgorithm> hash,
                                               const PresetOptions &options, std::string &error);

} // namespace ringscope::core
