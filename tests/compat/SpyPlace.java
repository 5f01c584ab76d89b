/*
 * Reference key->server placement using the REAL spymemcached KetamaNodeLocator
 * (Debian libspymemcached-java 2.12.3, /usr/share/java/spymemcached.jar).
 *
 * Usage (Java 11+ single-file source launch; no other jar is needed on the classpath):
 *   java -cp /usr/share/java/spymemcached.jar SpyPlace.java [--dns] FORMAT SERVERS < keys
 *
 *   FORMAT   SPYMEMCACHED | LIBMEMCACHED   (KetamaNodeKeyFormatter.Format)
 *   SERVERS  comma-separated host:port[:weight]; IPv6 hosts must be bracketed: [::1]:11211
 *
 * Keys: stdin, one per line, raw bytes; only the trailing "\n" is removed. Each line must
 * be valid UTF-8 (it becomes a Java String; spymemcached hashes String.getBytes("UTF-8"),
 * so for valid UTF-8 the hashed bytes are exactly the input bytes). Invalid UTF-8 is an
 * error rather than being silently replaced by U+FFFD.
 * Output: one "host:port" line per key (the server as written in SERVERS, weight removed).
 * Errors: message on stderr, exit status 1.
 *
 * The locator is built exactly as KetamaConnectionFactory.createLocator() builds it:
 *   new KetamaNodeLocator(nodes, DefaultHashAlgorithm.KETAMA_HASH, format, weights)
 * and each key is placed with locator.getPrimary(key). The MemcachedNode objects are
 * java.lang.reflect.Proxy instances that only answer getSocketAddress() (plus identity
 * equals/hashCode and toString); nothing connects anywhere.
 *
 * Weights: 2.12.3 supports them through the weights map. If ANY entry in SERVERS carries an
 * explicit ":weight", the map is filled for every server (missing weight = 1) and the
 * library's weighted code path is used; if no entry has a ":weight", an empty map is passed
 * (unweighted path, what a real client without weights does). The two paths are NOT
 * equivalent even when all weights are 1 (see the report / KetamaNodeLocator source).
 *
 * Node addresses (they determine the node key strings):
 *   --dns      addresses come from the real AddrUtil.getAddresses("host:port"), i.e.
 *              new InetSocketAddress(host, port), exactly as a real client. This may use
 *              the system resolver: forward lookups for host names and, for LIBMEMCACHED
 *              with IP literals, a REVERSE lookup (InetSocketAddress.getHostName()), e.g.
 *              127.0.0.1 -> "localhost" via /etc/hosts.
 *   default    no name service is used at all:
 *              SPYMEMCACHED: IP literals go through the real AddrUtil (no lookup happens for
 *                literals; toString() is "/1.2.3.4:port"); host names are rejected, because
 *                the real node key would be "name/<resolved-ip>:port" and needs DNS.
 *              LIBMEMCACHED: getHostName() must not trigger a reverse lookup, so IP
 *                literals are built as if the PTR lookup found nothing (getHostName() =
 *                Java's canonical text of the address, e.g. "10.0.0.5",
 *                "0:0:0:0:0:0:0:1"); host names are used as given (which is also what a
 *                real client's getHostName() returns for them).
 */

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import net.spy.memcached.AddrUtil;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.KetamaNodeKeyFormatter;
import net.spy.memcached.KetamaNodeLocator;
import net.spy.memcached.MemcachedNode;

public class SpyPlace {

  static final class Server {
    String display;   // "host:port" as written
    String host;      // as written (IPv6 keeps its brackets)
    int port;
    int weight = 1;
    boolean explicitWeight;
    InetSocketAddress addr;
  }

  static final class Fail extends Exception {
    Fail(String m) { super(m); }
  }

