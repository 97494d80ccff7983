package dev.parley.bench.deployed;

import dev.parley.bench.CommandLine;
import dev.parley.bench.ResultsFile;
import dev.parley.bench.delivery.BodyStamp;
import dev.parley.bench.server.CompilerThreads;
import dev.parley.bench.server.ProvisionedServer;
import dev.parley.bench.target.EngineHost;
import dev.parley.bench.target.EngineTls;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.wire.DialbackStream;
import dev.parley.it.peers.wire.StartTls;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The path users get, end to end in Parley's provisioned WildFly: an application puts chat messages on
 * {@code ParleyToFederation} (persistent JMS, transactions of 100, 4 threads) and the engine carries them to a remote
 * server ({@code peer.bench.test}, an engine in this JVM); that server pipelines messages from 100 of its users to 10
 * local users over one stream, which Parley puts on its queue (confirmed by the answer to a
 * ping sent after them) and delivers to the users (the feed's copies show it); then it pipelines XEP-0199 pings to
 * Parley's domain on the same stream, which Parley's engine answers itself. Each at full speed, then for a while at
 * half its target rate (the issue's "p99 at half that rate": 5,000 stanzas/s each way, 50,000 pings/s), for
 * latencies. Every stream is in TLS (Parley's self-signed certificate, the peer's from a test CA) and
 * authenticated by dialback.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.deployed.DeployedPathBenchmark [--stanzas 100000]
 *     [--pings 200000] [--paced-seconds 10] [--server ear/target/server] [--results bench/RESULTS.md|none]</pre>
 */
public final class DeployedPathBenchmark {

    static final String DOMAIN = "parley.bench.test";
    static final String PEER = "peer.bench.test";
    static final String HEADING = "# Deployed path benchmark results";
    private static final String SECRET = "deployed-bench-dialback-secret";
    private static final String PASSWORD = "deployed-bench-password";
    private static final int LOCAL_USERS = 10;
    private static final int REMOTE_SENDERS = 100;
    private static final int SENDING_THREADS = 4;
    private static final int PER_TRANSACTION = 100;
    /** The issue's targets at full speed; the latency targets hold at half of them. */
    static final int STANZAS_PER_SECOND_TARGET = 10_000;
    static final int PINGS_PER_SECOND_TARGET = 100_000;
    private static final long QUIET_MILLIS = 60_000;
    /** Pings answered in each warm-up round before the pings are measured. */
    static final int PING_WARM_UP = 100_000;
    /**
     * Stanzas sent in each warm-up round of a direction before it is measured: after one round of 50,000 outbound and
     * 20,000 inbound, the server's C2 compiler thread was still busy 40 to 60 % of a core through the measured runs.
     */
    static final int OUTBOUND_WARM_UP = 50_000;
    static final int INBOUND_WARM_UP = 20_000;
    /**
     * A warm-up round is repeated while the server's JIT compiler threads were busy more than this share of one core in
     * it: a server that has run for a while has its busy paths compiled.
     */
    static final double COMPILERS_SETTLED = 0.10;
    static final int MOST_WARM_UP_ROUNDS = 30;
    private static final Pattern STAMP = Pattern.compile("<body>(\\d+ \\d+) ");
    private static final String FILLER = "a chat message of about the size people write, give or take a few words";

    private final Map<String, Long> pingsSent = new ConcurrentHashMap<>();
    /** When the last answer to a ping came ({@link System#nanoTime()}). */
    private volatile long lastPingAnswer;
    private final Histogram pingMicros = new Histogram(600_000_000L, 3);
    /** The issue's targets, met or not, in this run. */
    private final List<String> targets = new ArrayList<>();
    private volatile Arrivals outbound = new Arrivals(Long.MAX_VALUE);
    private volatile Arrivals inbound = new Arrivals(Long.MAX_VALUE);
    private long sequence;
    /** How each path's warm-up went and how busy the compilers were when it was measured, for the results. */
    private final List<String> compiling = new ArrayList<>();
    private CompilerThreads compilers;

    /** A step of the benchmark that talks to the servers. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int stanzas = CommandLine.option(args, "--stanzas").map(Integer::parseInt).orElse(100_000);
        int pings = CommandLine.option(args, "--pings").map(Integer::parseInt).orElse(200_000);
        int pacedSeconds = CommandLine.option(args, "--paced-seconds").map(Integer::parseInt).orElse(10);
        Path provisioned = Path.of(CommandLine.option(args, "--server").orElse("ear/target/server"));
        Optional<Path> results = CommandLine.option(args, "--results").or(() -> Optional.of("bench/RESULTS.md"))
                .filter(file -> !"none".equals(file)).map(Path::of);
        String command = "java -cp bench/target/parley-bench.jar " + DeployedPathBenchmark.class.getName()
                + (args.length == 0 ? "" : " " + String.join(" ", args));
        String section = new DeployedPathBenchmark().run(provisioned, stanzas, pings, pacedSeconds, command);
        System.out.println(section);
        if (results.isPresent()) {
            ResultsFile.replace(results.get(), section);
            progress("written to " + results.get().toAbsolutePath());
        }
    }

    private String run(Path provisioned, int stanzas, int pings, int pacedSeconds, String command) throws Exception {
        Path runDir = Path.of("bench/target/deployed-runs",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        try (PeerNetwork network = PeerNetwork.start(runDir, List.of(
                DomainPlan.serverUnderTest(DOMAIN, EngineHost.S2S_PORT), DomainPlan.serverUnderTest(PEER, EngineHost.S2S_PORT)));
             ProvisionedServer server = ProvisionedServer.copy(provisioned, runDir, DOMAIN,
                     network.address(DOMAIN).getHostAddress(), List.of("-Dparley.dns.servers="
                             + network.dns().getAddress().getHostAddress() + ":" + network.dns().getPort()))) {
            progress("starting WildFly with Parley (" + runDir + ")");
            server.start();
            compilers = server.compilerThreads();
            ParleyApi api = new ParleyApi(server);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < LOCAL_USERS; i++) {
                api.createUser("user" + i, PASSWORD);
                users.add("user" + i + "@" + DOMAIN);
            }
            api.installSelfSignedCertificate(DOMAIN);
            api.federate();
            api.authorize(PEER);
            EngineTls peerTls = EngineTls.issue(TestCa.create(runDir.resolve("ca")), PEER,
                    TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS);
            try (S2sEngine peer = EngineHost.start(PEER, network.address(PEER), network.dns(), Optional.of(SECRET),
                    Optional.of(peerTls), this::peerReceived);
                 ParleyQueues queues = new ParleyQueues(server)) {
                queues.readFeed(this::feedCopy);
                List<String> rows = new ArrayList<>();
                warmUp("outbound", () -> {
                    Arrivals warmUp = new Arrivals(sequence);
                    outbound = warmUp;
                    sendOutbound(queues, users, Math.min(OUTBOUND_WARM_UP, stanzas), 0);
                    warmUp.await(Math.min(OUTBOUND_WARM_UP, stanzas), QUIET_MILLIS);
                });
                progress("outbound: " + stanzas + " stanzas at full speed");
                measured("outbound", () -> outboundFull(queues, users, stanzas, rows));
                progress("outbound: " + pacedSeconds + " s at " + STANZAS_PER_SECOND_TARGET / 2 + "/s");
                outboundPaced(queues, users, STANZAS_PER_SECOND_TARGET / 2, pacedSeconds, rows);
                InetSocketAddress parley = new InetSocketAddress(network.address(DOMAIN), EngineHost.S2S_PORT);
                try (DialbackStream stream = DialbackStream.open(parley, PEER, DOMAIN, new DialbackKeys(SECRET),
                        Duration.ofSeconds(30), Optional.of(StartTls.trustingEveryone()))) {
                    stream.watch();
                    warmUp("inbound", () -> inboundUnmeasured(stream, users, Math.min(INBOUND_WARM_UP, stanzas)));
                    progress("inbound: " + stanzas + " stanzas at full speed");
                    measured("inbound", () -> inboundFull(stream, users, stanzas, rows));
                    progress("inbound: " + pacedSeconds + " s at " + STANZAS_PER_SECOND_TARGET / 2 + "/s");
                    inboundPaced(stream, users, STANZAS_PER_SECOND_TARGET / 2, pacedSeconds, rows);
                    warmUp("pings", () -> pingsUnmeasured(stream, Math.min(PING_WARM_UP, pings)));
                    progress("pings: " + pings + " at full speed");
                    measured("pings", () -> pingsFull(stream, pings, rows));
                    progress("pings: " + pacedSeconds + " s at " + PINGS_PER_SECOND_TARGET / 2 + "/s");
                    pingsPaced(stream, PINGS_PER_SECOND_TARGET / 2, pacedSeconds, rows);
                }
                return DeployedResults.markdown(HEADING, command, rows, targets, compiling, stanzas, pacedSeconds);
            }
        }
    }

    /** Runs {@code round} until the server's compilers were nearly idle in one, or {@link #MOST_WARM_UP_ROUNDS} times. */
    private void warmUp(String path, Step round) throws Exception {
        for (int rounds = 1; ; rounds++) {
            progress(path + " warm-up, round " + rounds);
            double busy = compilersBusy(round);
            if (busy <= COMPILERS_SETTLED || rounds == MOST_WARM_UP_ROUNDS) {
                compiling.add(path + ": " + rounds + " warm-up round(s), the compilers busy " + percent(busy)
                        + " of a core in the last");
                return;
            }
        }
    }

    /** Runs {@code path}'s measured {@code run}, noting how busy the server's compilers were meanwhile. */
    private void measured(String path, Step run) throws Exception {
        double busy = compilersBusy(run);
        compiling.add(path + " at full speed: the compilers busy " + percent(busy) + " of a core");
    }

    /** The share of one core the server's compilers used while {@code step} ran. */
    private double compilersBusy(Step step) throws Exception {
        long compiled = compilers.cpuMillis();
        long started = System.nanoTime();
        step.run();
        return (compilers.cpuMillis() - compiled) / ((System.nanoTime() - started) / 1e6);
    }

    private static String percent(double share) {
        return String.format("%.0f %%", share * 100);
    }

    private void outboundFull(ParleyQueues queues, List<String> users, int stanzas, List<String> rows)
            throws Exception {
        Arrivals arrivals = new Arrivals(sequence);
        outbound = arrivals;
        long started = System.nanoTime();
        sendOutbound(queues, users, stanzas, 0);
        int arrived = arrivals.await(stanzas, QUIET_MILLIS);
        double rate = arrived / ((arrivals.lastNanos() - started) / 1e9);
        rows.add(DeployedResults.row("outbound: `ParleyToFederation` → engine → remote server", "full speed", arrived,
                stanzas, rate, arrivals));
        targets.add(DeployedResults.target("≥ 10,000 stanzas/s outbound", rate >= STANZAS_PER_SECOND_TARGET,
                String.format("%,.0f/s", rate)));
    }

    private void outboundPaced(ParleyQueues queues, List<String> users, int rate, int seconds, List<String> rows)
            throws Exception {
        Arrivals arrivals = new Arrivals(sequence);
        outbound = arrivals;
        int stanzas = rate * seconds;
        sendOutbound(queues, users, stanzas, rate);
        int arrived = arrivals.await(stanzas, QUIET_MILLIS);
        rows.add(DeployedResults.row("outbound: `ParleyToFederation` → engine → remote server",
                String.format("paced %,d/s", rate), arrived, stanzas, Double.NaN, arrivals));
        double p99 = arrivals.percentileMillis(99);
        targets.add(DeployedResults.target("outbound p99 ≤ 50 ms at half the target rate", p99 <= 50,
                String.format("%.1f ms", p99)));
    }

    /** Puts {@code count} messages on the queue from several threads, at full speed or, with a {@code rate}, paced. */
    private void sendOutbound(ParleyQueues queues, List<String> users, int count, int rate) throws Exception {
        long first = sequence;
        sequence += count;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < SENDING_THREADS; t++) {
            int thread = t;
            Thread sender = new Thread(() -> {
                try (ParleyQueues.Sender jms = queues.sender()) {
                    int inTransaction = 0;
                    for (long seq = first + thread; seq < first + count; seq += SENDING_THREADS) {
                        long due = rate == 0 ? System.nanoTime() : start + (seq - first) * 1_000_000_000L / rate;
                        if (rate > 0 && due > System.nanoTime() && inTransaction > 0) {
                            jms.commit();
                            inTransaction = 0;
                        }
                        sleepUntil(due);
                        String user = users.get((int) (seq % users.size()));
                        jms.send("<message xmlns='jabber:client' from='" + user + "/desk' to='sink@" + PEER
                                + "' type='chat' id='o" + seq + "'><body>"
                                + new BodyStamp(seq, due).toBody(FILLER) + "</body></message>");
                        if (++inTransaction == PER_TRANSACTION) {
                            jms.commit();
                            inTransaction = 0;
                        }
                    }
                    jms.commit();
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "jms sender " + t);
            threads.add(sender);
            sender.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("sending to the queue failed", failures.get(0));
        }
    }

    private void inboundFull(DialbackStream stream, List<String> users, int stanzas, List<String> rows)
            throws Exception {
        Arrivals arrivals = new Arrivals(sequence);
        inbound = arrivals;
        long started = System.nanoTime();
        OutputStream out = stream.out();
        for (int i = 0; i < stanzas; i++) {
            writeInbound(out, users, System.nanoTime());
        }
        String ping = ping(out);
        out.flush();
        long confirmed = awaitPing(ping);
        double accepted = stanzas / ((confirmed - started) / 1e9);
        int arrived = arrivals.await(stanzas, QUIET_MILLIS);
        rows.add(DeployedResults.row("inbound: remote server → engine → on the JMS queue (ping answered)",
                "full speed", stanzas, stanzas, accepted, null));
        rows.add(DeployedResults.row("inbound: … → delivered to local users (feed copies)", "full speed", arrived,
                stanzas, arrived / ((arrivals.lastNanos() - started) / 1e9), arrivals));
        targets.add(DeployedResults.target("≥ 10,000 stanzas/s inbound (on the queue)", accepted >= STANZAS_PER_SECOND_TARGET,
                String.format("%,.0f/s; delivered to the users %,.0f/s", accepted,
                        arrived / ((arrivals.lastNanos() - started) / 1e9))));
        failIfBroken(stream);
    }

    /** At a fixed pace, with a ping every 100 ms: its answer says everything before it is on the queue. */
    private void inboundPaced(DialbackStream stream, List<String> users, int rate, int seconds, List<String> rows)
            throws Exception {
        Arrivals arrivals = new Arrivals(sequence);
        inbound = arrivals;
        synchronized (pingMicros) {
            pingMicros.reset();
        }
        OutputStream out = stream.out();
        int stanzas = rate * seconds;
        long start = System.nanoTime();
        long nextPing = start;
        for (int i = 0; i < stanzas; i++) {
            long due = awaitTurn(out, start, i, rate);
            writeInbound(out, users, due);
            if (due >= nextPing) {
                ping(out);
                nextPing += 100_000_000L;
            }
        }
        awaitPing(ping(out));
        out.flush();
        int arrived = arrivals.await(stanzas, QUIET_MILLIS);
        rows.add(DeployedResults.pingRow("inbound: remote server → engine → on the JMS queue (ping answered)",
                String.format("paced %,d/s", rate), stanzas, Double.NaN, pingMicros));
        double p99;
        synchronized (pingMicros) {
            p99 = pingMicros.getValueAtPercentile(99) / 1000.0;
        }
        targets.add(DeployedResults.target("inbound p99 ≤ 50 ms at half the target rate (on the queue)", p99 <= 50,
                String.format("%.1f ms", p99)));
        rows.add(DeployedResults.row("inbound: … → delivered to local users (feed copies)",
                String.format("paced %,d/s", rate), arrived, stanzas, Double.NaN, arrivals));
        failIfBroken(stream);
    }

    /** Stanzas from the remote server not measured, as the outbound warm-up, until every one reached its user. */
    private void inboundUnmeasured(DialbackStream stream, List<String> users, int count) throws Exception {
        Arrivals arrivals = new Arrivals(sequence);
        inbound = arrivals;
        OutputStream out = stream.out();
        for (int i = 0; i < count; i++) {
            writeInbound(out, users, System.nanoTime());
        }
        out.flush();
        arrivals.await(count, QUIET_MILLIS);
        failIfBroken(stream);
    }

    /**
     * Pings not measured, as the outbound warm-up: until now Parley answered a ping every 100 ms at most, and the JIT of
     * both servers has yet to compile the path of thousands a second (one run without this measured half the rate).
     */
    private void pingsUnmeasured(DialbackStream stream, int count) throws Exception {
        OutputStream out = stream.out();
        for (int i = 0; i < count; i++) {
            writePing(out, System.nanoTime());
        }
        out.flush();
        awaitAllPings();
        failIfBroken(stream);
    }

    /** Pings alone, pipelined: answered by Parley's engine itself, over its own stream to the remote server. */
    private void pingsFull(DialbackStream stream, int count, List<String> rows) throws Exception {
        synchronized (pingMicros) {
            pingMicros.reset();
        }
        OutputStream out = stream.out();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            writePing(out, System.nanoTime());
        }
        out.flush();
        double rate = count / ((awaitAllPings() - started) / 1e9);
        rows.add(DeployedResults.pingRow("pings: remote server → Parley's answer (XEP-0199, one stream)", "full speed",
                count, rate, pingMicros));
        targets.add(DeployedResults.target("≥ 100,000 pings/s answered over one TLS stream",
                rate >= PINGS_PER_SECOND_TARGET, String.format("%,.0f/s", rate)));
        failIfBroken(stream);
    }

    private void pingsPaced(DialbackStream stream, int rate, int seconds, List<String> rows) throws Exception {
        synchronized (pingMicros) {
            pingMicros.reset();
        }
        OutputStream out = stream.out();
        int count = rate * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            writePing(out, awaitTurn(out, start, i, rate));
        }
        out.flush();
        awaitAllPings();
        rows.add(DeployedResults.pingRow("pings: remote server → Parley's answer (XEP-0199, one stream)",
                String.format("paced %,d/s", rate), count, Double.NaN, pingMicros));
        double p99;
        synchronized (pingMicros) {
            p99 = pingMicros.getValueAtPercentile(99) / 1000.0;
        }
        targets.add(DeployedResults.target("ping p99 ≤ 2 ms at half the target rate", p99 <= 2, String.format("%.2f ms", p99)));
        failIfBroken(stream);
    }

    /**
     * At a fixed pace on the stream: when the {@code i}th write is not due yet, flushes what was written and waits for
     * it. Returns when it was due ({@link System#nanoTime()}), which latencies count from, however late the write.
     */
    private static long awaitTurn(OutputStream out, long start, int i, int rate) throws IOException {
        long due = start + (long) i * 1_000_000_000L / rate;
        if (due > System.nanoTime()) {
            out.flush();
            sleepUntil(due);
        }
        return due;
    }

    /**
     * Parks rather than spins: on this machine's two cores a spinning sender would take a core from the server it
     * measures. A park lasts some tens of microseconds longer than asked; what falls due meanwhile is written at once,
     * together, and its latency still counts from when it was due.
     */
    private static void sleepUntil(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Waits until every ping sent is answered; returns when the last answer came. */
    private long awaitAllPings() throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_MILLIS * 1_000_000;
        while (!pingsSent.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Parley left " + pingsSent.size() + " pings unanswered");
            }
            Thread.sleep(1);
        }
        return lastPingAnswer;
    }

    private void writeInbound(OutputStream out, List<String> users, long stampNanos) throws IOException {
        long seq = sequence++;
        out.write(("<message from='sender" + seq % REMOTE_SENDERS + "@" + PEER + "/pipe' to='"
                + users.get((int) (seq % users.size())) + "' type='chat' id='i" + seq + "'><body>"
                + new BodyStamp(seq, stampNanos).toBody(FILLER) + "</body></message>").getBytes(StandardCharsets.UTF_8));
    }

    private String ping(OutputStream out) throws IOException {
        String id = writePing(out, System.nanoTime());
        out.flush();
        return id;
    }

    /** Writes a ping, unflushed, its latency counted from {@code dueNanos}; returns its id. */
    private String writePing(OutputStream out, long dueNanos) throws IOException {
        String id = "p" + sequence++;
        pingsSent.put(id, dueNanos);
        out.write(("<iq type='get' id='" + id + "' from='" + PEER + "' to='" + DOMAIN
                + "'><ping xmlns='urn:xmpp:ping'/></iq>").getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** Waits for the answer to ping {@code id}; returns when it came. */
    private long awaitPing(String id) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_MILLIS * 1_000_000 * 10;
        while (pingsSent.containsKey(id)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Parley did not answer ping " + id);
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    private static void failIfBroken(DialbackStream stream) {
        stream.failure().ifPresent(reason -> {
            throw new IllegalStateException("Parley ended the stream: " + reason);
        });
    }

    /** What reaches the remote server: the outbound messages, and Parley's answers to its pings. */
    private void peerReceived(XmlElement stanza) {
        if (stanza.name().equals("iq") && "result".equals(stanza.attribute("type").orElse(""))) {
            Long sent = pingsSent.remove(stanza.attribute("id").orElse(""));
            if (sent != null) {
                lastPingAnswer = System.nanoTime();
                synchronized (pingMicros) {
                    pingMicros.recordValue((System.nanoTime() - sent) / 1_000);
                }
            }
            return;
        }
        stanza.elements().stream().filter(child -> child.name().equals("body")).findFirst()
                .map(body -> BodyStamp.parse(body.text()))
                .ifPresent(stamp -> outbound.arrived(stamp.sequence(), stamp.sentNanos()));
    }

    /** A copy of what a local user got, from the feed. */
    private void feedCopy(String stanzaXml) {
        Matcher stamp = STAMP.matcher(stanzaXml);
        if (stamp.find()) {
            BodyStamp parsed = BodyStamp.parse(stamp.group(1) + " ");
            if (parsed != null) {
                inbound.arrived(parsed.sequence(), parsed.sentNanos());
            }
        }
    }

    private static void progress(String text) {
        System.err.println("[deployed] " + text);
    }
}
