#include "core/distribution/rendezvousdistribution.h"

#include "core/hash/hashfunctions.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ringscope::core {
namespace {

// splitmix64's finalizer: turns (key hash, server seed) into a uniform score.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

} // namespace

RendezvousDistribution::RendezvousDistribution(ServerList servers, HashFunction keyHash)
    : Distribution(std::move(servers))
    , m_keyHash(keyHash)
{
    for (const Server &s : this->servers()) {
        m_seeds.push_back(hashfn::xxh3_64(s.label()));
        m_weighted = m_weighted || s.weight != 1;
    }
}

double RendezvousDistribution::score(std::uint32_t keyHash, std::size_t server) const noexcept
{
    const std::uint64_t z = mix64(m_seeds[server] ^ (static_cast<std::uint64_t>(keyHash) * 0x9e3779b97f4a7c15ull));
    if (!m_weighted)
        return static_cast<double>(z);
    const double u = (static_cast<double>(z >> 11) + 0.5) * 0x1.0p-53; // in (0, 1)
    return -static_cast<double>(servers()[server].weight) / std::log(u);
}

std::size_t RendezvousDistribution::owner(std::string_view key) const
{
    const std::uint32_t h = m_keyHash(key);
    std::size_t best = 0;
    double bestScore = -1.0;
    for (std::size_t i = 0; i < m_seeds.size(); ++i) {
        const double s = score(h, i);
        if (s > bestScore) {
            bestScore = s;
            best = i;
        }
    }
    return best;
}

std::vector<std::size_t> RendezvousDistribution::successors(std::string_view key, std::size_t count) const
{
    const std::uint32_t h = m_keyHash(key);
    std::vector<std::size_t> order(m_seeds.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<double> scores(m_seeds.size());
    for (std::size_t i = 0; i < scores.size(); ++i)
        scores[i] = score(h, i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    order.resize(std::min(count, order.size()));
    return order;
}

} // namespace ringscope::core