  private static final Pattern IPV4 = Pattern.compile(
      "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (Fail e) {
      System.err.println("SpyPlace: " + e.getMessage());
    } catch (Throwable t) {
      System.err.println("SpyPlace: " + t);
    }
    System.exit(1);
  }

  static int run(String[] args) throws Exception {
    boolean dns = false;
    List<String> pos = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--dns")) {
        dns = true;
      } else if (a.startsWith("--")) {
        throw new Fail("unknown option " + a);
      } else {
        pos.add(a);
      }
    }
    if (pos.size() != 2) {
      throw new Fail("usage: java -cp /usr/share/java/spymemcached.jar SpyPlace.java"
          + " [--dns] SPYMEMCACHED|LIBMEMCACHED SERVERS < keys");
    }
    KetamaNodeKeyFormatter.Format format;
    try {
      format = KetamaNodeKeyFormatter.Format.valueOf(pos.get(0));
    } catch (IllegalArgumentException e) {
      throw new Fail("unknown FORMAT " + pos.get(0) + " (SPYMEMCACHED|LIBMEMCACHED)");
    }

    List<Server> servers = parseServers(pos.get(1));
    boolean weighted = false;
    for (Server s : servers) {
      s.addr = address(s, format, dns);
      weighted |= s.explicitWeight;
    }

    Map<InetSocketAddress, Integer> weights = new HashMap<>();
    if (weighted) {
      for (Server s : servers) {
        weights.put(s.addr, s.weight);
      }
    }

    List<MemcachedNode> nodes = new ArrayList<>();
    Map<MemcachedNode, String> display = new HashMap<>();
    for (Server s : servers) {
      MemcachedNode n = node(s);
      nodes.add(n);
      display.put(n, s.display);
    }

    KetamaNodeLocator locator =
        new KetamaNodeLocator(nodes, DefaultHashAlgorithm.KETAMA_HASH, format, weights);

    byte[] in = System.in.readAllBytes();
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
    Map<String, byte[]> lineBytes = new HashMap<>();
    for (String d : display.values()) {
      lineBytes.put(d, (d + "\n").getBytes(StandardCharsets.UTF_8));
    }

    int start = 0;
    int lineNo = 0;
    while (start < in.length) {
      int end = start;
      while (end < in.length && in[end] != '\n') {
        end++;
      }
      lineNo++;
      String key;
      try {
        key = dec.decode(ByteBuffer.wrap(in, start, end - start)).toString();
      } catch (CharacterCodingException e) {
        throw new Fail("line " + lineNo + ": key is not valid UTF-8 (a Java String key"
            + " cannot carry these bytes)");
      }
      MemcachedNode n;
      try {
        n = locator.getPrimary(key);
      } catch (java.util.NoSuchElementException e) {
        throw new Fail("line " + lineNo + ": the ketama ring is empty (all weights 0?)");
      }
      String d = n == null ? null : display.get(n);
      if (d == null) {
        throw new Fail("line " + lineNo + ": locator returned no known node");
      }
      out.write(lineBytes.get(d));
      start = end + 1;
    }
    out.flush();
    if (System.out.checkError()) {
      throw new IOException("error writing stdout");
    }
    return 0;
  }

  static List<Server> parseServers(String spec) throws Fail {
    List<Server> list = new ArrayList<>();
    for (String raw : spec.split(",", -1)) {
      String e = raw.trim();
      if (e.isEmpty()) {
        throw new Fail("empty server entry in '" + spec + "'");
      }
      List<String> parts = new ArrayList<>();
      String rest;
      if (e.startsWith("[")) {
        int close = e.indexOf(']');
        if (close < 0 || close + 1 >= e.length() || e.charAt(close + 1) != ':') {
          throw new Fail("bad server entry '" + e + "' (expected [ipv6]:port[:weight])");
        }
        parts.add(e.substring(0, close + 1));
        rest = e.substring(close + 2);
      } else {
        int c = e.indexOf(':');
        if (c < 0) {
          throw new Fail("bad server entry '" + e + "' (expected host:port[:weight])");
        }
        parts.add(e.substring(0, c));
        rest = e.substring(c + 1);
      }
      for (String p : rest.split(":", -1)) {
        parts.add(p);
      }
      if (parts.size() != 2 && parts.size() != 3) {
        throw new Fail("bad server entry '" + e + "' (expected host:port[:weight];"
            + " bracket IPv6 hosts)");
      }
      Server s = new Server();
      s.host = parts.get(0);
      String port = parts.get(1);
      if (s.host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
        throw new Fail("bad server entry '" + e + "' (empty host or bad port)");
      }
      s.port = Integer.parseInt(port);
      s.display = s.host + ":" + port;
      if (parts.size() == 3) {
        if (!parts.get(2).matches("[0-9]{1,9}")) {
          throw new Fail("bad weight in server entry '" + e + "' (non-negative integer)");
        }
        s.weight = Integer.parseInt(parts.get(2));
        s.explicitWeight = true;
      }
      list.add(s);
    }
    return list;
  }

  static boolean isIpLiteral(String host) {
    return IPV4.matcher(host).matches() || (host.startsWith("[") && host.endsWith("]"));
  }

  static InetSocketAddress address(Server s, KetamaNodeKeyFormatter.Format format, boolean dns)
      throws Exception {
    String hostPort = s.host + ":" + s.port;
    if (dns) {
      return AddrUtil.getAddresses(hostPort).get(0);
    }
    boolean literal = isIpLiteral(s.host);
    if (format == KetamaNodeKeyFormatter.Format.SPYMEMCACHED) {
      if (!literal) {
        throw new Fail("host name '" + s.host + "' with SPYMEMCACHED needs DNS (node key is"
            + " \"name/<resolved-ip>:port\"); use an IP literal or pass --dns");
      }
      // Literal: AddrUtil -> new InetSocketAddress(host, port), parsed without any lookup.
      return AddrUtil.getAddresses(hostPort).get(0);
    }
    // LIBMEMCACHED: the formatter calls getHostName(); avoid the reverse lookup.
    if (literal) {
      InetAddress parsed = InetAddress.getByName(s.host); // literal: no lookup
      InetAddress named = InetAddress.getByAddress(parsed.getHostAddress(), parsed.getAddress());
      return new InetSocketAddress(named, s.port);
    }
    return InetSocketAddress.createUnresolved(s.host, s.port);
  }

  static MemcachedNode node(Server s) {
    final InetSocketAddress addr = s.addr;
    final String name = "SpyPlaceNode[" + s.display + "]";
    InvocationHandler h = new InvocationHandler() {
      @Override
      public Object invoke(Object proxy, Method m, Object[] a) {
        switch (m.getName()) {
          case "getSocketAddress":
            return addr;
          case "hashCode":
            return System.identityHashCode(proxy);
          case "equals":
            return proxy == a[0];
          case "toString":
            return name;
          default:
            throw new UnsupportedOperationException("SpyPlace node: " + m.getName());
        }
      }
    };
    return (MemcachedNode) Proxy.newProxyInstance(
        MemcachedNode.class.getClassLoader(), new Class<?>[] {MemcachedNode.class}, h);
  }
}
