#include "requestencoder.h"

namespace ringscope::core::encode {
namespace {

void number(std::string &out, std::uint64_t n)
{
    out += std::to_string(n);
}

void signedNumber(std::string &out, std::int64_t n)
{
    out += std::to_string(n);
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
    static constexpr const char *kNames[] = {"set ", "add ", "replace ", "append ", "prepend ", "cas "};
    // Command, three or four numbers, noreply and two CRLFs fit in 96 bytes.
    out.reserve(out.size() + key.size() + value.size() + 96);
    out += kNames[static_cast<std::size_t>(command)];
    out += key;
    out += ' ';
    number(out, flags);
    out += ' ';
    signedNumber(out, exptime);
    out += ' ';
    number(out, value.size());
    if (command == Store::Cas) {
        out += ' ';
        number(out, cas);
    }
    if (noreply)
        out += " noreply";
    out += "\r\n";
    out += value;
    out += "\r\n";
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
    number(out, delta);
    out += "\r\n";
}

void touch(std::string &out, std::string_view key, std::int64_t exptime)
{
    out += "touch ";
    out += key;
    out += ' ';
    signedNumber(out, exptime);
    out += "\r\n";
}

void gat(std::string &out, std::int64_t exptime, std::span<const std::string_view> keys)
{
    out += "gat ";
    signedNumber(out, exptime);
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
    number(out, level);
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
    number(out, value.size());
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
