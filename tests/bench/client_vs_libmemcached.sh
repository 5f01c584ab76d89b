#!/usr/bin/env bash
# Starts a private memcached on 127.0.0.1 and runs bench_client against it.
# Usage: tests/bench/client_vs_libmemcached.sh [BUILD_DIR] [ROUNDS] [PLACEMENT]
#   PLACEMENT  same   server and client pinned to one core (default when the
#                     machine has 2 cores: the scheduler cannot move them)
#              split  server on the last core, client on the first
#              free   no pinning (the scheduler decides, run by run)
# On a small VM, where the client and server threads run decides more than
# either client's code: a round trip across cores waits for the other core
# to wake. Pinning makes the figure repeatable; both clients get the same.
set -euo pipefail
build=${1:-build/dev}
rounds=${2:-21}
placement=${3:-same}
last=$(( $(nproc) - 1 ))
case $placement in
    same)  server_pin=(taskset -c 0); client_pin=(taskset -c 0) ;;
    split) server_pin=(taskset -c "$last"); client_pin=(taskset -c 0) ;;
    free)  server_pin=(); client_pin=() ;;
    *) echo "placement must be same, split or free" >&2; exit 2 ;;
esac
port=$(( 20000 + RANDOM % 20000 ))
"${server_pin[@]}" memcached -l 127.0.0.1 -p "$port" -U 0 -m 256 -u root &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
echo "placement: $placement"
"${client_pin[@]}" "$build/tests/bench/bench_client" "127.0.0.1:$port" "$rounds"
# Two equal minimal clients, placed alike: how far apart equal clients land here.
"${client_pin[@]}" "$build/tests/bench/bench_floor" "127.0.0.1:$port" "$rounds"
