#!/usr/bin/env bash
# Starts a private memcached on 127.0.0.1 and runs bench_client against it.
# Usage: tests/bench/client_vs_libmemcached.sh [BUILD_DIR] [ROUNDS]
set -euo pipefail
build=${1:-build/dev}
rounds=${2:-5}
port=$(( 20000 + RANDOM % 20000 ))
memcached -l 127.0.0.1 -p "$port" -U 0 -m 256 -u root &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
"$build/tests/bench/bench_client" "127.0.0.1:$port" "$rounds"
