#!/usr/bin/python3
"""Reference key->server placement using the REAL installed Python client libraries.

Usage:
    /usr/bin/python3 ref_python.py [--no-check] MODE SERVERS < keys

MODE:
    python-memcached   memcache.Client (Debian python3-memcache, python-memcached 1.58)
    pymemcache         pymemcache.client.hash.HashClient (Debian python3-pymemcache 3.5.2),
                       keys passed as str (UTF-8 decoded)
    pymemcache-bytes   same HashClient, but keys passed as bytes (see the note below:
                       HashClient then hashes the repr "b'...'" of the key)

SERVERS: comma-separated "host:port[:weight]" (weight defaults to 1). A bracketed IPv6
host "[::1]:11211[:w]" is parsed, but whether the library accepts it is up to the library
(python-memcached does not accept that spelling).

Keys are read from stdin, one per line, as raw bytes; only the trailing "\n" is removed
(a "\r" is kept). For every key one line "host:port" (the server as written in SERVERS,
without the weight) is written to stdout, in input order. Errors: message on stderr, exit 1.

Nothing here reimplements a hash: the placement is always obtained from the library's own
code. No network is used: socket connect/DNS functions are replaced by functions that fail
loudly, and python-memcached's _Host.connect is patched to report success without a socket.

python-memcached (1.58) path, mirroring Client.get()/set():
    key = client._encode_key(key_str)   # str -> key_str.encode('utf8')
    client.check_key(key)               # skipped with --no-check
    host, key = client._get_server(key) # bucket = cmemcache_hash(key) % len(buckets)
  Keys: each line is decoded as strict UTF-8 and passed as str, exactly as an application
  passing a str key would. The library itself encodes str keys to UTF-8 (_encode_key)
  before _get_server() calls binascii.crc32 on the bytes, so the hashed bytes are the raw
  input bytes. A line that is not valid UTF-8 cannot be a str key; it is passed as the
  raw bytes object instead (python-memcached accepts bytes keys unchanged), which hashes
  the same bytes.

pymemcache (3.5.2) path:
    client = hash_client._get_client(key)   # check_key_helper(...) + hasher.get_node(key)
  (with --no-check: hash_client.hasher.get_node(key) directly, no key validation).
  HashClient(servers, use_pooling=False, allow_unicode_keys=True). HashClient in 3.5.2 has
  no weight support, so any weight != 1 is rejected. Lines that are not valid UTF-8 are an
  error in "pymemcache" mode (such a key cannot be a str, and check_key_helper would fail
  to encode it).
"""

import socket
import sys


def die(msg):
    sys.stderr.write("ref_python.py: %s\n" % msg)
    sys.exit(1)


# --- network guard ---------------------------------------------------------------------
def _no_network(*_args, **_kwargs):
    raise RuntimeError("ref_python.py: network access attempted (disabled in this harness)")


socket.socket.connect = _no_network
socket.socket.connect_ex = _no_network
socket.create_connection = _no_network
socket.getaddrinfo = _no_network
socket.gethostbyname = _no_network
socket.gethostbyname_ex = _no_network


# --- argument parsing ------------------------------------------------------------------
def parse_servers(spec):
    """Return a list of (display 'host:port', 'host:port' for the library, weight, explicit)."""
    out = []
    for raw in spec.split(","):
        entry = raw.strip()
        if not entry:
            die("empty server entry in %r" % spec)
        if entry.startswith("["):
            close = entry.find("]")
            if close < 0:
                die("bad server entry %r (unterminated '[')" % entry)
            host = entry[: close + 1]
            rest = entry[close + 1:]
            if not rest.startswith(":"):
                die("bad server entry %r (expected ':port' after ']')" % entry)
            parts = [host] + rest[1:].split(":")
        else:
            parts = entry.split(":")
        if len(parts) not in (2, 3):
            die("bad server entry %r (expected host:port[:weight])" % entry)
        host, port = parts[0], parts[1]
        if not host or not port.isdigit():
            die("bad server entry %r (empty host or non-numeric port)" % entry)
        weight, explicit = 1, False
        if len(parts) == 3:
            if not parts[2].isdigit():
                die("bad weight in server entry %r (non-negative integer expected)" % entry)
            weight, explicit = int(parts[2]), True
        hostport = "%s:%s" % (host, port)
        out.append((hostport, hostport, weight, explicit))
    return out


