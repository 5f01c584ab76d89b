#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ringscope::cli {

// `--name value`, `--name=value` and bare flags, after a command word.
// Unknown options are errors, so a typo never silently changes a result.
class Arguments {
public:
    // `valued` lists the options that take a value, `flags` those that do not.
    static std::optional<Arguments> parse(const std::vector<std::string> &args, const std::vector<std::string> &valued,
                                          const std::vector<std::string> &flags, std::string &error);

    bool has(const std::string &name) const { return m_values.count(name) > 0; }
    std::string value(const std::string &name, const std::string &fallback = {}) const;
    const std::vector<std::string> &positional() const noexcept { return m_positional; }
    // --name as a whole number in [min, max], `fallback` when absent; on a
    // bad value, nothing and a message in `error`.
    std::optional<long long> integer(const std::string &name, long long fallback, long long min, long long max,
                                     std::string &error) const;

private:
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
};

} // namespace ringscope::cli
