#pragma once

#include "app/cli/arguments.h"

#include "core/distribution/proxypooloptions.h"

#include <string>
#include <vector>

namespace ringscope::cli {

// mcp.pool()'s options for the memcached-proxy-* presets: --mcp-seed STRING,
// --mcp-filter stop:STRING|tags:XY, --mcp-hash xxhash|ring.
extern const std::vector<std::string> kProxyPoolOptions;
// Fills `pool` from them; false and `error` on a bad value.
bool proxyPoolOptions(const Arguments &a, core::ProxyPoolOptions &pool, std::string &error);

} // namespace ringscope::cli
