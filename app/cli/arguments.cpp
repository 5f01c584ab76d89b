#include "app/cli/arguments.h"

#include <charconv>

#include <algorithm>

namespace ringscope::cli {

std::optional<Arguments> Arguments::parse(const std::vector<std::string> &args, const std::vector<std::string> &valued,
                                          const std::vector<std::string> &flags, std::string &error)
{
    Arguments out;
    auto known = [](const std::vector<std::string> &list, const std::string &name) {
        return std::find(list.begin(), list.end(), name) != list.end();
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
            out.m_positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        if (known(flags, name)) {
            if (inlineValue) {
                error = "option --" + name + " takes no value";
                return std::nullopt;
            }
            out.m_values.try_emplace(name);
        } else if (known(valued, name)) {
            if (!inlineValue && i + 1 >= args.size()) {
                error = "option --" + name + " needs a value";
                return std::nullopt;
            }
            if (out.m_values.count(name)) {
                error = "option --" + name + " given twice";
                return std::nullopt;
            }
            out.m_values[name] = inlineValue ? *inlineValue : args[++i];
        } else {
            error = "unknown option --" + name;
            return std::nullopt;
        }
    }
    return out;
}

std::string Arguments::value(const std::string &name, const std::string &fallback) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

std::optional<long long> Arguments::integer(const std::string &name, long long fallback, long long min, long long max,
                                            std::string &error) const
{
    if (!has(name))
        return fallback;
    const std::string text = value(name);
    long long v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < min || v > max) {
        error = "--" + name + " '" + text + "' must be a whole number from " + std::to_string(min) + " to "
            + std::to_string(max);
        return std::nullopt;
    }
    return v;
}

} // namespace ringscope::cli
