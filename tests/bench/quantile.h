#pragma once
// Medians and quartiles of benchmark runs (bench_client, bench_floor).

#include <algorithm>
#include <cstddef>
#include <vector>

namespace ringscope::bench {

// The q-quantile by linear interpolation between the nearest ranks.
inline double quantile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    const double at = q * static_cast<double>(v.size() - 1);
    const auto below = static_cast<std::size_t>(at);
    const std::size_t above = std::min(below + 1, v.size() - 1);
    return v[below] + (at - static_cast<double>(below)) * (v[above] - v[below]);
}

inline double median(std::vector<double> v)
{
    return quantile(std::move(v), 0.5);
}

} // namespace ringscope::bench
