package dev.parley.xmpp.dns;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real dnsmasq ({@code /usr/sbin/dnsmasq}, Debian {@code dnsmasq-base}) as a child process,
 * answering only from the records given to its {@link Builder}: names under {@code .test} that
 * are not given are NXDOMAIN, names elsewhere are REFUSED (it has no upstream servers). It
 * listens on a random 127.0.0.0/8 address and a free port, so parallel runs never collide.
 */
public final class TestDnsServer implements AutoCloseable {

    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 5;

    private final Process process;
    private final InetSocketAddress address;
    private final Path directory;

    private TestDnsServer(Process process, InetSocketAddress address, Path directory) {
        this.process = process;
        this.address = address;
        this.directory = directory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where it listens (UDP and TCP). */
    public InetSocketAddress address() {
        return address;
    }

    /** A resolver configuration that asks this server and nothing else, once per lookup. */
    public ResolverConfig resolverConfig(Duration timeout) {
        return new ResolverConfig(List.of(address), timeout, 0);
    }

    /** Everything dnsmasq logged so far, queries included. */
    public String log() {
        try {
            return Files.readString(directory.resolve("dnsmasq.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A random address of 127.0.0.0/8 (Linux routes all of it to the loopback interface). */
    static InetAddress randomLoopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] address = {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(0, 256),
                (byte) random.nextInt(1, 255)};
        try {
            return InetAddress.getByAddress(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records to serve, in dnsmasq's configuration syntax. */
    public static final class Builder {

        private final List<String> records = new ArrayList<>();

        private Builder() {
        }

        /** A and/or AAAA records: one per address, of whichever family it is. */
        public Builder host(String name, String... addresses) {
            for (String address : addresses) {
                records.add("host-record=" + name + "," + address);
            }
            return this;
        }

        /** A name that exists but has no address: a TXT record only. */
        public Builder nameWithoutAddresses(String name) {
            records.add("txt-record=" + name + ",exists");
            return this;
        }

        /** An SRV record, e.g. {@code srv("_xmpp-server._tcp.a.test", "xmpp.a.test", 5269, 10, 50)}. */
        public Builder srv(String owner, String target, int port, int priority, int weight) {
            records.add("srv-host=" + owner + "," + target + "," + port + "," + priority + "," + weight);
            return this;
        }

        /** The single SRV record with target "." that says the service is decidedly not available (RFC 2782). */
        public Builder srvNotAvailable(String owner) {
            records.add("srv-host=" + owner + ",.,0,0,0");
            return this;
        }

        /** Starts dnsmasq and returns once it answers queries. */
        public TestDnsServer start() throws IOException, InterruptedException {
            Path directory = Files.createTempDirectory("test-dns-");
            IOException lastFailure = null;
            for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
                InetSocketAddress address = freeLoopbackAddress();
                try {
                    return startOn(address, directory);
                } catch (IOException e) {
                    // Another process may have taken the port between probing and binding: try another.
                    lastFailure = e;
                }
            }
            throw lastFailure;
        }

        private TestDnsServer startOn(InetSocketAddress address, Path directory)
                throws IOException, InterruptedException {
            List<String> config = new ArrayList<>(List.of(
                    "no-resolv", "no-hosts", "local=/test/", "bind-interfaces",
                    "listen-address=" + address.getAddress().getHostAddress(), "port=" + address.getPort(),
                    "log-queries", "log-facility=-"));
            config.addAll(records);
            Path configFile = directory.resolve("dnsmasq.conf");
            Files.write(configFile, config, StandardCharsets.UTF_8);
            Path log = directory.resolve("dnsmasq.log");
            Process process = new ProcessBuilder(DNSMASQ.toString(), "--keep-in-foreground",
                    "--conf-file=" + configFile, "--pid-file=", "--user=" + System.getProperty("user.name"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            TestDnsServer server = new TestDnsServer(process, address, directory);
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("dnsmasq exited with " + process.exitValue() + ": " + server.log());
                }
                if (answers(address)) {
                    return server;
                }
                Thread.sleep(20);
            }
            process.destroyForcibly().waitFor();
            throw new IOException("dnsmasq did not answer within " + STARTUP + ": " + server.log());
        }

        private static boolean answers(InetSocketAddress address) {
            SimpleResolver probe = new SimpleResolver(address);
            probe.setTimeout(Duration.ofMillis(200));
            try {
                probe.send(Message.newQuery(Record.newRecord(Name.fromConstantString("ready.test."), Type.A, DClass.IN)));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static InetSocketAddress freeLoopbackAddress() throws IOException {
            InetAddress loopback = randomLoopbackAddress();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                    ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, loopback)) {
                return new InetSocketAddress(loopback, tcp.getLocalPort());
            }
        }
    }
}
