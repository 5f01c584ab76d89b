#pragma once

// What every live command shares: the connection options, the cluster and
// client they make (with TLS and memcached -Y credentials, and the write
// gate), and one-line messages about a key or a server's refusal.
#include "app/cli/arguments.h"

#include "core/net/client.h"
#include "core/net/ioruntime.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ringscope::cli {

extern const std::vector<std::string> kConnectionOptions;
extern const std::vector<std::string> kConnectionFlags;
std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string> &b);

struct Live {
    std::unique_ptr<core::IoRuntime> runtime;
    std::unique_ptr<core::Client> client;
};

// The cluster, its placement and a client; `needPreset` false lets commands
// that address servers one by one (stats) run without --preset; `writes`
// refuses servers not on this machine unless --allow-write is given.
std::optional<Live> connect(const Arguments &a, bool needPreset, bool writes, std::string &error);

std::string describe(const core::ClientError &e);
// One line on stderr about one key: key and message escaped (see printable()).
void keyError(std::string_view key, const std::string &message);
// What the server said to a write it refused, naming the server.
std::string refusal(core::Reply reply, const std::string &text, const std::string &server);

} // namespace ringscope::cli
