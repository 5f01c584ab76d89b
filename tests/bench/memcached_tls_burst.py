#!/usr/bin/env python3
"""Shows memcached's TLS stall on a pipelined burst, with no RingScope code.

Starts a private `memcached -Z` on 127.0.0.1 (certificates made with openssl in
a temporary folder), sends N sets in one burst over Python's ssl module, and
counts the replies that come within a second; then sends one more request and
counts again. memcached 1.6.18 (Debian 12) answers 283 of 300 500-byte sets
until that next request arrives: the end of the burst waits, decrypted, inside
its TLS layer. RingScope's client works around it (see Connection::watchForStall).

Usage: tests/bench/memcached_tls_burst.py [SETS] [VALUE_BYTES]
"""
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificates(folder):
    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=burst test CA",
            "-keyout", "ca.key", "-out", "ca.pem")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
            "-out", "server.csr")
    with open(os.path.join(folder, "ext.cnf"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "ext.cnf", "-out", "server.pem")


def replies_within(sock, wanted, seconds):
    sock.settimeout(seconds)
    got = b""
    try:
        while got.count(b"\r\n") < wanted:
            data = sock.recv(65536)
            if not data:
                break
            got += data
    except socket.timeout:
        pass
    return got


def main():
    sets = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    with tempfile.TemporaryDirectory() as folder:
        make_certificates(folder)
        port = free_port()
        server = subprocess.Popen(["memcached", "-l", "127.0.0.1", "-p", str(port), "-U", "0", "-u", "root", "-Z",
                                   "-o", "ssl_chain_cert=%s/server.pem,ssl_key=%s/server.key" % (folder, folder)])
        try:
            for _ in range(50):
                try:
                    socket.create_connection(("127.0.0.1", port)).close()
                    break
                except OSError:
                    time.sleep(0.1)
            context = ssl.create_default_context(cafile=os.path.join(folder, "ca.pem"))
            with context.wrap_socket(socket.create_connection(("127.0.0.1", port)),
                                     server_hostname="127.0.0.1") as tls:
                burst = b"".join(b"set burst:%d 0 0 %d\r\n%s\r\n" % (i, size, bytes([97 + i % 26]) * size)
                                 for i in range(sets))
                tls.sendall(burst)
                got = replies_within(tls, sets, 1.0)
                first = got.count(b"STORED\r\n")
                tls.sendall(b"mn\r\n")
                got += replies_within(tls, sets + 1 - first, 1.0)
                print("%d sets of %d bytes in one %d-byte burst: %d answered within 1 s; after one more request: %d"
                      % (sets, size, len(burst), first, got.count(b"STORED\r\n")))
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
