#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ringscope::core {

// What a request expects back; the parser needs it to know where a reply ends.
enum class Expect : std::uint8_t {
    Retrieval,  // get/gets/gat/gats: VALUE … END
    Storage,    // set/add/replace/append/prepend/cas
    Delete,
    Arithmetic, // incr/decr
    Touch,
    Stats,      // STAT … END
    Version,
    Ok,         // verbosity, flush_all
    Meta,       // mg/ms/md/ma: HD, VA, EN, NF, NS, EX
    MetaNoop,   // mn
    MetaDebug,  // me: "ME key k=v…" or EN
    Metadump,   // lru_crawler metadump: one entry per line, END
    Nothing,    // `noreply` writes: the server sends nothing back
    Config,     // ElastiCache `config get cluster`: CONFIG name flags bytes, data, END
};

// What the server said, named after the reply itself.
enum class Reply : std::uint8_t {
    Values, Stored, NotStored, Exists, NotFound, Deleted, Touched, Number, Stats, Version, Ok,
    MetaHit, MetaValue, MetaMiss, MetaNotFound, MetaNotStored, MetaExists, MetaNoop, MetaDebug,
    MetadumpEntry, MetadumpEnd,
    Error, ClientError, ServerError,
};

struct Item {
    std::string key;
    std::uint32_t flags = 0;
    std::uint64_t cas = 0;
    std::string value;
};

struct Response {
    Reply reply = Reply::Error;
    std::vector<Item> items;                               // Values; MetaValue has one (no key)
    std::uint64_t number = 0;                              // Number
    std::vector<std::pair<std::string, std::string>> stats; // Stats
    std::string text; // Version; error message; meta return flags; metadump / me line

    bool isError() const noexcept
    {
        return reply == Reply::Error || reply == Reply::ClientError || reply == Reply::ServerError;
    }
};

const char *replyName(Reply reply) noexcept;

// Whether an error reply is memcached -Y's refusal of a connection that has
// not authenticated: `CLIENT_ERROR unauthenticated` to any command, and to a
// set (which it takes for a login) `bad authentication token format` or
// `authentication failure`.
inline bool needsAuthentication(const Response &response)
{
    return response.reply == Reply::ClientError
        && (response.text == "unauthenticated" || response.text == "bad authentication token format"
            || response.text == "authentication failure");
}

// An error reply's text for a message; the authentication refusals say what to do.
inline std::string errorText(const Response &response)
{
    if (needsAuthentication(response))
        return "authentication required: the server runs memcached -Y (give a user and password)";
    return response.text;
}

} // namespace ringscope::core
