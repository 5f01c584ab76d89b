#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ringscope::core {

// What the text protocol forbids in a key. Checked before a single byte is
// sent, so `k\r\nflush_all` can never smuggle a second command onto the wire.
enum class KeyProblem { None, Empty, TooLong, Whitespace, Control };

struct KeyCheck {
    KeyProblem problem = KeyProblem::None;
    std::size_t position = 0; // of the offending byte
    explicit operator bool() const noexcept { return problem == KeyProblem::None; }
    std::string message(std::string_view key) const;
};

inline constexpr std::size_t kMaxKeyLength = 250;

KeyCheck checkKey(std::string_view key) noexcept;

// Binary keys travel base64-encoded through the meta protocol (flag `b`);
// the encoded form must itself fit in 250 bytes.
std::string base64Encode(std::string_view bytes);
bool base64Decode(std::string_view text, std::string &out);

} // namespace ringscope::core
