#include "server.h"

namespace ringscope::core {

std::string Server::address() const
{
    const bool ipv6 = host.find(':') != std::string::npos;
    std::string out;
    out.reserve(host.size() + 8);
    if (ipv6)
        out.append("[").append(host).append("]");
    else
        out.append(host);
    out.append(":").append(std::to_string(port));
    return out;
}

std::string Server::label() const
{
    return name.empty() ? address() : name;
}

bool isLoopbackHost(std::string_view host) noexcept
{
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

} // namespace ringscope::core
