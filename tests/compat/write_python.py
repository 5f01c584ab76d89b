#!/usr/bin/python3
"""Writes keys into memcached with the REAL python-memcached client.

Usage: /usr/bin/python3 write_python.py SERVERS < keys
SERVERS: comma-separated host:port[:weight]. Each stdin line is a key; the
value is "v:" + key. Exits 1 (with a message) if any set fails.
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
    client = memcache.Client(servers)
    failed = 0
    for line in sys.stdin.buffer:
        key = line.rstrip(b"\n").decode("utf-8")
        if not key:
            continue
        if not client.set(key, "v:" + key):
            failed += 1
    if failed:
        print("python-memcached: %d sets failed" % failed, file=sys.stderr)
        sys.exit(1)


main()
