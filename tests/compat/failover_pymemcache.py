#!/usr/bin/python3
"""Where the REAL pymemcache HashClient puts keys once a server is down.

Usage: /usr/bin/python3 failover_pymemcache.py SERVERS DOWN < keys
SERVERS: comma-separated host:port, as the client is given them; DOWN: the
one of them nothing listens on. With retry_attempts=0 the client removes a
node from its rendezvous hash at its first failure (HashClient.
_mark_failed_server -> remove_server -> hasher.remove_node). First a few
sets are made until one reaches the dead node and fails; then for each
stdin line (a key) prints "key<TAB>host:port" from the client's own hasher
and sets the key to "v:" + key; exits 1 if such a set fails.
"""
import sys

from pymemcache.client.hash import HashClient


def main():
    servers = [(s.rsplit(":", 1)[0], int(s.rsplit(":", 1)[1])) for s in sys.argv[1].split(",")]
    down = sys.argv[2]
    client = HashClient(servers, retry_attempts=0, dead_timeout=600, connect_timeout=1, timeout=2)
    for i in range(10000):
        probe = "probe:%d" % i
        if client.hasher.get_node(probe) != down:
            continue
        try:
            client.set(probe, b"p")
        except Exception:
            pass
        break
    if down in client.hasher.nodes:
        print("pymemcache: the dead node was not removed", file=sys.stderr)
        sys.exit(1)
    out = sys.stdout.buffer
    failed = 0
    for line in sys.stdin.buffer:
        key = line.rstrip(b"\n").decode("ascii")
        if not key:
            continue
        out.write(("%s\t%s\n" % (key, client.hasher.get_node(key))).encode())
        if not client.set(key, b"v:" + key.encode()):
            failed += 1
    if failed:
        print("pymemcache: %d sets failed" % failed, file=sys.stderr)
        sys.exit(1)


main()
