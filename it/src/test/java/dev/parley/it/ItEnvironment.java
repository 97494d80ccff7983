package dev.parley.it;

import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.server.OperatorAccountsFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the test server before Arquillian reads arquillian.xml: picks a loopback address of
 * its own (so that two runs never collide, and the S2S listener can keep the standard port 5269),
 * and creates this run's users with fresh passwords in Parley's security realm.
 */
public class ItEnvironment implements LauncherSessionListener {

    static final String ADDRESS = "parley.it.address";
    static final String ADMIN_PASSWORD = "parley.it.admin.password";
    static final String INTEGRATION_PASSWORD = "parley.it.integration.password";
    /** Where the server asks DNS: each federation test's {@code PeerNetwork} runs its dnsmasq there. */
    static final String DNS = "parley.it.dns";
    static final String XMPP_DOMAIN = "parley.test";
    static final String ADMIN_USER = "admin";
    static final String INTEGRATION_USER = "integration";
    static final int S2S_PORT = 5269;
    static final int HTTP_PORT = 8080;
    static final int HTTPS_PORT = 8443;
    static final int MANAGEMENT_PORT = 9990;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(ADDRESS) != null) {
            return;
        }
        String serverDir = System.getProperty("parley.it.server.dir");
        if (serverDir == null) {
            return; // not running under this module's failsafe configuration
        }
        String address = freeLoopbackAddress();
        String adminPassword = randomPassword();
        String integrationPassword = randomPassword();
        Map<String, Map.Entry<String, String>> accounts = new LinkedHashMap<>();
        accounts.put(ADMIN_USER, Map.entry(adminPassword, "admin"));
        accounts.put(INTEGRATION_USER, Map.entry(integrationPassword, "integration"));
        OperatorAccountsFile.write(Path.of(serverDir, "standalone", "configuration"), accounts);
        System.setProperty(ADDRESS, address);
        System.setProperty(ADMIN_PASSWORD, adminPassword);
        System.setProperty(INTEGRATION_PASSWORD, integrationPassword);
        InetSocketAddress dns = PeerNetwork.reserveDns(loopback(address));
        System.setProperty(DNS, address + ":" + dns.getPort());
        System.setProperty("parley.it.jvm.args", String.join(" ",
                "-Xms128m -Xmx512m",
                // IPv6 on, as in the provisioned bin/standalone.conf: WildFly's launcher puts preferIPv4Stack=true
                // into the JVM options it uses when given none, and Ipv6IT shows what that breaks.
                "-Djava.net.preferIPv4Stack=false",
                "-Djboss.bind.address=" + address,
                "-Djboss.bind.address.management=" + address,
                "-Dparley.dns.servers=" + address + ":" + dns.getPort(),
                "-Dparley.xmpp.domain=" + XMPP_DOMAIN,
                // The tests' own clients connect from 127.0.0.1; HttpsIT connects from another loopback address to
                // see plain HTTP redirected as it would be from another machine.
                "-Dparley.https.plain-http-clients=^127[.]0[.]0[.]1$"));
    }

    static String address() {
        return System.getProperty(ADDRESS);
    }

    /** A new local user of the test server, no other test uses: {@code name-<uuid>@parley.test}. */
    static String localUser(String name) {
        try {
            return ParleyUsers.create(name + "-" + UUID.randomUUID());
        } catch (Exception e) {
            throw new IllegalStateException("Local user " + name + " could not be created", e);
        }
    }

    /** The DNS server address the test server asks. */
    static InetSocketAddress dns() {
        String text = System.getProperty(DNS);
        int colon = text.lastIndexOf(':');
        return new InetSocketAddress(loopback(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    }

    static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(address + " is no IP address", e);
        }
    }

    /** A random 127.x.y.z on which nothing listens on the ports the server will use. */
    private static String freeLoopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = "127." + random.nextInt(100, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
            if (portsFree(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free loopback address found for the test server");
    }

    private static boolean portsFree(String address) {
        for (int port : new int[] {S2S_PORT, HTTP_PORT, MANAGEMENT_PORT}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