def read_keys():
    data = sys.stdin.buffer.read()
    if not data:
        return []
    lines = data.split(b"\n")
    if lines[-1] == b"":  # input ended with "\n": no extra (empty) key
        lines.pop()
    return lines


# --- python-memcached ------------------------------------------------------------------
def run_python_memcached(servers, keys, check):
    import memcache

    # _get_server() calls server.connect() and only accepts the bucket if it returns true;
    # otherwise it rehashes (str(hash)+str(i)). Report every host as alive, without a socket.
    memcache._Host.connect = lambda self: 1

    client = memcache.Client([(lib, w) for (_disp, lib, w, _e) in servers])
    if len(client.servers) != len(servers):
        die("internal: server count mismatch")
    display = {id(h): servers[i][0] for i, h in enumerate(client.servers)}

    out = []
    append = out.append
    encode_key = client._encode_key
    check_key = client.check_key
    get_server = client._get_server
    for n, raw in enumerate(keys, 1):
        try:
            key = raw.decode("utf-8")  # str key, as an application would pass it
        except UnicodeDecodeError:
            key = raw  # not representable as str: pass the bytes key unchanged
        key = encode_key(key)  # what Client.get()/set() do first: str -> utf8 bytes
        if check:
            try:
                check_key(key)
            except memcache.Client.MemcachedKeyError as e:
                die("line %d: python-memcached rejects key %r: %s" % (n, raw, e))
        host, _ = get_server(key)
        if host is None:
            die("line %d: python-memcached returned no server (all weights 0?)" % n)
        append(display[id(host)])
    return out


# --- pymemcache ------------------------------------------------------------------------
def run_pymemcache(servers, keys, check, as_bytes):
    from pymemcache.client.hash import HashClient
    from pymemcache.exceptions import MemcacheIllegalInputError

    for disp, _lib, w, _e in servers:
        if w != 1:
            die("pymemcache HashClient (3.5.2) has no server weights; got weight %d for %s"
                % (w, disp))

    hc = HashClient([lib for (_d, lib, _w, _e) in servers], use_pooling=False,
                    allow_unicode_keys=True)
    # hc.clients: node key ('%s:%s' % normalize_server_spec(s)) -> base.Client
    display = {}
    for disp, lib, _w, _e in servers:
        node = hc._make_client_key(_normalize(lib))
        display[id(hc.clients[node])] = disp
    get_client = hc._get_client
    get_node = hc.hasher.get_node
    clients = hc.clients

    out = []
    append = out.append
    for n, raw in enumerate(keys, 1):
        if as_bytes:
            key = raw
        else:
            try:
                key = raw.decode("utf-8")
            except UnicodeDecodeError:
                die("line %d: key %r is not valid UTF-8; cannot be a str key for pymemcache"
                    % (n, raw))
        if check:
            try:
                c = get_client(key)
            except MemcacheIllegalInputError as e:
                die("line %d: pymemcache rejects key %r: %s" % (n, raw, e))
        else:
            c = clients[get_node(key)]
        append(display[id(c)])
    return out


def _normalize(lib):
    from pymemcache.client.base import normalize_server_spec
    return normalize_server_spec(lib)


# --- main ------------------------------------------------------------------------------
def main(argv):
    args = argv[1:]
    check = True
    if args and args[0] == "--no-check":
        check = False
        args = args[1:]
    if len(args) != 2:
        die("usage: /usr/bin/python3 ref_python.py [--no-check] "
            "python-memcached|pymemcache|pymemcache-bytes SERVERS < keys")
    mode, spec = args
    servers = parse_servers(spec)
    keys = read_keys()
    if mode == "python-memcached":
        out = run_python_memcached(servers, keys, check)
    elif mode == "pymemcache":
        out = run_pymemcache(servers, keys, check, as_bytes=False)
    elif mode == "pymemcache-bytes":
        out = run_pymemcache(servers, keys, check, as_bytes=True)
    else:
        die("unknown mode %r (python-memcached|pymemcache|pymemcache-bytes)" % mode)
    if out:
        sys.stdout.write("\n".join(out))
        sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except SystemExit:
        raise
    except Exception as e:  # library errors etc.
        die("%s: %s" % (type(e).__name__, e))
