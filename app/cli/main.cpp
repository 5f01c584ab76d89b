#include "commands.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr const char *kUsage = R"(usage: ringscope-cli COMMAND [options]

Placement (pure arithmetic, no server is contacted):
  place    --servers SPEC --preset P [--hash H]        keys on stdin -> key<TAB>host:port
  diff     --servers SPEC --to SPEC --preset P [--hash H] [--keys N] [--moves] [--json]
  compare  --servers SPEC (--add SPEC | --remove HOST:PORT) [--keys N] [--presets A,B] [--json]
  presets                                                 lists presets and hashes
  bench    lookup|place [--servers N] [--keys N] [--preset P]

SPEC: host:port[:weight][ name],... (IPv6 as [addr]:port), or @file: a twemproxy
.yml (@file.yml#pool), or a text file with one server per line.
)";

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::puts("ringscope-cli " RINGSCOPE_VERSION);
        return 0;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    using namespace ringscope::cli;
    if (command == "place")
        return runPlace(args);
    if (command == "diff")
        return runDiff(args);
    if (command == "compare")
        return runCompare(args);
    if (command == "presets")
        return runPresets(args);
    if (command == "bench")
        return runBench(args);
    return fail("unknown command '" + command + "' (try --help)");
}
