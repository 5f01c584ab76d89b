#include "core/protocol/requestencoder.h"

#include <algorithm>
#include <charconv>

namespace ringscope::core::encode {
namespace {

// Appends n in decimal, with no temporary string.
template <typename Integer>
void appendNumber(std::string &out, Integer n)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
}

// Appends a space and n.
template <typename Integer>
void appendField(std::string &out, Integer n)
{
    char field[24] = {' '};
    const auto end = std::to_chars(field + 1, field + sizeof field, n).ptr;
    out.append(field, end);
}


void withFlags(std::string &out, std::string_view flags, bool base64Key)
{
    if (base64Key)
        out += " b";
    if (!flags.empty()) {
        out += ' ';
        out += flags;
    }
}

} // namespace

void get(std::string &out, std::span<const std::string_view> keys, bool withCas)
{
    std::size_t size = out.size() + (withCas ? 4 : 3) + 2;
    for (const auto k : keys)
        size += k.size() + 1;
    out.reserve(size); // exactly: one allocation, none when it fits in the string itself
    out += withCas ? "gets" : "get";
    for (const auto k : keys) {
        out += ' ';
        out += k;
    }
    out += "\r\n";
}

void store(std::string &out, Store command, std::string_view key, std::uint32_t flags, std::int64_t exptime,
           std::string_view value, std::uint64_t cas, bool noreply)
{
    static constexpr std::string_view kNames[] = {"set ", "add ", "replace ", "append ", "prepend ", "cas "};
    const std::string_view name = kNames[static_cast<std::size_t>(command)];
    // The numbers, " noreply" and the two CRLFs take at most 4 × 21 + 8 + 4 bytes.
    out.reserve(out.size() + name.size() + key.size() + value.size() + 96);
    out.append(name);
    out.append(key);
    appendField(out, flags);
    appendField(out, exptime);
    appendField(out, value.size());
    if (command == Store::Cas)
        appendField(out, cas);
    if (noreply)
        out.append(" noreply", 8);
    out.append("\r\n", 2);
    out.append(value);
    out.append("\r\n", 2);
}

void remove(std::string &out, std::string_view key, bool noreply)
{
    out += "delete ";
    out += key;
    if (noreply)
        out += " noreply";
    out += "\r\n";
}

void arithmetic(std::string &out, bool increment, std::string_view key, std::uint64_t delta)
{
    out += increment ? "incr " : "decr ";
    out += key;
    out += ' ';
    appendNumber(out, delta);
    out += "\r\n";
}

void touch(std::string &out, std::string_view key, std::int64_t exptime)
{
    out += "touch ";
    out += key;
    out += ' ';
    appendNumber(out, exptime);
    out += "\r\n";
}

void gat(std::string &out, std::int64_t exptime, std::span<const std::string_view> keys)
{
    out += "gat ";
    appendNumber(out, exptime);
    for (const auto k : keys) {
        out += ' ';
        out += k;
    }
    out += "\r\n";
}

void stats(std::string &out, std::string_view group)
{
    out += "stats";
    if (!group.empty()) {
        out += ' ';
        out += group;
    }
    out += "\r\n";
}

void version(std::string &out)
{
    out += "version\r\n";
}

void verbosity(std::string &out, unsigned level)
{
    out += "verbosity ";
    appendNumber(out, level);
    out += "\r\n";
}

void metaGet(std::string &out, std::string_view key, std::string_view flags, bool base64Key)
{
    out += "mg ";
    out += key;
    withFlags(out, flags, base64Key);
    out += "\r\n";
}

void metaSet(std::string &out, std::string_view key, std::string_view value, std::string_view flags, bool base64Key)
{
    out += "ms ";
    out += key;
    out += ' ';
    appendNumber(out, value.size());
    withFlags(out, flags, base64Key);
    out += "\r\n";
    out += value;
    out += "\r\n";
}

void metaDelete(std::string &out, std::string_view key, std::string_view flags, bool base64Key)
{
    out += "md ";
    out += key;
    withFlags(out, flags, base64Key);
    out += "\r\n";
}

void metaArithmetic(std::string &out, std::string_view key, std::string_view flags)
{
    out += "ma ";
    out += key;
    withFlags(out, flags, false);
    out += "\r\n";
}

void metaNoop(std::string &out)
{
    out += "mn\r\n";
}

void metaDebug(std::string &out, std::string_view key)
{
    out += "me ";
    out += key;
    out += "\r\n";
}

void metadumpAll(std::string &out)
{
    out += "lru_crawler metadump all\r\n";
}

void configGet(std::string &out, std::string_view name)
{
    out += "config get ";
    out += name;
    out += "\r\n";
}

} // namespace ringscope::core::encode
