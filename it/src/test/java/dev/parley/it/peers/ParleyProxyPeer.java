package dev.parley.it.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Parley XMPP Proxy as the DMZ would run it: the runnable jar ({@code -Dparley.it.proxy.jar}) in a JVM of its own,
 * from a configuration file, holding the S2S streams of the domain it serves for Parley, whose link it accepts. Its
 * address is the domain's in the network's DNS, so remote servers reach it as they would reach Parley.
 */
public final class ParleyProxyPeer implements AutoCloseable {

    public static final int LINK_PORT = 5275;
    static final int HEALTH_PORT = 5281;
    private static final Duration START = Duration.ofSeconds(30);

    private final PeerNetwork network;
    private final String domain;
    private final String secret;
    private final Optional<ServerCertificate> linkCertificate;
    private final Path dir;
    private ChildProcess process;

    /**
     * A proxy for {@code domain}, which must be in the network's plan ({@link #plan}); {@link #start()} runs it. With
     * {@code linkCertificate} the link runs inside TLS with that certificate.
     */
    public ParleyProxyPeer(PeerNetwork network, String domain, String secret,
                           Optional<ServerCertificate> linkCertificate) {
        this.network = network;
        this.domain = domain;
        this.secret = secret;
        this.linkCertificate = linkCertificate;
        this.dir = network.runDir().resolve("proxy-" + domain);
    }

    /** The domain's S2S port (and SRV record), the link's and the health endpoint's, on the proxy's address. */
    public static DomainPlan plan(String domain) {
        return DomainPlan.of(domain, PeerPorts.S2S, LINK_PORT, HEALTH_PORT).withSrv(SrvService.XMPP_SERVER, PeerPorts.S2S);
    }

    public InetAddress address() {
        return network.address(domain);
    }

    /** Runs the proxy and returns once its S2S and link ports accept connections. */
    public void start() {
        Path config = writeConfig();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = ChildProcess.start("parley proxy " + domain,
                new ProcessBuilder(java, "-Xmx128m", "-jar", jar().toString(), "--config", config.toString())
                        .directory(dir.toFile()), log());
        process.awaitListening(address(), START, PeerPorts.S2S, LINK_PORT);
    }

    /** Stops it as systemd would (SIGTERM): Parley's link and the S2S streams end cleanly. */
    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Kills it (SIGKILL), as a crash would: the link and its S2S streams are cut mid-traffic. */
    public void crash() {
        if (process != null) {
            process.killAbruptly();
            process = null;
        }
    }

    public Path log() {
        return dir.resolve("proxy.log");
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(dir);
            Path secretFile = Files.writeString(dir.resolve("link-secret"), secret + "\n", StandardCharsets.UTF_8);
            String host = address().getHostAddress();
            List<String> lines = new ArrayList<>(List.of(
                    "domain = " + domain,
                    "link.bind = " + host,
                    "link.port = " + LINK_PORT,
                    "link.secret-file = " + secretFile,
                    "s2s.bind = " + host,
                    "s2s.port = " + PeerPorts.S2S,
                    // Every peer of the tests is on loopback.
                    "s2s.private-federation = true",
                    "dns.servers = " + network.dns().getAddress().getHostAddress() + ":" + network.dns().getPort(),
                    "health.bind = " + host,
                    "health.port = " + HEALTH_PORT));
            linkCertificate.ifPresent(certificate -> {
                lines.add("link.tls.certificate = " + certificate.chain());
                lines.add("link.tls.key = " + certificate.key());
            });
            return Files.writeString(dir.resolve("parley-xmpp-proxy.properties"), String.join("\n", lines) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the proxy's configuration could not be written", e);
        }
    }

    private static Path jar() {
        String jar = System.getProperty("parley.it.proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("The proxy's jar is not at parley.it.proxy.jar=" + jar
                    + "; build xmpp-proxy first (./mvnw -pl xmpp-proxy -am package)");
        }
        return Path.of(jar);
    }

    @Override
    public void close() {
        stop();
    }
}
