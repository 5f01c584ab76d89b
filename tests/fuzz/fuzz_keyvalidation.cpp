// libFuzzer target for key validation and base64: a key checkKey() accepts
// has no space or control byte and at most 250 bytes; base64 round-trips.
#include "core/protocol/keyvalidation.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ringscope::core;
    const std::string_view key(reinterpret_cast<const char *>(data), size);
    const KeyCheck check = checkKey(key);
    if (check) {
        if (key.empty() || key.size() > kMaxKeyLength)
            __builtin_trap();
        for (const char c : key)
            if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
                __builtin_trap();
    } else if (check.message(key).empty()) {
        __builtin_trap();
    }
    std::string back;
    if (!base64Decode(base64Encode(key), back) || back != key)
        __builtin_trap();
    std::string ignored;
    (void)base64Decode(key, ignored); // arbitrary text: false or bytes, never a crash
    return 0;
}
