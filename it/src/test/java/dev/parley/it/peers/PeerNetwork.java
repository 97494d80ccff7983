package dev.parley.it.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The loopback network of one test run: a folder {@code it/target/peers/<run-id>/}, a loopback address per
 * domain, and a dnsmasq that answers for {@code .test} only, from this run's records, and forwards nothing. Peers
 * resolve each other and the server under test through it, so nothing ever asks real DNS or leaves loopback.
 *
 * <pre>{@code
 * try (PeerNetwork network = PeerNetwork.start(
 *         ProsodyPeer.plan("prosody.test", security),
 *         EjabberdPeer.plan("ejabberd.test", security),
 *         DomainPlan.serverUnderTest("parley.test", 5269))) {
 *     InetAddress parley = network.address("parley.test");
 *     ...
 * }
 * }</pre>
 */
public final class PeerNetwork implements AutoCloseable {

    private static final Duration DNS_START = Duration.ofSeconds(10);

    private final Path runDir;
    private final Map<String, InetAddress> addresses;
    private final InetSocketAddress dns;
    private final Path hosts;
    private final Path inetrc;
    private final Path dnsLog;
    private final ChildProcess dnsmasq;

    private PeerNetwork(Path runDir, Map<String, InetAddress> addresses, InetSocketAddress dns, Path hosts,
            Path inetrc, Path dnsLog, ChildProcess dnsmasq) {
        this.runDir = runDir;
        this.addresses = addresses;
        this.dns = dns;
        this.hosts = hosts;
        this.inetrc = inetrc;
        this.dnsLog = dnsLog;
        this.dnsmasq = dnsmasq;
    }

    /** Starts a network for the domains in a new run folder under {@code target/peers/}. */
    public static PeerNetwork start(DomainPlan... domains) {
        return start(newRunDir(), List.of(domains));
    }

    /** Starts a network for the domains with the given run folder. */
    public static PeerNetwork start(Path runDir, List<DomainPlan> domains) {
        return start(runDir, domains, Optional.empty());
    }

    /**
     * Starts a network whose DNS answers at {@code dns}: the address a server already running (Parley in WildFly)
     * was told to ask.
     */
    public static PeerNetwork startWithDns(InetSocketAddress dns, DomainPlan... domains) {
        return start(newRunDir(), List.of(domains), Optional.of(dns));
    }

    /** A port on {@code address} free for a DNS server (TCP and UDP), for a server that must know it before the network starts. */
    public static InetSocketAddress reserveDns(InetAddress address) {
        return new InetSocketAddress(address, LoopbackAddresses.freeDnsPort(address));
    }

    private static PeerNetwork start(Path runDir, List<DomainPlan> domains, Optional<InetSocketAddress> givenDns) {
        Map<String, InetAddress> addresses = new LinkedHashMap<>();
        domains.forEach(domain -> domain.address().ifPresent(fixed -> addresses.put(domain.name(), fixed)));
        for (DomainPlan domain : domains) {
            if (domain.address().isEmpty()) {
                addresses.put(domain.name(), LoopbackAddresses.pick(addresses.values(), domain.ports()));
            }
        }
        InetSocketAddress dns = givenDns.orElseGet(() -> {
            InetAddress picked = LoopbackAddresses.pick(addresses.values(), Set.of());
            return new InetSocketAddress(picked, LoopbackAddresses.freeDnsPort(picked));
        });
        InetAddress dnsAddress = dns.getAddress();

        Path dir = runDir.resolve("dns");
        Path hosts = write(dir.resolve("hosts"), hostsFile(addresses));
        Path inetrc = Template.render("inetrc.in", Map.of(
                "DNS_ADDRESS", dnsAddress.getHostAddress().replace('.', ','),
                "DNS_PORT", String.valueOf(dns.getPort())), dir.resolve("inetrc"));
        Path dnsLog = dir.resolve("dnsmasq.log");
        Path config = Template.render("dnsmasq.conf.in", Map.of(
                "ADDRESS", dnsAddress.getHostAddress(),
                "PORT", String.valueOf(dns.getPort()),
                "LOG", dnsLog.toAbsolutePath().toString(),
                "RECORDS", records(domains, addresses)), dir.resolve("dnsmasq.conf"));

        ChildProcess dnsmasq = ChildProcess.start("dnsmasq " + dns,
                new ProcessBuilder("/usr/sbin/dnsmasq", "--keep-in-foreground", "--conf-file=" + config.toAbsolutePath()),
                dir.resolve("dnsmasq.out"), dnsLog);
        dnsmasq.awaitListening(dnsAddress, DNS_START, dns.getPort());
        return new PeerNetwork(runDir, Map.copyOf(addresses), dns, hosts, inetrc, dnsLog, dnsmasq);
    }

    private static Path newRunDir() {
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        // failsafe runs in the module folder and says so in basedir; the run folders stay for diagnostics
        return Path.of(System.getProperty("basedir", "."), "target", "peers", id).toAbsolutePath();
    }

    private static String hostsFile(Map<String, InetAddress> addresses) {
        StringBuilder text = new StringBuilder("127.0.0.1 localhost\n");
        addresses.forEach((name, address) -> text.append(address.getHostAddress()).append(' ').append(dnsName(name))
                .append('\n'));
        return text.toString();
    }

    private static String records(List<DomainPlan> domains, Map<String, InetAddress> addresses) {
        List<String> lines = new ArrayList<>();
        for (DomainPlan domain : domains) {
            String name = dnsName(domain.name());
            lines.add("host-record=" + name + "," + addresses.get(domain.name()).getHostAddress());
            for (SrvRecord srv : domain.srvRecords()) {
                lines.add("srv-host=" + srv.service().recordName(name) + "," + name + "," + srv.port() + ",0,5");
            }
        }
        return String.join("\n", lines);
    }

    /** How DNS knows a domain: an internationalized one by its A-labels ({@code bücher.test} as {@code xn--bcher-kva.test}). */
    private static String dnsName(String domain) {
        return IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** This run's folder; each peer keeps its config, data and logs in a subfolder named after its domain. */
    public Path runDir() {
        return runDir;
    }

    /** The loopback address reserved for a domain of the plan. */
    public InetAddress address(String domain) {
        InetAddress address = addresses.get(domain);
        if (address == null) {
            throw new IllegalArgumentException(domain + " is not in this network: " + addresses.keySet());
        }
        return address;
    }

    /** The run's DNS server: a loopback address and a port that is not 53. */
    public InetSocketAddress dns() {
        return dns;
    }

    /** A hosts file with every domain, for programs that resolve A records through libc (via nss_wrapper). */
    public Path hostsFile() {
        return hosts;
    }

    /** An Erlang resolver config ({@code ERL_INETRC}) that asks only the run's DNS. */
    public Path inetrc() {
        return inetrc;
    }

    /** dnsmasq's query log: which names the peers asked for, and what they were told. */
    public Path dnsLog() {
        return dnsLog;
    }

    /** Stops the DNS server; the run folder stays for diagnostics. */
    @Override
    public void close() {
        dnsmasq.close();
    }
}
