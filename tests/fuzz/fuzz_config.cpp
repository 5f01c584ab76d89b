// libFuzzer target for what reads a cluster description from a user: the
// first byte picks the parser (SPEC, server-per-line file, twemproxy .yml,
// mcrouter .json), the rest is its input. Every input must give servers or
// an error message, never a crash or a hang.
#include "core/config/serverspec.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ringscope::core;
    if (size < 1 || size > 65536)
        return 0;
    const std::string text(reinterpret_cast<const char *>(data + 1), size - 1);
    switch (data[0] % 4) {
    case 0: {
        auto p = parseServerList(text);
        if (!p && p.error.empty())
            __builtin_trap();
        break;
    }
    case 1: {
        auto p = parseServerLines(text, "fuzz.txt");
        if (!p && p.error.empty())
            __builtin_trap();
        break;
    }
    case 2: {
        auto p = parseTwemproxyConfig(text, "", "fuzz.yml");
        if (!p && p.error.empty())
            __builtin_trap();
        break;
    }
    default: {
        auto p = parseMcrouterConfig(text, "", "fuzz.json");
        if (!p && p.error.empty())
            __builtin_trap();
        break;
    }
    }
    return 0;
}
