#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace ringscope::core {

// Limits on what RingScope reads from files and standard input: nothing a
// user can point it at (a directory, /dev/zero, a 50 MB config) makes it
// grow without end or hang; each limit is named in the error it gives.
namespace limits {
inline constexpr std::size_t kConfigBytes = 16u << 20;  // a server list, .yml or .json
inline constexpr std::size_t kServers = 10000;           // servers in one cluster
inline constexpr std::size_t kKeysFileBytes = 1u << 30;  // a keys file read whole (compare, diff)
inline constexpr std::size_t kKeyLine = 64u << 10;       // one line of keys on stdin
inline constexpr std::size_t kValueLine = 16u << 20;     // one "key value" line (set --stdin)
inline constexpr std::size_t kJsonDepth = 64;            // nesting of a JSON config
} // namespace limits

// The whole of a regular file of at most `maxBytes`; nothing and a message
// naming the file and the problem otherwise (missing, a directory, a device
// or pipe, too large, a read error). `what` names the file's role.
std::optional<std::string> readRegularFile(const std::string &path, std::size_t maxBytes, std::string &error);

// "12.0 MiB"-style size for messages.
std::string byteSize(std::size_t bytes);

// Lines from a stream, one at a time, in bounded memory: a line longer than
// `maxLine` bytes (or a stream without any newline, like /dev/zero) stops
// the reading with an error instead of growing a buffer.
class LineReader {
public:
    LineReader(std::FILE *file, std::size_t maxLine);
    // The next line without its "\n" (and a "\r" before it); valid until the
    // next call. False at the end of the input or on an error (see error()).
    // A last line without "\n" counts; an empty last line does not.
    bool next(std::string_view &line);
    const std::string &error() const noexcept { return m_error; }
    std::size_t lineNumber() const noexcept { return m_line; }

private:
    std::FILE *m_file;
    std::size_t m_max;
    std::string m_buffer;
    std::size_t m_pos = 0;
    bool m_end = false;
    std::string m_error;
    std::size_t m_line = 0;
};

// The deepest nesting of objects and arrays in JSON text (comments, as
// mcrouter allows them, and strings are skipped): checked before parsing,
// so a file of 20,000 '[' is refused instead of recursing 20,000 deep.
std::size_t jsonNestingDepth(std::string_view text, std::size_t stopAt = static_cast<std::size_t>(-1));

} // namespace ringscope::core
