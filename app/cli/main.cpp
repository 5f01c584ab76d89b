#include "app/cli/commands.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr const char *kUsage = R"(usage: ringscope-cli COMMAND [options]

Placement (pure arithmetic, no server is contacted):
  place    --servers SPEC --preset P [--hash H]        keys on stdin -> key<TAB>host:port
           [--down HOST:PORT,... [--failover fail|eject|rehash|redistribute|next-upstream]]
                             with servers down, as the preset's client fails over (key<TAB>- : fails)
  diff     --servers SPEC --to SPEC --preset P [--hash H] [--keys N] [--moves] [--json]
  diff     --servers SPEC --down HOST:PORT,... --preset P [--failover F] [--keys N] [--moves] [--json]
  compare  --servers SPEC [--add SPEC] [--remove HOST:PORT,...] [--keys N | --keys-file F]
           [--presets A,B] [--hash H] [--points N] [--hash-tag XY]
           [--replication-preset P] [--no-replication] [--json]
                             every method side by side: keys moved, balance, one server down
  presets                                                 lists presets and hashes
  bench    lookup|place [--servers N] [--keys N] [--preset P]
           client --servers SPEC [--ops N] [--value-size B] [--conns C] [--batch K]

Local demo cluster:
  demo     [--servers N] [--proxy twemproxy [--hash H] | nginx-rr | nginx-least-conn | nginx-hash]
           [--traffic RATE [--keys N] [--zipf S] [--get-ratio R] [--preset P] [replication options]]
                             starts N real memcached on 127.0.0.1 (and nutcracker or nginx in
                             front), prints their SPEC, runs until Ctrl-C, then stops them;
                             --traffic drives them (reads through nginx when it is in front)

Live (talks to the servers; reads only unless the command writes):
  get      --servers SPEC --preset P [--hash H] (KEY | --stdin) [--json] [--repair]
           key<TAB>value or key<TAB>MISS, escaped (\n, \t, \xHH, \\); --json: exact, one object per line
  set|add|replace --servers SPEC --preset P (KEY VALUE | --stdin) [--ttl S] [--flags F]
  delete|touch    --servers SPEC --preset P (KEY | --stdin) [--ttl S]
  migrate  --servers SPEC --to SPEC --preset P [--hash H] [--window K] [--json]
           before a planned change: copies the keys that change owner to their new owner
  stats    --servers SPEC [--group slabs|items|conns|settings] [--rates] [--json]
  audit    --servers SPEC --preset P [--hash H] [--json] [--list] [--cap N]
           [--timeout MS (5000, per line)] [--dump-timeout MS] [--dump-limit N]
           every key the servers hold (lru_crawler metadump) against its owner
  Replication (get, set, add, replace, delete): --replication master-slave|ring|multi-master
  --replicas R (2) [--write-quorum 1..R|majority|all] --read-policy primary|round-robin|
  least-outstanding|hash; without replication --on-failure miss|rehash (a down server's
  keys miss, or go to their next owner). get --show-server adds the server that answered
  and, after a MISS that is not certain, how many replicas did not answer;
  get --repair copies a hit to the replicas that missed it (a write: same opt-in).
  Batch commands keep at most 256 requests in flight; --timeout counts from
  when a request is sent.
  Options: --timeout MS (300), --connect-timeout MS; --user NAME --password-file FILE
  for memcached -Y (the password is read from the file's first line, or asked for
  when stdin is a terminal; never from the command line); --tls, --tls-ca FILE,
  --tls-cert FILE --tls-key FILE for memcached -Z (the certificate is always
  verified, against the CA file or the system's roots). Writes to servers not on this
  machine need --allow-write. Exit status: 0 done, 1 refused by the server
  (NOT_STORED, NOT_FOUND), 2 error.

memcached's proxy (the memcached-proxy-* presets) takes mcp.pool()'s options: --mcp-seed S,
--mcp-filter stop:STRING|tags:XY, --mcp-hash xxhash|ring (mcp.dist_ring_hash.hash).

SPEC: host:port[:weight][ name],... (IPv6 as [addr]:port), or @file: a twemproxy
.yml (@file.yml#pool), an mcrouter .json (@file.json#pool), or a text file with
one server per line. Live commands also take elasticache:HOST:PORT, an AWS
ElastiCache configuration endpoint that lists the nodes.
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
    if (command == "demo")
        return runDemo(args);
    if (command == "migrate")
        return runMigrate(args);
    for (const char *live : {"get", "set", "add", "replace", "delete", "touch", "stats", "audit"})
        if (command == live)
            return runLive(command, args);
    return fail("unknown command '" + command + "' (try --help)");
}
