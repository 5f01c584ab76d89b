#include "core/config/textinput.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace ringscope::core {

std::string byteSize(std::size_t bytes)
{
    char text[32];
    if (bytes >= (1u << 20))
        std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1u << 20));
    else if (bytes >= 1024)
        std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / 1024);
    else
        std::snprintf(text, sizeof text, "%zu bytes", bytes);
    return text;
}

std::optional<std::string> readRegularFile(const std::string &path, std::size_t maxBytes, std::string &error)
{
    struct stat info{};
    if (::stat(path.c_str(), &info) != 0) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    if (S_ISDIR(info.st_mode)) {
        error = path + " is a directory, not a file";
        return std::nullopt;
    }
    if (!S_ISREG(info.st_mode)) {
        // /dev/zero, a pipe or a socket: no end to wait for, or no size to check.
        error = path + " is not a regular file (a device, pipe or socket)";
        return std::nullopt;
    }
    if (static_cast<std::uint64_t>(info.st_size) > maxBytes) {
        error = path + " is " + byteSize(static_cast<std::size_t>(info.st_size)) + ", more than the "
            + byteSize(maxBytes) + " allowed";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::string text;
    text.resize(static_cast<std::size_t>(info.st_size));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        error = "cannot read " + path + ": read error";
        return std::nullopt;
    }
    return text;
}

LineReader::LineReader(std::FILE *file, std::size_t maxLine)
    : m_file(file)
    , m_max(maxLine)
{
}

bool LineReader::next(std::string_view &line)
{
    if (!m_error.empty())
        return false;
    std::size_t searchFrom = m_pos;
    for (;;) {
        const auto nl = m_buffer.find('\n', searchFrom);
        if (nl != std::string::npos || (m_end && m_pos < m_buffer.size())) {
            std::size_t end = nl == std::string::npos ? m_buffer.size() : nl;
            const std::size_t start = m_pos;
            m_pos = nl == std::string::npos ? m_buffer.size() : nl + 1;
            ++m_line;
            if (end - start > m_max) {
                m_error = "line " + std::to_string(m_line) + " is longer than " + byteSize(m_max);
                return false;
            }
            if (end > start && m_buffer[end - 1] == '\r')
                --end;
            line = std::string_view(m_buffer).substr(start, end - start);
            return true;
        }
        if (m_end)
            return false;
        // Keep only the line being read, then read more.
        m_buffer.erase(0, m_pos);
        m_pos = 0;
        if (m_buffer.size() > m_max + 1) {
            m_error = "line " + std::to_string(m_line + 1) + " is longer than " + byteSize(m_max)
                + " (is the input a text file with one entry per line?)";
            return false;
        }
        searchFrom = m_buffer.size();
        char chunk[1 << 16];
        const std::size_t n = std::fread(chunk, 1, sizeof chunk, m_file);
        if (n == 0) {
            if (std::ferror(m_file)) {
                m_error = std::string("read error: ") + std::strerror(errno);
                return false;
            }
            m_end = true;
        }
        m_buffer.append(chunk, n);
    }
}

std::size_t jsonNestingDepth(std::string_view text, std::size_t stopAt)
{
    std::size_t depth = 0, deepest = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\')
                    ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            i = text.find('\n', i);
            if (i == std::string_view::npos)
                break;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            i = text.find("*/", i + 2);
            if (i == std::string_view::npos)
                break;
            ++i;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
            if (deepest >= stopAt)
                return deepest;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

} // namespace ringscope::core
