#pragma once

#include <string>

namespace ringscope::core {

// Whether writing to `host` stays on this machine: true when every address
// it stands for is a loopback address (127.0.0.0/8, ::1, ::ffff:127.x). An
// IP literal or "localhost" is judged as it is (isLoopbackHost); any other
// name is looked up (getaddrinfo: the system's hosts file and DNS, which may
// block for the resolver's timeout) and counts only when it resolves, and
// only to loopback addresses: "127.example.com" is a name like any other.
// On false, `why` says what was found.
bool resolvesToLoopbackOnly(const std::string &host, std::string &why);

} // namespace ringscope::core
