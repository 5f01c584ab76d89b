#pragma once

#include "core/net/ioruntime.h"
#include "core/config/serverspec.h"

#include <chrono>

namespace ringscope::core {

// AWS ElastiCache auto discovery: asks a configuration endpoint for the
// cluster's nodes with `config get cluster` (engine 1.4.14 and later), or the
// older `get AmazonElastiCache:cluster`. Read-only. Each node becomes a server
// at its IP when the endpoint gives one (as ElastiCache's own client does),
// named after its host name.
Parsed<ClusterSpec> discoverElastiCache(IoRuntime &runtime, const Server &endpoint,
                                        std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));

// The body of the reply: "<config version>\n<host>|<ip>|<port> …\n".
Parsed<ServerList> parseElastiCacheNodes(std::string_view body);

} // namespace ringscope::core
