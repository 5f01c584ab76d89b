#pragma once

#include "core/hash/hashalgorithm.h"
#include "core/distribution/distribution.h"

#include <string>
#include <vector>

// How each real client or proxy lays its servers' points on a ketama ring.
// Each function reproduces one implementation's point strings, point counts
// (with its float arithmetic for weights) and hash, so that a Continuum built
// from them answers exactly as that software does.
namespace ringscope::core::ketama {

// libmemcached update_continuum(). Weighted: floor(weight share × 40 × live)
// MD5 digests of "host-i" (port 11211) or "host:port-i", four points each.
// Unweighted: 100 points per server, each `pointHash` of the same strings.
std::vector<RingPoint> libmemcached(const ServerList &servers, bool weighted, HashFunction pointHash);

// The original libketama: floorf(share × 40.0 × n) digests of "host:port-i".
std::vector<RingPoint> libketama(const ServerList &servers);

// nutcracker's ketama_update(): like weighted libmemcached, but the point
// string starts with the server's name when it has one, else "host" on port
// 11211 and "host:port" elsewhere.
std::vector<RingPoint> twemproxy(const ServerList &servers);

// The name twemproxy gives a server, and the order it keeps its servers in:
// conf_validate_server() sorts them by name, shorter names first, then bytes.
// Ketama does not care; modula's buckets follow this order.
std::string twemproxyName(const Server &server);
std::vector<std::size_t> twemproxyOrder(const ServerList &servers);

// spymemcached's KetamaNodeLocator: 40 × weight-share digests per node of
// "<node key>-i"; `libmemcachedFormat` chooses KetamaNodeKeyFormatter's
// LIBMEMCACHED format (port 11211 omitted) over the default SPYMEMCACHED one.
std::vector<RingPoint> spymemcached(const ServerList &servers, bool libmemcachedFormat);

// nginx's ngx_http_upstream_init_chash(): weight × 160 points per server,
// each the CRC-32 of "host\0port" followed by the previous point's 4 bytes.
std::vector<RingPoint> nginx(const ServerList &servers);

// memcached's proxy, `mcp.dist_ring_hash` with `omode` (proxy_ring_hash.c,
// 160 buckets per backend, `addr` and `port` exactly as given to
// mcp.backend()):
//   Default        "addr:port-k", k < 160, one point each: the low word of
//                  XXH3-64 (seed 0). Since memcached 1.6.45.
//   Default1_6_18  the same mode before 1.6.45 (dist_ring_hash came in
//                  1.6.15): the loop never advanced its slot, so the table
//                  holds one point, the last backend's "addr:port-159", and
//                  the rest of it is left unwritten. Measured on 1.6.18 (the
//                  table's memory fresh, i.e. zero): every key goes to the
//                  last backend, which this one point reproduces.
//   Ketama         40 MD5 digests of "addr:port-k", four points each (libketama's order of bytes).
//   Twemproxy      as Ketama, but "addr-k" when the port is "11211".
//   Evcache        as Ketama, of "addr/addr:port-k".
enum class ProxyRingMode { Default, Default1_6_18, Ketama, Twemproxy, Evcache };
std::vector<RingPoint> memcachedProxy(const ServerList &servers, ProxyRingMode mode);

// Textbook ketama: `pointsPerServer` × weight points, `hash` of "label-i".
std::vector<RingPoint> textbook(const ServerList &servers, std::uint32_t pointsPerServer, HashFunction hash);

} // namespace ringscope::core::ketama
