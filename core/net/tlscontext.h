#pragma once

#include <asio/ssl/context.hpp>

#include <memory>
#include <string>

namespace ringscope::core {

// TLS to memcached (-Z). The server's certificate is always verified: against
// `caFile` when given, else the system's trusted roots. There is no switch to
// accept a certificate that fails verification.
struct TlsOptions {
    std::string caFile;   // PEM, the CA that signed the servers' certificates
    std::string certFile; // PEM client certificate, when the server asks for one
    std::string keyFile;  // its private key
};

// The context for TlsOptions, or nullptr with `error` naming the file and problem.
std::shared_ptr<asio::ssl::context> makeTlsContext(const TlsOptions &options, std::string &error);

} // namespace ringscope::core
