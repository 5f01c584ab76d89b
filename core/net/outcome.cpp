#include "core/net/outcome.h"

namespace ringscope::core {

const char *errcName(ClientErrc code) noexcept
{
    static constexpr const char *kNames[] = {"ok",          "invalid key",     "timeout",  "unknown outcome",
                                             "connect failed", "connection lost", "protocol error", "server down",
                                             "cancelled"};
    return kNames[static_cast<std::size_t>(code)];
}

} // namespace ringscope::core
