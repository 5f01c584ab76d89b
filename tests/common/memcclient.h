#pragma once

// A one-server libmemcached client for tests that drive real memcached,
// nutcracker and nginx processes (only for tests that link libmemcached).
#include <libmemcached-1.0/memcached.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace ringscope::test {

class MemcClient {
public:
    MemcClient(const char *host, unsigned port) : m_memc(memcached_create(nullptr))
    {
        memcached_server_add(m_memc, host, static_cast<in_port_t>(port));
        memcached_behavior_set(m_memc, MEMCACHED_BEHAVIOR_TCP_NODELAY, 1);
        memcached_behavior_set(m_memc, MEMCACHED_BEHAVIOR_POLL_TIMEOUT, 5000);
    }
    ~MemcClient() { memcached_free(m_memc); }
    MemcClient(const MemcClient &) = delete;
    MemcClient &operator=(const MemcClient &) = delete;

    memcached_return_t set(const std::string &key, const std::string &value)
    {
        return memcached_set(m_memc, key.data(), key.size(), value.data(), value.size(), 0, 0);
    }

    std::optional<std::string> get(const std::string &key)
    {
        size_t length = 0;
        uint32_t flags = 0;
        memcached_return_t rc;
        char *v = memcached_get(m_memc, key.data(), key.size(), &length, &flags, &rc);
        if (!v)
            return std::nullopt;
        std::string out(v, length);
        std::free(v);
        return out;
    }

    const char *lastError() const { return memcached_last_error_message(m_memc); }

private:
    memcached_st *m_memc;
};

} // namespace ringscope::test
