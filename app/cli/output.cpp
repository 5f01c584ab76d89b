#include "output.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace ringscope::cli {

void OutputBuffer::flush()
{
    if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
        m_ok = false;
    m_buffer.clear();
}

bool OutputBuffer::finish()
{
    flush();
    if (std::fflush(m_file) != 0)
        m_ok = false;
    return m_ok;
}

core::KeySet readStdinKeys()
{
    std::string data;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0)
        data.append(buffer, n);
    return core::KeySet::fromLines(std::move(data));
}

void printComparison(const std::vector<core::MethodMeasurement> &results, std::size_t keys, bool json)
{
    if (json) {
        nlohmann::json j;
        j["keys"] = keys;
        j["methods"] = nlohmann::json::array();
        for (const auto &m : results)
            j["methods"].push_back({{"preset", m.preset},
                                    {"hash", m.hash},
                                    {"moved_fraction", m.movedFraction},
                                    {"ideal_moved_fraction", m.expectedMoved},
                                    {"max_over_mean", m.maxOverMean},
                                    {"relative_stddev", m.relativeStddev},
                                    {"unavailable_one_down", m.unavailableFraction},
                                    {"lookup_ns", m.lookupNanos},
                                    {"keys_per_server", m.keysPerServer}});
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::printf("%zu keys. moved: keys that change server (ideal: the changed weight's share); max/mean and\n"
                "stddev: load imbalance before the change, weighted; one down: keys lost when the busiest\n"
                "server fails without replication; ns/key: lookup cost on one thread.\n\n",
                keys);
    std::printf("%-30s %-14s %8s %8s %9s %8s %9s %8s\n", "method", "hash", "moved", "ideal", "max/mean", "stddev",
                "one down", "ns/key");
    for (const auto &m : results)
        std::printf("%-30s %-14s %7.2f%% %7.2f%% %9.3f %8.3f %8.2f%% %8.1f\n", m.preset.c_str(), m.hash.c_str(),
                    100 * m.movedFraction, 100 * m.expectedMoved, m.maxOverMean, m.relativeStddev,
                    100 * m.unavailableFraction, m.lookupNanos);
}

} // namespace ringscope::cli
