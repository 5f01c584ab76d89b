#include "core/net/localaddress.h"

#include "core/distribution/server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <memory>

namespace ringscope::core {

bool resolvesToLoopbackOnly(const std::string &host, std::string &why)
{
    if (isLoopbackHost(host))
        return true;
    if (isIpLiteral(host)) {
        why = host + " is not a loopback address";
        return false;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (const int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &found); rc != 0) {
        why = "cannot resolve " + host + " (" + ::gai_strerror(rc) + ") to check that it is on this machine";
        return false;
    }
    const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owner(found, &::freeaddrinfo);
    for (const addrinfo *a = found; a; a = a->ai_next) {
        char text[INET6_ADDRSTRLEN] = {};
        const void *bytes = a->ai_family == AF_INET6
            ? static_cast<const void *>(&reinterpret_cast<const sockaddr_in6 *>(a->ai_addr)->sin6_addr)
            : static_cast<const void *>(&reinterpret_cast<const sockaddr_in *>(a->ai_addr)->sin_addr);
        if (!::inet_ntop(a->ai_family, bytes, text, sizeof text) || !isLoopbackHost(text)) {
            why = host + " resolves to " + text + ", which is not a loopback address";
            return false;
        }
    }
    return true;
}

} // namespace ringscope::core
