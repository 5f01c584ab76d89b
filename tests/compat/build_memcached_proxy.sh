#!/usr/bin/env bash
# Builds memcached's proxy from Debian 12's memcached source package (1.6.18,
# which carries the proxy with its vendored Lua and mcmc) into DIR, once:
#   tests/compat/build_memcached_proxy.sh DIR
# prints DIR/memcached on success. Debian's own memcached binary is built
# without the proxy, so the placement tests need this one.
#
# The source comes through a private apt configuration (one deb-src line for
# the mirror this machine already uses, lists and cache under DIR), so the
# system's apt sources are never changed and no root is needed.
# Exit status: 0 built (or already there); 3 the source could not be fetched
# (offline, no mirror): the caller skips; anything else: the build failed.
set -uo pipefail

dir=${1:?usage: build_memcached_proxy.sh DIR}
mkdir -p "$dir" || exit 1
dir=$(cd "$dir" && pwd)
binary=$dir/memcached

exec 9>"$dir/.lock"
flock 9

if [ -x "$binary" ] && "$binary" -h 2>/dev/null | grep -q proxy_config; then
  echo "$binary"
  exit 0
fi

# The Debian mirror apt already uses (deb822 .sources first, then one-line
# lists), unless RINGSCOPE_DEBIAN_MIRROR names one.
mirror=${RINGSCOPE_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    mirror=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f")
    [ -n "$mirror" ] && break
  done
fi
if [ -z "$mirror" ]; then
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($i !~ /security/) print $i; exit } }' "$f" | head -1)
    [ -n "$mirror" ] && break
  done
fi
mirror=${mirror:-http://deb.debian.org/debian}

src=$dir/source
if [ ! -x "$src/configure" ]; then
  apt=$dir/apt
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/download"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  echo "deb-src [signed-by=$keyring] $mirror bookworm main" >"$apt/sources.list"
  opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
        -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
        -o "APT::Sandbox::User=$(id -un)" -o Acquire::Retries=1 -o Acquire::http::Timeout=30
        -o Acquire::https::Timeout=30)
  if ! apt-get "${opts[@]}" update -qq >"$apt/update.log" 2>&1 ||
     ! (cd "$apt/download" && apt-get "${opts[@]}" source --download-only -qq memcached) >"$apt/source.log" 2>&1; then
    echo "cannot fetch Debian 12's memcached source from $mirror:" >&2
    cat "$apt/update.log" "$apt/source.log" 2>/dev/null | grep -E '^(E|W|Err):' | tail -4 >&2
    exit 3
  fi
  dsc=$(ls "$apt/download"/memcached_*.dsc 2>/dev/null | head -1)
  rm -rf "$src.tmp"
  if [ -z "$dsc" ] || ! dpkg-source -x "$dsc" "$src.tmp" >"$apt/unpack.log" 2>&1; then
    echo "fetched the memcached source but could not unpack it (dpkg-source, from dpkg-dev):" >&2
    tail -5 "$apt/unpack.log" >&2
    exit 1
  fi
  mv "$src.tmp" "$src"
fi

# The sanitizer build trees must not hand their flags to memcached's build.
unset CFLAGS CPPFLAGS LDFLAGS CC LD_PRELOAD
log=$dir/build.log
if ! (cd "$src" && ./configure --enable-proxy && make -C vendor && make -j2 memcached) >"$log" 2>&1; then
  echo "the memcached source was fetched but its proxy did not build (needs libevent-dev, gcc, make); the end of $log:" >&2
  tail -20 "$log" >&2
  exit 1
fi
cp "$src/memcached" "$binary.tmp" && mv "$binary.tmp" "$binary" || exit 1
if ! "$binary" -h 2>/dev/null | grep -q proxy_config; then
  echo "$binary was built without the proxy (no -o proxy_config)" >&2
  exit 1
fi
echo "$binary"
