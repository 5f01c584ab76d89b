#include "core/protocol/keyvalidation.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace ringscope::core {

KeyCheck checkKey(std::string_view key) noexcept
{
    if (key.empty())
        return {KeyProblem::Empty, 0};
    if (key.size() > kMaxKeyLength)
        return {KeyProblem::TooLong, kMaxKeyLength};
    // Eight bytes at a time first: most keys have no bad byte, and then this
    // is all the work. The byte loop says where and what the first one is.
    std::size_t i = 0;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    for (; i + 8 <= key.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, key.data() + i, 8);
        const std::uint64_t belowBang = (w - kOnes * 0x21) & ~w & kHighs; // a byte <= ' '
        const std::uint64_t del = w ^ (kOnes * 0x7f);
        const std::uint64_t isDel = (del - kOnes) & ~del & kHighs; // a byte 0x7f
        if (belowBang | isDel)
            break;
    }
    for (; i < key.size(); ++i) {
        const auto c = static_cast<unsigned char>(key[i]);
        if (c == ' ')
            return {KeyProblem::Whitespace, i};
        if (c < 0x20 || c == 0x7f)
            return {KeyProblem::Control, i};
    }
    return {};
}

std::string KeyCheck::message(std::string_view key) const
{
    char byte[8];
    const auto c = position < key.size() ? static_cast<unsigned char>(key[position]) : 0;
    std::snprintf(byte, sizeof byte, "0x%02x", c);
    switch (problem) {
    case KeyProblem::None:
        return {};
    case KeyProblem::Empty:
        return "empty key";
    case KeyProblem::TooLong:
        return "key of " + std::to_string(key.size()) + " bytes is longer than 250";
    case KeyProblem::Whitespace:
        return "key has a space at byte " + std::to_string(position);
    case KeyProblem::Control:
        return "key has control character " + std::string(byte) + " at byte " + std::to_string(position)
            + " (keys cannot contain \\r, \\n, tabs or other control bytes)";
    }
    return {};
}

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64Encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const std::uint32_t v = (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16)
            | (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8)
            | static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (i < bytes.size()) {
        std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size())
            v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

bool base64Decode(std::string_view text, std::string &out)
{
    std::array<int, 256> value{};
    value.fill(-1);
    for (int i = 0; i < 64; ++i)
        value[static_cast<unsigned char>(kAlphabet[i])] = i;
    if (text.size() % 4 != 0)
        return false;
    out.clear();
    for (std::size_t i = 0; i < text.size(); i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = text[i + static_cast<std::size_t>(k)];
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                v[k] = 0;
                ++pad;
            } else if (pad > 0 || (v[k] = value[static_cast<unsigned char>(c)]) < 0) {
                return false;
            }
        }
        const std::uint32_t n = (static_cast<std::uint32_t>(v[0]) << 18) | (static_cast<std::uint32_t>(v[1]) << 12)
            | (static_cast<std::uint32_t>(v[2]) << 6) | static_cast<std::uint32_t>(v[3]);
        out += static_cast<char>(n >> 16);
        if (pad < 2)
            out += static_cast<char>((n >> 8) & 0xff);
        if (pad < 1)
            out += static_cast<char>(n & 0xff);
    }
    return true;
}

} // namespace ringscope::core
