// libFuzzer target for the response parser: the first byte picks what the
// request expected, the second where the bytes are split between two reads.
// The parser must never crash, hang, read out of bounds or grow without bound.
#include "core/protocol/responseparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ringscope::core;
    if (size < 2)
        return 0;
    const auto expect = static_cast<Expect>(data[0] % (static_cast<unsigned>(Expect::Metadump) + 1));
    const std::size_t split = size > 2 ? data[1] % (size - 1) : 0;
    const char *bytes = reinterpret_cast<const char *>(data + 2);
    const std::size_t length = size - 2;
    ResponseParser::Limits limits;
    limits.maxValue = 4096;
    limits.maxLine = 512;
    ResponseParser parser(limits);
    Response response;
    ProtocolError error;
    auto drain = [&] {
        for (int i = 0; i < 10000; ++i)
            if (parser.next(expect, response, error) != ResponseParser::Status::Complete)
                return;
    };
    const std::size_t first = split < length ? split : length;
    parser.feed(std::string_view(bytes, first));
    drain();
    parser.feed(std::string_view(bytes + first, length - first));
    drain();
    return 0;
}
