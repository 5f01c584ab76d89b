#pragma once

#include "core/protocol/response.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ringscope::core {

// A reply the parser cannot accept. The connection that received it is no
// longer in step with the server: it fails its pending requests and closes.
struct ProtocolError {
    enum class Code { LineTooLong, UnexpectedLine, BadNumber, ValueTooLarge, BadTerminator, Unsolicited };
    Code code;
    std::string message;
};

// Incremental memcached response parser: bytes in, complete responses out,
// no I/O, so it can be fuzzed. It never trusts a length from the server
// beyond its limits, and it keeps its place between calls, so a reply that
// arrives one byte at a time costs no more than one that arrives whole.
class ResponseParser {
public:
    struct Limits {
        std::size_t maxLine = 8192;              // a line without "\r\n" longer than this is garbage
        std::size_t maxValue = 64 * 1024 * 1024; // memcached's largest item size setting
        std::size_t maxItems = 100000;           // values in one multi-get reply
        std::size_t maxStats = 10000;            // STAT lines in one reply
    };

    enum class Status { NeedMore, Complete, Failed };

    ResponseParser() = default;
    explicit ResponseParser(Limits limits) : m_limits(limits) {}

    void feed(std::string_view bytes);
    // Reading straight into the parser, with no copy: space() gives room for
    // at least `atLeast` bytes after those held, commit() says how many of
    // them a read filled. feed() is space() + copy + commit().
    std::span<char> space(std::size_t atLeast);
    void commit(std::size_t n) noexcept { m_size += n; }
    std::size_t buffered() const noexcept { return m_size - m_pos; }
    // Gives back the items vector of a reply that was handed out, once its
    // items were taken: the next reply fills it, with no allocation.
    void recycle(std::vector<Item> &&items) noexcept;

    // Parses the reply to a request expecting `expect`. Complete: `out` holds
    // it and the next call starts on the next reply. Failed: `error` says why,
    // and the parser stays failed. `expectedItems` is a hint: room for that
    // many VALUEs is made at once (never more than the limit allows).
    Status next(Expect expect, Response &out, ProtocolError &error, std::size_t expectedItems = 0);

private:
    // `lfEnds`: a bare "\n" ends a line too (metadump entries end that way).
    bool takeLine(std::string_view &line, ProtocolError &error, bool lfEnds = false);
    Status fail(ProtocolError::Code code, std::string message, ProtocolError &error);
    Status tooLarge(std::string_view what, std::size_t size, ProtocolError &error);
    Status lineReply(Expect expect, std::string_view line, Response &out, ProtocolError &error,
                     std::size_t expectedItems);
    // The next line of a multi-line reply (VALUE…/STAT… until END), or the
    // status to return when the list ended, failed or needs more bytes.
    std::optional<Status> listLine(std::string_view &line, bool first, Response &out, ProtocolError &error);
    Status retrieval(Response &out, ProtocolError &error, std::string_view keyword);
    // One "VALUE key flags bytes [cas]" line: the item is added and its data
    // awaited; or the status to return when the line is bad.
    std::optional<Status> valueLine(std::string_view line, std::string_view keyword, ProtocolError &error);
    // A get's whole one-item reply ("VALUE …\r\n<data>\r\nEND\r\n"), all
    // in the buffer and well formed: parsed into `out` in one step (true),
    // with none of the general path's state. A get's usual reply.
    bool wholeOneValue(Response &out);
    Status stats(Response &out, ProtocolError &error);
    // The awaited data block of the last item and its "\r\n", into its
    // value; or the status to return when it is not all here or is bad.
    std::optional<Status> valueData(ProtocolError &error);
    Status metaValueData(Response &out, ProtocolError &error);
    bool errorLine(std::string_view line, Response &out);
    // Empties `r` for a new reply (m_partial, or a reply parsed in one step).
    void reset(Response &r);
    std::string_view held() const noexcept { return {m_data.get(), m_size}; }

    Limits m_limits;
    // Bytes received: [m_pos, m_size) not parsed yet, m_capacity in all
    // (not a std::string: growing one writes zeros over the room first).
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    std::size_t m_pos = 0;
    bool m_failed = false;
    // A reply in progress (multi-line or waiting for a data block).
    bool m_inProgress = false;
    Response m_partial;
    std::vector<Item> m_spareItems; // see recycle()
    std::size_t m_pendingBytes = 0; // data block length awaited, when > 0 or m_awaitingData
    bool m_awaitingData = false;
};

} // namespace ringscope::core
