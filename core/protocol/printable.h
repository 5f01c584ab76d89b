#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace ringscope::core {

// The length (2-4) of the well-formed UTF-8 sequence of a code point above
// U+007F at the start of `s`, or 0 when there is none (a stray byte, an
// overlong form, a surrogate, a code point past U+10FFFF, a cut sequence).
// `codePoint` receives its value.
inline std::size_t utf8Sequence(std::string_view s, std::uint32_t &codePoint) noexcept
{
    if (s.empty())
        return 0;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char c = byte(0);
    std::size_t n = 0;
    std::uint32_t cp = 0, min = 0;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2, cp = c & 0x1fu, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3, cp = c & 0x0fu, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4, cp = c & 0x07u, min = 0x10000;
    else
        return 0;
    if (s.size() < n)
        return 0;
    for (std::size_t i = 1; i < n; ++i) {
        if ((byte(i) & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i) & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    codePoint = cp;
    return n;
}

// Whether `text` is well-formed UTF-8 (JSON can carry it as a string).
inline bool validUtf8(std::string_view text) noexcept
{
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t n = utf8Sequence(text.substr(i), cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

// Bytes from a server or an input, fit for one line of a terminal or a log:
// control bytes, DEL, C1 controls (U+0080-U+009F) and bytes that are not
// UTF-8 become \n, \r, \t or \xHH, and a backslash becomes \\, so a reply
// or a key can neither move the cursor, retitle the terminal nor split a
// line of output, and the escaped text reads back unambiguously. For a
// message (not data to read back), `escapeBackslash` false keeps a
// backslash as it is.
inline std::string printable(std::string_view text, bool escapeBackslash = true)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f && (c != '\\' || !escapeBackslash)) {
            out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        if (const std::size_t n = c >= 0x80 ? utf8Sequence(text.substr(i), cp) : 0; n > 0 && cp >= 0xa0) {
            out.append(text.substr(i, n));
            i += n;
            continue;
        }
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(c));
            out += hex;
        }
        }
        ++i;
    }
    return out;
}

} // namespace ringscope::core
