#include "tests/common/testkeys.h"

#include <random>

namespace ringscope::test {

std::vector<std::string> randomKeys(std::size_t count, std::uint64_t seed, std::size_t nonAsciiEvery)
{
    std::mt19937_64 rng(seed);
    std::vector<std::string> keys;
    keys.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t len = 1 + (rng() % 4 == 0 ? rng() % 250 : rng() % 40);
        std::string key;
        key.reserve(len);
        const bool high = nonAsciiEvery != 0 && i % nonAsciiEvery == 0;
        for (std::size_t k = 0; k < len; ++k) {
            if (high && rng() % 3 == 0)
                key.push_back(static_cast<char>(0x80 + rng() % 128));
            else
                key.push_back(static_cast<char>(0x21 + rng() % 94)); // '!'..'~'
        }
        keys.push_back(std::move(key));
    }
    return keys;
}

std::vector<std::string> randomUtf8Keys(std::size_t count, std::uint64_t seed)
{
    static const char *const kWords[] = {"é", "ß", "€", "日本", "ключ", "😀", "ü"};
    std::mt19937_64 rng(seed);
    auto keys = randomKeys(count, seed, 0);
    for (std::size_t i = 0; i < keys.size(); i += 5) {
        keys[i].resize(std::min<std::size_t>(keys[i].size(), 200));
        keys[i] += kWords[rng() % std::size(kWords)];
    }
    return keys;
}

std::string joinLines(const std::vector<std::string> &keys)
{
    std::string out;
    for (const auto &k : keys)
        out.append(k).push_back('\n');
    return out;
}

} // namespace ringscope::test
