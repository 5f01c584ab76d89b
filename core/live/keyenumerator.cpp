#include "core/live/keyenumerator.h"

#include "core/net/handoff.h"
#include "core/protocol/requestencoder.h"

#include <future>

namespace ringscope::core {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

bool KeyEnumerator::keyOfEntry(std::string_view line, std::string &key)
{
    if (line.substr(0, 4) != "key=")
        return false;
    const auto end = line.find(' ');
    const std::string_view encoded = line.substr(4, end == std::string_view::npos ? std::string_view::npos : end - 4);
    key.clear();
    // memcached URI-encodes keys in a metadump.
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '%') {
            if (i + 2 >= encoded.size())
                return false;
            const int hi = hexValue(encoded[i + 1]);
            const int lo = hexValue(encoded[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            key.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            key.push_back(encoded[i]);
        }
    }
    return !key.empty();
}

void KeyEnumerator::enumerate(Client &client, Options options, std::function<void(std::vector<ServerKeys>)> done)
{
    struct State {
        std::vector<ServerKeys> result;
        std::vector<std::mt19937_64> rng;
        std::size_t remaining;
        std::function<void(std::vector<ServerKeys>)> done;
    };
    const std::size_t n = client.servers().size();
    auto state = std::make_shared<State>();
    state->result.resize(n);
    state->remaining = n;
    state->done = std::move(done);
    for (std::size_t i = 0; i < n; ++i) {
        state->result[i].server = i;
        state->rng.emplace_back(options.seed + i);
    }
    for (std::size_t i = 0; i < n; ++i) {
        std::string bytes;
        encode::metadumpAll(bytes);
        auto onEntry = [state, i, cap = options.cap](const Response &entry) {
            ServerKeys &sk = state->result[i];
            std::string key;
            if (!KeyEnumerator::keyOfEntry(entry.text, key))
                return;
            ++sk.seen;
            if (sk.keys.size() < cap) {
                sk.keys.push_back(std::move(key));
            } else {
                // Reservoir sampling (Algorithm R): every key seen so far has
                // the same chance, cap / seen, of being in the sample.
                sk.sampled = true;
                std::uniform_int_distribution<std::uint64_t> pick(0, sk.seen - 1);
                if (const auto slot = pick(state->rng[i]); slot < cap)
                    sk.keys[slot] = std::move(key);
            }
        };
        StreamLimits limits;
        if (options.wholeTimeout.count() > 0)
            limits.until = Clock::now() + options.wholeTimeout;
        limits.maxEntries = options.maxEntries;
        const std::string address = client.servers()[i].address();
        client.send(
            i, std::move(bytes), Expect::Metadump, false,
            [state, i, limits, address, whole = options.wholeTimeout](Outcome o) {
                if (o.error && o.error.code == ClientErrc::Timeout && Clock::now() >= limits.until)
                    state->result[i].error = {ClientErrc::Timeout, address + ": the metadump did not end within "
                                                                       + std::to_string(whole.count()) + " ms"};
                else if (o.error)
                    state->result[i].error = o.error;
                else if (o.response.isError())
                    state->result[i].error = {ClientErrc::Protocol, "metadump refused: " + errorText(o.response)};
                if (--state->remaining == 0)
                    state->done(std::move(state->result));
            },
            std::move(onEntry), options.idleTimeout, limits);
    }
    if (n == 0)
        state->done({});
}

std::vector<ServerKeys> KeyEnumerator::enumerateSync(Client &client, Options options)
{
    Handoff<std::vector<ServerKeys>> p;
    enumerate(client, options, [&p](std::vector<ServerKeys> r) { p.set(std::move(r)); });
    return p.take();
}

} // namespace ringscope::core
