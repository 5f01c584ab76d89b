#!/usr/bin/env bash
# `ringscope-cli place` against a plain C program that reads the same keys,
# asks libmemcached (ketama weighted) and prints the same lines. Prints the
# median of 5 alternating runs of each, and checks that the outputs agree.
# Usage: tests/bench/place_vs_libmemcached.sh [BUILD_DIR] [KEYS]
set -euo pipefail
build=${1:-build/dev}
count=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
servers=$(seq 1 100 | awk '{printf "%s10.0.%d.%d:%d", (NR>1?",":""), int(($1-1)/250), ($1-1)%250+1, 11211+($1%2)}')
"$build/app/cli/ringscope-cli" bench place --keys 1 >/dev/null # warm the binary
awk -v n="$count" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "user:%d:%x\n", i, int(rand() * 2^31) }' >"$work/keys"
ours=() theirs=()
for _ in 1 2 3 4 5; do
  s=$(date +%s%N); "$build/app/cli/ringscope-cli" place --servers "$servers" --preset libmemcached-ketama-weighted <"$work/keys" >"$work/ours"; e=$(date +%s%N)
  ours+=($(( (e - s) / 1000000 )))
  s=$(date +%s%N); "$build/tests/bench/libmemcached_place" "$servers" <"$work/keys" >"$work/theirs"; e=$(date +%s%N)
  theirs+=($(( (e - s) / 1000000 )))
done
cmp -s "$work/ours" "$work/theirs" && same=identical || same=DIFFERENT
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
echo "keys: $count, servers: 100, outputs: $same"
echo "ringscope-cli place:        $(median "${ours[@]}") ms (runs: ${ours[*]})"
echo "libmemcached C program:     $(median "${theirs[@]}") ms (runs: ${theirs[*]})"
