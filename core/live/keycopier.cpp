#include "core/live/keycopier.h"

#include "core/protocol/keyvalidation.h"
#include "core/protocol/requestencoder.h"

#include <algorithm>
#include <charconv>
#include <memory>

namespace ringscope::core {
namespace {

constexpr std::size_t kMaxErrors = 10;

// The value of the meta flag `name` in "f12 t-1 …", if present.
std::optional<std::int64_t> metaFlag(std::string_view flags, char name)
{
    while (!flags.empty()) {
        const auto space = flags.find(' ');
        const std::string_view f = flags.substr(0, space);
        flags = space == std::string_view::npos ? std::string_view{} : flags.substr(space + 1);
        if (f.size() >= 2 && f.front() == name) {
            std::int64_t v = 0;
            if (std::from_chars(f.data() + 1, f.data() + f.size(), v).ec == std::errc{})
                return v;
        }
    }
    return std::nullopt;
}

// Drives the copies, `window` at a time, on the I/O thread.
struct Run : std::enable_shared_from_this<Run> {
    Client &client;
    std::vector<KeyCopy> copies;
    std::size_t next = 0, inFlight = 0;
    std::size_t window;
    CopyReport report;
    KeyCopier::Progress progress;
    KeyCopier::Done done;
    KeyCopier::Copied onCopied;
    std::function<bool()> stop;

    Run(Client &c, std::size_t w) : client(c), window(std::max<std::size_t>(1, w)) {}

    void problem(std::string text)
    {
        ++report.failed;
        if (report.errors.size() < kMaxErrors)
            report.errors.push_back(std::move(text));
    }

    void pump()
    {
        if (stop && stop())
            return;
        while (inFlight < window && next < copies.size())
            start(copies[next++]);
        if (inFlight == 0 && next == copies.size() && done) {
            auto d = std::move(done);
            d(std::move(report));
        }
    }

    void finished()
    {
        --inFlight;
        if (progress && report.done() % 1000 == 0)
            progress(report);
        pump();
    }

    void start(const KeyCopy &c)
    {
        ++inFlight;
        if (const KeyCheck check = checkKey(c.key); !check) {
            problem(c.key + ": " + check.message(c.key) + " (copy it with a client that speaks the meta protocol)");
            return asio::post(client.runtime().context(), [self = shared_from_this()] { self->finished(); });
        }
        std::string bytes;
        encode::metaGet(bytes, c.key, "v f t");
        client.send(c.from, std::move(bytes), Expect::Meta, false, [self = shared_from_this(), c](Outcome o) {
            self->copy(c, std::move(o));
        });
    }

    void copy(const KeyCopy &c, Outcome o)
    {
        if (o.error || o.response.isError()) {
            problem(c.key + ": reading it: " + (o.error ? o.error.message : o.response.text));
            return finished();
        }
        if (o.response.reply != Reply::MetaValue || o.response.items.empty()) {
            ++report.gone;
            return finished();
        }
        const auto flags = metaFlag(o.response.text, 'f').value_or(0);
        // t-1: never expires; otherwise the seconds it has left (at least one).
        const auto ttl = metaFlag(o.response.text, 't').value_or(-1);
        client.storeAt(c.to, encode::Store::Add, c.key, std::move(o.response.items.front().value),
                       static_cast<std::uint32_t>(flags), ttl < 0 ? 0 : std::max<std::int64_t>(ttl, 1),
                       [self = shared_from_this(), c](ClientError e, Reply r, const std::string &text) {
                           if (e) {
                               self->problem(c.key + ": writing it: " + e.message);
                           } else if (r == Reply::Stored) {
                               ++self->report.copied;
                               if (self->onCopied)
                                   self->onCopied(c);
                           } else if (r == Reply::NotStored) {
                               ++self->report.alreadyThere;
                           } else {
                               self->problem(c.key + ": writing it: " + std::string(replyName(r)) + " " + text);
                           }
                           self->finished();
                       });
    }
};

} // namespace

void KeyCopier::run(Client &client, std::vector<KeyCopy> copies, std::size_t window, Progress progress, Done done,
                    Copied copied, std::function<bool()> stop)
{
    auto run = std::make_shared<Run>(client, window);
    run->copies = std::move(copies);
    run->progress = std::move(progress);
    run->done = std::move(done);
    run->onCopied = std::move(copied);
    run->stop = std::move(stop);
    asio::post(client.runtime().context(), [run] { run->pump(); });
}

} // namespace ringscope::core
