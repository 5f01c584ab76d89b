#!/usr/bin/python3
"""Where the REAL python-memcached puts keys while some servers are down.

Usage: /usr/bin/python3 failover_python.py SERVERS < keys
SERVERS: comma-separated host:port[:weight], as the client is given them (a
down server is simply one nothing listens on). For each stdin line (a key)
prints "key<TAB>host:port" from the client's own Client._get_server (which
marks a server it cannot connect to dead and rehashes), or "key<TAB>-" when
it gives up, then sets the key to "v:" + key through the same client and
exits 1 if a set it was given a server for failed.
"""
import sys

import memcache


def main():
    servers = []
    for spec in sys.argv[1].split(","):
        parts = spec.split(":")
        if len(parts) == 3:
            servers.append(("%s:%s" % (parts[0], parts[1]), int(parts[2])))
        else:
            servers.append(spec)
    client = memcache.Client(servers, socket_timeout=1)
    failed = 0
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        raw = line.rstrip(b"\n")
        if not raw:
            continue
        key = raw.decode("utf-8")
        server, _ = client._get_server(client._encode_key(key))
        out.write(raw + b"\t" + (("%s:%d" % (server.ip, server.port)).encode() if server else b"-") + b"\n")
        if server and not client.set(key, "v:" + key):
            failed += 1
    if failed:
        print("python-memcached: %d sets failed" % failed, file=sys.stderr)
        sys.exit(1)


main()
