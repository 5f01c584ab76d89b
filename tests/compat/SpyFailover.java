/*
 * Writes keys with the REAL spymemcached client (Debian libspymemcached-java 2.12.3) while
 * some of its servers are down, so that a test can find where its failure mode sent them.
 *
 * Usage: java -cp /usr/share/java/spymemcached.jar SpyFailover.java SERVERS DOWNCOUNT < keys
 *   SERVERS    comma-separated host:port (IP literals), as the client is given them; the
 *              ones that are down are simply ports nothing listens on
 *   DOWNCOUNT  how many of them are down
 *
 * The client is a MemcachedClient over KetamaConnectionFactory (KetamaNodeLocator, KETAMA_HASH,
 * format SPYMEMCACHED, its default FailureMode.Redistribute). Once the live nodes are connected
 * and the dead ones have failed their first connect (so they are not "active"), every stdin
 * line (a key) is set to "v:" + key and waited for; the keys whose set failed (every node of
 * its sequence was down, so it went to the dead primary) are printed, one per line.
 */
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.KetamaConnectionFactory;
import net.spy.memcached.MemcachedClient;

public class SpyFailover {
    public static void main(String[] args) throws Exception {
        System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SunLogger");
        java.util.logging.Logger.getLogger("net.spy.memcached").setLevel(java.util.logging.Level.SEVERE);
        String servers = args[0].replace(',', ' ');
        int down = Integer.parseInt(args[1]);
        // KetamaConnectionFactory as it is, but for a short operation timeout: a key whose
        // sequence is all dead waits for it on its dead primary (2.5 s by default).
        KetamaConnectionFactory factory = new KetamaConnectionFactory() {
            @Override
            public long getOperationTimeout() {
                return 300;
            }
        };
        MemcachedClient client = new MemcachedClient(factory, AddrUtil.getAddresses(servers));
        long until = System.currentTimeMillis() + 15000;
        int total = args[0].split(",").length;
        while (client.getAvailableServers().size() < total - down || client.getUnavailableServers().size() < down) {
            if (System.currentTimeMillis() > until) {
                System.err.println("spymemcached: the nodes did not settle: available " + client.getAvailableServers());
                System.exit(1);
            }
            Thread.sleep(20);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String key; (key = in.readLine()) != null;) {
            if (key.isEmpty())
                continue;
            boolean stored;
            try {
                stored = client.set(key, 0, "v:" + key).get(2, TimeUnit.SECONDS);
            } catch (Exception e) { // no active node in its sequence: the primary, down, times out
                stored = false;
            }
            if (!stored)
                System.out.println(key);
        }
        client.shutdown(5, TimeUnit.SECONDS);
        System.exit(0);
    }
}
