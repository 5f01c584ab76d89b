#include "core/protocol/responseparser.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace ringscope::core {
namespace {

struct ValueHeader {
    std::string_view key;
    std::uint32_t flags = 0;
    std::size_t bytes = 0;
    std::uint64_t cas = 0;
};

template <typename T>
bool number(std::string_view text, T &out)
{
    if (text.empty())
        return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// The next space-separated token of `s`, advancing it.
std::string_view token(std::string_view &s)
{
    const auto space = s.find(' ');
    const std::string_view t = s.substr(0, space);
    s = space == std::string_view::npos ? std::string_view{} : s.substr(space + 1);
    return t;
}

// "key flags bytes [cas]" of a VALUE line, from after "VALUE " to the end of
// the line (its "\r\n" excluded), read in one pass from the front: the
// numbers end where from_chars stops, at the next space, with no search for
// it first. A line that ends in one space after the length is taken as
// without a cas.
bool valueHeader(const char *at, const char *const end, ValueHeader &out)
{
    const auto *keyEnd = static_cast<const char *>(std::memchr(at, ' ', static_cast<std::size_t>(end - at)));
    if (!keyEnd || keyEnd == at)
        return false;
    out.key = std::string_view(at, static_cast<std::size_t>(keyEnd - at));
    const auto digits = [&](auto &value) {
        const auto [ptr, ec] = std::from_chars(at, end, value);
        const bool ok = ec == std::errc() && ptr != at;
        at = ptr;
        return ok;
    };
    const auto space = [&] { return at != end && *at++ == ' '; };
    at = keyEnd + 1;
    if (!digits(out.flags) || !space() || !digits(out.bytes))
        return false;
    return at == end || (space() && (at == end || (digits(out.cas) && at == end)));
}

// The item a VALUE line announces, its data still to come.
Item &addItem(std::vector<Item> &items, const ValueHeader &header)
{
    Item &item = items.emplace_back();
    item.key = std::string(header.key); // built, then moved in: cheaper than assigning into it
    item.flags = header.flags;
    item.cas = header.cas;
    return item;
}

std::string printable(std::string_view line)
{
    std::string out;
    for (const char c : line.substr(0, 80)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f) {
            out += c;
        } else {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    if (line.size() > 80)
        out += "…";
    return out;
}

} // namespace

const char *replyName(Reply reply) noexcept
{
    static constexpr const char *kNames[] = {
        "VALUE/END", "STORED", "NOT_STORED", "EXISTS", "NOT_FOUND", "DELETED", "TOUCHED", "number", "STAT/END",
        "VERSION", "OK", "HD", "VA", "EN", "NF", "NS", "EX", "MN", "ME", "metadump entry", "END",
        "ERROR", "CLIENT_ERROR", "SERVER_ERROR"};
    return kNames[static_cast<std::size_t>(reply)];
}

void ResponseParser::feed(std::string_view bytes)
{
    if (bytes.empty())
        return;
    std::memcpy(space(bytes.size()).data(), bytes.data(), bytes.size());
    commit(bytes.size());
}

std::span<char> ResponseParser::space(std::size_t atLeast)
{
    constexpr std::size_t kMinCapacity = 64 * 1024; // a read's worth, as a socket buffer holds
    if (m_pos == m_size) // all parsed: start again at the front
        m_pos = m_size = 0;
    if (m_capacity - m_size < atLeast) {
        const std::size_t live = m_size - m_pos;
        if (live + atLeast <= m_capacity && m_pos >= live) {
            // Room enough once the parsed bytes are dropped, and the move is
            // short next to what was parsed (a big value is not moved per read).
            std::memmove(m_data.get(), m_data.get() + m_pos, live);
        } else {
            const std::size_t capacity = std::max({m_capacity * 2, live + atLeast, kMinCapacity});
            auto grown = std::make_unique_for_overwrite<char[]>(capacity);
            if (live > 0)
                std::memcpy(grown.get(), m_data.get() + m_pos, live);
            m_data = std::move(grown);
            m_capacity = capacity;
        }
        m_pos = 0;
        m_size = live;
    }
    return {m_data.get() + m_size, m_capacity - m_size};
}

ResponseParser::Status ResponseParser::tooLarge(std::string_view what, std::size_t size, ProtocolError &error)
{
    return fail(ProtocolError::Code::ValueTooLarge,
                std::string(what) + " of " + std::to_string(size) + " bytes is over the limit of "
                    + std::to_string(m_limits.maxValue),
                error);
}

void ResponseParser::recycle(std::vector<Item> &&items) noexcept
{
    // Small ones only: one huge multi-get should not hold its room for ever.
    constexpr std::size_t kMostKept = 256;
    if (m_spareItems.capacity() > 0 || items.capacity() == 0 || items.capacity() > kMostKept)
        return;
    items.clear();
    m_spareItems = std::move(items);
}

void ResponseParser::reset(Response &r)
{
    // Cheaper than assigning a fresh Response: what it holds keeps its room
    // (m_partial was last moved out, so there is none), and an empty items
    // vector takes a recycled one.
    r.reply = Reply::Error;
    r.items.clear();
    if (r.items.capacity() == 0)
        r.items.swap(m_spareItems);
    r.number = 0;
    r.stats.clear();
    r.text.clear();
}

ResponseParser::Status ResponseParser::fail(ProtocolError::Code code, std::string message, ProtocolError &error)
{
    m_failed = true;
    m_inProgress = false;
    error = {code, std::move(message)};
    return Status::Failed;
}

bool ResponseParser::takeLine(std::string_view &line, ProtocolError &error, bool lfEnds)
{
    // The first "\r\n" (or "\n" when lfEnds) after m_pos, found by its "\n":
    // memchr is faster than a search for the pair.
    if (m_pos == m_size)
        return false;
    const char *const base = m_data.get();
    const char *const first = base + m_pos;
    const char *const last = base + m_size;
    const char *newline = nullptr;
    for (const char *from = first; from < last;) {
        const auto *n = static_cast<const char *>(std::memchr(from, '\n', static_cast<std::size_t>(last - from)));
        if (!n || lfEnds || (n > first && n[-1] == '\r')) {
            newline = n;
            break;
        }
        from = n + 1; // a bare "\n" inside a line
    }
    const char *end = newline ? newline : last;
    // The "\r" of a line's "\r\n" is not the line's; nor is a "\r" the bytes
    // so far end with, which may be the start of it (a line of exactly
    // maxLine bytes whose "\r" and "\n" come in different reads is not too long).
    if (end > first && end[-1] == '\r')
        --end;
    const auto length = static_cast<std::size_t>(end - first);
    if (length > m_limits.maxLine) {
        fail(ProtocolError::Code::LineTooLong,
             "reply line longer than " + std::to_string(m_limits.maxLine) + " bytes without \\r\\n", error);
        return false;
    }
    if (!newline)
        return false;
    line = std::string_view(first, length);
    m_pos = static_cast<std::size_t>(newline + 1 - base);
    return true;
}

bool ResponseParser::errorLine(std::string_view line, Response &out)
{
    // Most lines are not errors: ERROR, CLIENT_ERROR, SERVER_ERROR and BUSY
    // are told apart from them (STORED, END, EXISTS, EN …) by two letters.
    if (line.size() < 5)
        return false;
    const char a = line[0], b = line[1];
    if (!((a == 'E' && b == 'R') || (a == 'C' && b == 'L') || (a == 'S' && b == 'E') || (a == 'B' && b == 'U')))
        return false;
    if (line == "ERROR") {
        out = {};
        out.reply = Reply::Error;
        out.text = "ERROR (the server did not recognise the command)";
        return true;
    }
    for (const auto &[prefix, reply] : {std::pair{std::string_view("CLIENT_ERROR"), Reply::ClientError},
                                        std::pair{std::string_view("SERVER_ERROR"), Reply::ServerError}}) {
        if (startsWith(line, prefix) && (line.size() == prefix.size() || line[prefix.size()] == ' ')) {
            out = {};
            out.reply = reply;
            out.text = std::string(line.substr(std::min(line.size(), prefix.size() + 1)));
            return true;
        }
    }
    if (startsWith(line, "BUSY ")) { // the LRU crawler is busy with another request
        out = {};
        out.reply = Reply::ServerError;
        out.text = std::string(line);
        return true;
    }
    return false;
}

ResponseParser::Status ResponseParser::next(Expect expect, Response &out, ProtocolError &error,
                                            std::size_t expectedItems)
{
    if (m_failed) {
        error = {ProtocolError::Code::UnexpectedLine, "the connection already received garbage"};
        return Status::Failed;
    }
    if (m_inProgress) {
        if (expect == Expect::Retrieval || expect == Expect::Config)
            return retrieval(out, error, expect == Expect::Config ? "CONFIG" : "VALUE");
        if (expect == Expect::Stats)
            return stats(out, error);
        return metaValueData(out, error);
    }
    if (expect == Expect::Retrieval && wholeOneValue(out))
        return Status::Complete;
    std::string_view line;
    while (true) {
        if (!takeLine(line, error, expect == Expect::Metadump))
            return m_failed ? Status::Failed : Status::NeedMore;
        // A metadump may start with "OK"; it says nothing by itself.
        if (expect == Expect::Metadump && line == "OK")
            continue;
        break;
    }
    if (errorLine(line, out))
        return Status::Complete;
    return lineReply(expect, line, out, error, expectedItems);
}

ResponseParser::Status ResponseParser::lineReply(Expect expect, std::string_view line, Response &out,
                                                 ProtocolError &error, std::size_t expectedItems)
{
    auto simple = [&](Reply r) {
        out = {};
        out.reply = r;
        return Status::Complete;
    };
    auto unexpected = [&] {
        return fail(ProtocolError::Code::UnexpectedLine, "unexpected reply '" + printable(line) + "'", error);
    };
    switch (expect) {
    case Expect::Retrieval:
    case Expect::Config: {
        if (line == "END") // nothing found
            return simple(Reply::Values);
        const std::string_view keyword = expect == Expect::Config ? "CONFIG" : "VALUE";
        reset(m_partial);
        m_partial.reply = Reply::Values;
        m_partial.items.reserve(std::min(expectedItems, m_limits.maxItems));
        m_inProgress = true;
        if (const auto failed = valueLine(line, keyword, error))
            return *failed;
        return retrieval(out, error, keyword);
    }
    case Expect::Stats:
        reset(m_partial);
        m_partial.reply = Reply::Stats;
        m_inProgress = true;
        m_pos -= line.size() + 2;
        return stats(out, error);
    case Expect::Storage:
        if (line == "STORED")
            return simple(Reply::Stored);
        if (line == "NOT_STORED")
            return simple(Reply::NotStored);
        if (line == "EXISTS")
            return simple(Reply::Exists);
        if (line == "NOT_FOUND")
            return simple(Reply::NotFound);
        return unexpected();
    case Expect::Delete:
        if (line == "DELETED")
            return simple(Reply::Deleted);
        if (line == "NOT_FOUND")
            return simple(Reply::NotFound);
        return unexpected();
    case Expect::Touch:
        if (line == "TOUCHED")
            return simple(Reply::Touched);
        if (line == "NOT_FOUND")
            return simple(Reply::NotFound);
        return unexpected();
    case Expect::Arithmetic: {
        if (line == "NOT_FOUND")
            return simple(Reply::NotFound);
        std::uint64_t n = 0;
        if (!number(line, n))
            return fail(ProtocolError::Code::BadNumber, "expected a number, got '" + printable(line) + "'", error);
        simple(Reply::Number);
        out.number = n;
        return Status::Complete;
    }
    case Expect::Version:
        if (!startsWith(line, "VERSION "))
            return unexpected();
        simple(Reply::Version);
        out.text = std::string(line.substr(8));
        return Status::Complete;
    case Expect::Ok:
        return line == "OK" ? simple(Reply::Ok) : unexpected();
    case Expect::MetaNoop:
        return line == "MN" ? simple(Reply::MetaNoop) : unexpected();
    case Expect::MetaDebug:
        if (line == "EN")
            return simple(Reply::MetaMiss);
        if (!startsWith(line, "ME "))
            return unexpected();
        simple(Reply::MetaDebug);
        out.text = std::string(line.substr(3));
        return Status::Complete;
    case Expect::Metadump:
        if (line == "END")
            return simple(Reply::MetadumpEnd);
        if (!startsWith(line, "key="))
            return unexpected();
        simple(Reply::MetadumpEntry);
        out.text = std::string(line);
        return Status::Complete;
    case Expect::Nothing:
        return unexpected();
    case Expect::Meta: {
        std::string_view rest = line;
        const std::string_view code = token(rest);
        const std::pair<std::string_view, Reply> codes[] = {{"HD", Reply::MetaHit},       {"EN", Reply::MetaMiss},
                                                            {"NF", Reply::MetaNotFound}, {"NS", Reply::MetaNotStored},
                                                            {"EX", Reply::MetaExists},   {"MN", Reply::MetaNoop}};
        for (const auto &[name, reply] : codes) {
            if (code == name) {
                simple(reply);
                out.text = std::string(rest);
                return Status::Complete;
            }
        }
        if (code != "VA")
            return unexpected();
        std::size_t size = 0;
        if (!number(token(rest), size))
            return fail(ProtocolError::Code::BadNumber, "bad VA length in '" + printable(line) + "'", error);
        if (size > m_limits.maxValue)
            return tooLarge("value", size, error);
        reset(m_partial);
        m_partial.reply = Reply::MetaValue;
        m_partial.text = std::string(rest);
        m_partial.items.emplace_back();
        m_pendingBytes = size;
        m_awaitingData = true;
        m_inProgress = true;
        return metaValueData(out, error);
    }
    }
    return unexpected();
}

std::optional<ResponseParser::Status> ResponseParser::valueData(ProtocolError &error)
{
    if (buffered() < m_pendingBytes + 2)
        return Status::NeedMore;
    Item &item = m_partial.items.back();
    if (held().substr(m_pos + m_pendingBytes, 2) != "\r\n")
        return fail(ProtocolError::Code::BadTerminator,
                    "value data" + (item.key.empty() ? std::string() : " of '" + printable(item.key) + "'")
                        + " not followed by \\r\\n",
                    error);
    // Built, then moved in: cheaper than assigning into the empty string.
    item.value = std::string(m_data.get() + m_pos, m_pendingBytes);
    m_pos += m_pendingBytes + 2;
    m_awaitingData = false;
    return std::nullopt;
}

ResponseParser::Status ResponseParser::metaValueData(Response &out, ProtocolError &error)
{
    if (const auto waiting = valueData(error))
        return *waiting;
    m_inProgress = false;
    out = std::move(m_partial);
    return Status::Complete;
}

std::optional<ResponseParser::Status> ResponseParser::listLine(std::string_view &line, bool first, Response &out,
                                                               ProtocolError &error)
{
    if (!takeLine(line, error))
        return m_failed ? Status::Failed : Status::NeedMore;
    if (line == "END") {
        m_inProgress = false;
        out = std::move(m_partial);
        return Status::Complete;
    }
    if (first && errorLine(line, out)) { // an error instead of the whole list
        m_inProgress = false;
        return Status::Complete;
    }
    return std::nullopt;
}

ResponseParser::Status ResponseParser::retrieval(Response &out, ProtocolError &error, std::string_view keyword)
{
    while (true) {
        if (m_awaitingData)
            if (const auto waiting = valueData(error))
                return *waiting;
        std::string_view line;
        if (const auto ended = listLine(line, m_partial.items.empty(), out, error))
            return *ended;
        if (const auto failed = valueLine(line, keyword, error))
            return *failed;
    }
}

std::optional<ResponseParser::Status> ResponseParser::valueLine(std::string_view line, std::string_view keyword,
                                                                ProtocolError &error)
{
    const auto malformed = [&] {
        return fail(ProtocolError::Code::BadNumber, "malformed VALUE line '" + printable(line) + "'", error);
    };
    if (line.size() <= keyword.size() || line[keyword.size()] != ' '
        || std::memcmp(line.data(), keyword.data(), keyword.size()) != 0) {
        if (line == keyword)
            return malformed();
        return fail(ProtocolError::Code::UnexpectedLine,
                    "expected " + std::string(keyword) + " or END, got '" + printable(line) + "'", error);
    }
    ValueHeader header;
    if (!valueHeader(line.data() + keyword.size() + 1, line.data() + line.size(), header))
        return malformed();
    if (header.bytes > m_limits.maxValue)
        return tooLarge("VALUE", header.bytes, error);
    if (m_partial.items.size() >= m_limits.maxItems)
        return fail(ProtocolError::Code::UnexpectedLine, "more VALUEs than were asked for", error);
    addItem(m_partial.items, header);
    m_pendingBytes = header.bytes;
    m_awaitingData = true;
    return std::nullopt;
}

bool ResponseParser::wholeOneValue(Response &out)
{
    // Taken only when everything is here and right; anything else (a
    // multi-get's second VALUE, a reply still arriving, any error) is left
    // untouched for the general path, which says what is wrong.
    static constexpr std::string_view kValue = "VALUE ";
    static constexpr std::string_view kEnd = "\r\nEND\r\n";
    const char *const begin = m_data.get() + m_pos;
    const std::size_t held = m_size - m_pos;
    if (held < kValue.size() + kEnd.size() || std::memcmp(begin, kValue.data(), kValue.size()) != 0
        || m_limits.maxItems == 0)
        return false;
    // The line's "\n" within the longest line allowed (and its "\r\n").
    const auto *newline = static_cast<const char *>(std::memchr(begin, '\n', std::min(held, m_limits.maxLine + 2)));
    if (!newline || newline[-1] != '\r')
        return false;
    ValueHeader header;
    if (!valueHeader(begin + kValue.size(), newline - 1, header) || header.bytes > m_limits.maxValue)
        return false;
    const char *const data = newline + 1;
    const auto after = static_cast<std::size_t>(begin + held - data);
    if (header.bytes > after || after - header.bytes < kEnd.size()
        || std::memcmp(data + header.bytes, kEnd.data(), kEnd.size()) != 0)
        return false;
    reset(out);
    out.reply = Reply::Values;
    addItem(out.items, header).value = std::string(data, header.bytes);
    m_pos = static_cast<std::size_t>(data + header.bytes + kEnd.size() - m_data.get());
    return true;
}

ResponseParser::Status ResponseParser::stats(Response &out, ProtocolError &error)
{
    while (true) {
        std::string_view line;
        if (const auto ended = listLine(line, m_partial.stats.empty(), out, error))
            return *ended;
        std::string_view rest = line;
        if (token(rest) != "STAT")
            return fail(ProtocolError::Code::UnexpectedLine, "expected STAT or END, got '" + printable(line) + "'",
                        error);
        const std::string_view name = token(rest);
        if (name.empty())
            return fail(ProtocolError::Code::UnexpectedLine, "STAT line without a name", error);
        if (m_partial.stats.size() >= m_limits.maxStats)
            return fail(ProtocolError::Code::UnexpectedLine, "too many STAT lines", error);
        m_partial.stats.emplace_back(std::string(name), std::string(rest));
    }
}

} // namespace ringscope::core
