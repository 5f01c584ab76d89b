#include "core/distribution/proxypooloptions.h"

namespace ringscope::core {

std::string ProxyPoolOptions::validate() const
{
    // mcplib_pool(): filter_conf must be 2 to KEY_HASH_FILTER_MAX (5) bytes.
    if (filter != Filter::None && (filterConf.size() < 2 || filterConf.size() > 5))
        return "the hash filter's filter_conf must be 2 to 5 characters (memcached's proxy refuses '" + filterConf
            + "')";
    if (filter == Filter::None && !filterConf.empty())
        return "filter_conf '" + filterConf + "' given without a hash filter (stop or tags)";
    return {};
}

std::string_view ProxyPoolOptions::filtered(std::string_view key) const noexcept
{
    switch (filter) {
    case Filter::None:
        return key;
    case Filter::Stop: {
        // mcp_key_hash_filter_stop(): strstr() on a copy of the key, so the
        // search ends at a NUL byte. (Before 1.6.41 that copy was not
        // terminated where the key ends; a match can then only start inside
        // the key, so only a stop string that runs past its end could differ.)
        const std::string_view text = key.substr(0, key.find('\0'));
        const auto at = text.find(filterConf);
        return at == std::string_view::npos ? key : key.substr(0, at);
    }
    case Filter::Tags: {
        // mcp_key_hash_filter_tag(): the first conf[0], then conf[1] after it;
        // an empty tag is hashed as the empty string. With two equal tag
        // characters ("$$") memcached up to 1.6.44 found the opening one
        // again and hashed a length of -1 (fixed in 1.6.45); this is the
        // fixed behaviour, which is the only one for two different characters.
        const auto open = key.find(filterConf[0]);
        if (open == std::string_view::npos)
            return key;
        const auto close = key.find(filterConf[1], open + 1);
        if (close == std::string_view::npos)
            return key;
        return key.substr(open + 1, close - open - 1);
    }
    }
    return key;
}

} // namespace ringscope::core
