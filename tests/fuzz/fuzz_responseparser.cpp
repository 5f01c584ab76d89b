// libFuzzer target for the response parser: the first byte picks what the
// request expected, the second where the bytes are split between two reads.
// The parser must never crash, hang, read out of bounds or grow without bound;
// and the same bytes fed one at a time must give the very same replies (a
// get's whole one-item reply takes a shorter path than one in pieces).
#include "core/protocol/responseparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

using namespace ringscope::core;

struct Outcome {
    ResponseParser::Status status;
    Response response;
    ProtocolError::Code code;
};

bool same(const Outcome &a, const Outcome &b)
{
    if (a.status != b.status)
        return false;
    if (a.status == ResponseParser::Status::Failed)
        return a.code == b.code;
    const Response &x = a.response, &y = b.response;
    if (x.reply != y.reply || x.number != y.number || x.text != y.text || x.stats != y.stats
        || x.items.size() != y.items.size())
        return false;
    for (std::size_t i = 0; i < x.items.size(); ++i)
        if (x.items[i].key != y.items[i].key || x.items[i].flags != y.items[i].flags
            || x.items[i].cas != y.items[i].cas || x.items[i].value != y.items[i].value)
            return false;
    return true;
}

// The replies (and the failure, if any) that `feed` pieces produce.
template <typename Feed>
std::vector<Outcome> parse(Expect expect, const ResponseParser::Limits &limits, Feed &&feed)
{
    ResponseParser parser(limits);
    std::vector<Outcome> out;
    bool failed = false;
    auto drain = [&] {
        for (int i = 0; i < 10000 && !failed; ++i) {
            Outcome o{};
            ProtocolError error{};
            o.status = parser.next(expect, o.response, error);
            if (o.status == ResponseParser::Status::NeedMore)
                return;
            o.code = error.code;
            failed = o.status == ResponseParser::Status::Failed;
            out.push_back(std::move(o));
        }
    };
    feed(parser, drain);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const auto expect = static_cast<Expect>(data[0] % (static_cast<unsigned>(Expect::Metadump) + 1));
    const std::size_t split = size > 2 ? data[1] % (size - 1) : 0;
    const char *bytes = reinterpret_cast<const char *>(data + 2);
    const std::size_t length = size - 2;
    ResponseParser::Limits limits;
    limits.maxValue = 4096;
    limits.maxLine = 512;
    const std::size_t first = split < length ? split : length;
    const auto inTwo = parse(expect, limits, [&](ResponseParser &parser, auto &drain) {
        parser.feed(std::string_view(bytes, first));
        drain();
        parser.feed(std::string_view(bytes + first, length - first));
        drain();
    });
    const auto byByte = parse(expect, limits, [&](ResponseParser &parser, auto &drain) {
        for (std::size_t i = 0; i < length; ++i) {
            parser.feed(std::string_view(bytes + i, 1));
            drain();
        }
    });
    if (inTwo.size() != byByte.size())
        std::abort();
    for (std::size_t i = 0; i < inTwo.size(); ++i)
        if (!same(inTwo[i], byByte[i]))
            std::abort();
    return 0;
}
