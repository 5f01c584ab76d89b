#include "app/cli/proxypoolargs.h"

namespace ringscope::cli {

const std::vector<std::string> kProxyPoolOptions{"mcp-seed", "mcp-filter", "mcp-hash"};

bool proxyPoolOptions(const Arguments &a, core::ProxyPoolOptions &pool, std::string &error)
{
    using P = core::ProxyPoolOptions;
    if (a.has("mcp-seed"))
        pool.seed = a.value("mcp-seed");
    if (a.has("mcp-filter")) {
        const std::string text = a.value("mcp-filter");
        const auto colon = text.find(':');
        const std::string kind = text.substr(0, colon);
        if (colon == std::string::npos || (kind != "stop" && kind != "tags")) {
            error = "--mcp-filter '" + text + "' is not stop:STRING or tags:XY";
            return false;
        }
        pool.filter = kind == "stop" ? P::Filter::Stop : P::Filter::Tags;
        pool.filterConf = text.substr(colon + 1);
    }
    if (a.has("mcp-hash")) {
        const std::string hash = a.value("mcp-hash");
        if (hash != "xxhash" && hash != "ring") {
            error = "--mcp-hash '" + hash + "' is not xxhash (mcp.hash_xxhash) or ring (mcp.dist_ring_hash.hash)";
            return false;
        }
        pool.keyHash = hash == "ring" ? P::KeyHash::RingMd5 : P::KeyHash::Xxhash;
    }
    error = pool.validate();
    return error.empty();
}

} // namespace ringscope::cli
