#pragma once

#include "core/placement/keyset.h"
#include "core/placement/methodcomparison.h"
#include "core/protocol/printable.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace ringscope::cli {

// Large buffered writes: placing a million keys is dominated by output.
class OutputBuffer {
public:
    explicit OutputBuffer(std::FILE *file) : m_file(file) { m_buffer.reserve(kFlushAt + 4096); }
    ~OutputBuffer() { finish(); }
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;

    void append(std::string_view s)
    {
        m_buffer.append(s);
        if (m_buffer.size() >= kFlushAt)
            flush();
    }
    void append(char c) { m_buffer.push_back(c); }
    // Flushes everything; false when a write failed.
    bool finish();

private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    void flush();

    std::FILE *m_file;
    std::string m_buffer;
    bool m_ok = true;
};

// Everything on standard input, one key per line, within the limits of
// core/cluster/textinput.h (a line, the whole); nothing and a message past them.
std::optional<core::KeySet> readStdinKeys(std::string &error);


// {name: bytes} when they are UTF-8, else {name_base64: …}: exact either way.
nlohmann::json jsonBytes(const std::string &name, std::string_view bytes);
// JSON text; bytes that are not UTF-8 (a server's, in stats or errors)
// become U+FFFD rather than an exception.
std::string jsonText(const nlohmann::json &j, int indent = -1);

void printComparison(const std::vector<core::MethodMeasurement> &results, std::size_t keys, bool json);

} // namespace ringscope::cli
