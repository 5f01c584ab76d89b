#pragma once

#include "core/protocol/response.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

// Appends memcached text- and meta-protocol requests to a buffer. Keys must
// already have passed checkKey(): the encoder writes what it is given.
namespace ringscope::core::encode {

enum class Store : std::uint8_t { Set, Add, Replace, Append, Prepend, Cas };

void get(std::string &out, std::span<const std::string_view> keys, bool withCas = false);
void store(std::string &out, Store command, std::string_view key, std::uint32_t flags, std::int64_t exptime,
           std::string_view value, std::uint64_t cas = 0, bool noreply = false);
void remove(std::string &out, std::string_view key, bool noreply = false);
void arithmetic(std::string &out, bool increment, std::string_view key, std::uint64_t delta);
void touch(std::string &out, std::string_view key, std::int64_t exptime);
void gat(std::string &out, std::int64_t exptime, std::span<const std::string_view> keys);
void stats(std::string &out, std::string_view group = {}); // "", "slabs", "items", "conns", "settings"
void version(std::string &out);
void verbosity(std::string &out, unsigned level);
// mg with flags, e.g. "v f t" (value, flags, ttl) — no LRU bump unless asked.
void metaGet(std::string &out, std::string_view key, std::string_view flags, bool base64Key = false);
void metaSet(std::string &out, std::string_view key, std::string_view value, std::string_view flags,
             bool base64Key = false);
void metaDelete(std::string &out, std::string_view key, std::string_view flags, bool base64Key = false);
void metaArithmetic(std::string &out, std::string_view key, std::string_view flags);
void metaNoop(std::string &out);
void metaDebug(std::string &out, std::string_view key);
void metadumpAll(std::string &out);
void configGet(std::string &out, std::string_view name); // ElastiCache: config get cluster

} // namespace ringscope::core::encode
