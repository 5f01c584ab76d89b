#include "core/net/tlscontext.h"

namespace ringscope::core {

std::shared_ptr<asio::ssl::context> makeTlsContext(const TlsOptions &options, std::string &error)
{
    auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    asio::error_code ec;
    context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2
                             | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1
                             | asio::ssl::context::no_tlsv1_1,
                         ec);
    context->set_verify_mode(asio::ssl::verify_peer, ec);
    if (!options.caFile.empty()) {
        if (context->load_verify_file(options.caFile, ec); ec) {
            error = "cannot use CA file " + options.caFile + ": " + ec.message();
            return nullptr;
        }
    } else if (context->set_default_verify_paths(ec); ec) {
        error = "cannot load the system's trusted certificates: " + ec.message();
        return nullptr;
    }
    if (options.certFile.empty() != options.keyFile.empty()) {
        error = "a client certificate needs both its certificate and its key file";
        return nullptr;
    }
    if (!options.certFile.empty()) {
        if (context->use_certificate_chain_file(options.certFile, ec); ec) {
            error = "cannot use certificate " + options.certFile + ": " + ec.message();
            return nullptr;
        }
        if (context->use_private_key_file(options.keyFile, asio::ssl::context::pem, ec); ec) {
            error = "cannot use key " + options.keyFile + ": " + ec.message();
            return nullptr;
        }
    }
    return context;
}

} // namespace ringscope::core
