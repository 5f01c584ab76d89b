#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ringscope::core {

// Many keys in one buffer: a million keys are one allocation, not a million.
// Keys are raw bytes; nothing here validates them, since placement is pure
// arithmetic and must answer for any key a client could hash.
class KeySet {
public:
    KeySet() = default;
    // The views point into the bytes: copies and moves rebuild them (a short
    // string's bytes move with the object, not with its heap buffer).
    KeySet(const KeySet &other);
    KeySet(KeySet &&other);
    KeySet &operator=(const KeySet &other);
    KeySet &operator=(KeySet &&other);
    ~KeySet() = default;

    // One key per line ("\n", a trailing "\r" kept as part of the key is
    // removed), as `ringscope-cli place` reads stdin. A last line without "\n"
    // counts; an empty last line does not.
    static KeySet fromLines(std::string text);

    // `count` distinct keys that look like application keys ("user:1f3a…"),
    // the same for the same seed on every machine.
    static KeySet synthetic(std::size_t count, std::uint64_t seed = 1);

    void add(std::string_view key);
    std::size_t size() const noexcept { return m_views.size(); }
    bool empty() const noexcept { return m_views.empty(); }
    std::string_view operator[](std::size_t i) const noexcept { return m_views[i]; }
    const std::vector<std::string_view> &views() const noexcept { return m_views; }

private:
    void rebuildViews();

    std::string m_bytes;
    std::vector<std::size_t> m_ends;
    std::vector<std::string_view> m_views;
};

} // namespace ringscope::core
