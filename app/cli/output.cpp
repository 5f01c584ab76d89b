#include "app/cli/output.h"

#include "core/config/textinput.h"
#include "core/protocol/keyvalidation.h"

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

std::optional<core::KeySet> readStdinKeys(std::string &error)
{
    core::LineReader lines(stdin, core::limits::kKeyLine);
    core::KeySet keys;
    std::size_t bytes = 0;
    std::string_view line;
    while (lines.next(line)) {
        bytes += line.size() + 1;
        if (bytes > core::limits::kKeysFileBytes) {
            error = "standard input: more than " + core::byteSize(core::limits::kKeysFileBytes)
                + " of keys (this command holds them all)";
            return std::nullopt;
        }
        keys.add(line);
    }
    if (!lines.error().empty()) {
        error = "standard input: " + lines.error();
        return std::nullopt;
    }
    return keys;
}

nlohmann::json jsonBytes(const std::string &name, std::string_view bytes)
{
    if (core::validUtf8(bytes))
        return {{name, std::string(bytes)}};
    return {{name + "_base64", core::base64Encode(bytes)}};
}

std::string jsonText(const nlohmann::json &j, int indent)
{
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void printComparison(const std::vector<core::MethodMeasurement> &results, std::size_t keys, bool json)
{
    const auto optional = [](const std::optional<double> &v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
    if (json) {
        nlohmann::json j;
        j["keys"] = keys;
        j["methods"] = nlohmann::json::array();
        for (const auto &m : results)
            j["methods"].push_back({{"method", m.label},
                                    {"preset", m.preset},
                                    {"hash", m.hash},
                                    {"replication", core::modeName(m.replication.mode)},
                                    {"replicas", m.replication.replicas},
                                    {"moved_on_add", optional(m.movedOnAdd)},
                                    {"ideal_on_add", m.idealOnAdd},
                                    {"moved_on_remove", optional(m.movedOnRemove)},
                                    {"ideal_on_remove", m.idealOnRemove},
                                    {"max_over_mean", m.maxOverMean},
                                    {"relative_stddev", m.relativeStddev},
                                    {"down_server", m.downServer},
                                    {"reads_unavailable_one_down", m.readsUnavailable},
                                    {"writes_refused_one_down", m.writesRefused},
                                    {"lookup_ns", m.lookupNanos},
                                    {"copies_per_server", m.keysPerServer}});
        std::cout << jsonText(j, 2) << '\n';
        return;
    }
    const auto percent = [](const std::optional<double> &v) {
        char buf[16];
        if (!v)
            return std::string("-");
        std::snprintf(buf, sizeof buf, "%.2f%%", 100 * *v);
        return std::string(buf);
    };
    std::printf("%zu keys. add / remove: keys (copies, with replication) that move to another server (ideal:\n"
                "the changed weight's share); max/mean and stddev: load imbalance, weighted; reads lost and\n"
                "writes refused: with the busiest server down; ns/key: lookup cost on one thread.\n\n",
                keys);
    if (!results.empty())
        std::printf("ideal: add %s, remove %s; busiest server: %s\n\n", percent(results.front().idealOnAdd).c_str(),
                    percent(results.front().idealOnRemove).c_str(), results.front().downServer.c_str());
    std::printf("%-34s %-26s %8s %8s %9s %8s %10s %9s %8s\n", "method", "hash", "add", "remove", "max/mean", "stddev",
                "reads lost", "w refused", "ns/key");
    for (const auto &m : results)
        std::printf("%-34s %-26s %8s %8s %9.3f %8.3f %9.2f%% %8.2f%% %8.1f\n", m.label.c_str(), m.hash.c_str(),
                    percent(m.movedOnAdd).c_str(), percent(m.movedOnRemove).c_str(), m.maxOverMean, m.relativeStddev,
                    100 * m.readsUnavailable, 100 * m.writesRefused, m.lookupNanos);
}

} // namespace ringscope::cli
