package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.ProbeStep.Outcome;
import dev.parley.xmpp.dns.DnsClient;
import dev.parley.xmpp.dns.DnsHostResolver;
import dev.parley.xmpp.dns.DnsS2sTargetResolver;
import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sResolutionException;
import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.dns.S2sTargetResolver;
import dev.parley.xmpp.dns.TestDnsServer;
import dev.parley.xmpp.dns.UnansweringDnsServer;
import dev.parley.xmpp.s2s.EngineConfig;
import dev.parley.xmpp.s2s.RemoteDomainPolicy;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The federation tester against real engines and a hand-driven peer on 127.0.0.1, with a real DNS server (dnsmasq)
 * answering for the remote domains: every step's outcome and the verdict, for a peer that federates, one that is down,
 * one without DNS records, one whose certificate the policy refuses, one that never answers a ping, and one the remote
 * domain policy refuses.
 */
@Timeout(60)
class FederationProbeTest {

    private static final TestPki CA = TestPki.create("Probe Test CA");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ProbeTimeouts TIMEOUTS = new ProbeTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(20));

    /** Closed after each test, last started first. */
    private final List<AutoCloseable> running = new ArrayList<>();
    /** Where the local engine listens, for the peer's dialback verifications. */
    private final AtomicInteger portOfA = new AtomicInteger();
    /** Whatever the local engine hands its host. */
    private final List<XmlElement> hostOfA = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(running);
        for (AutoCloseable resource : running) {
            resource.close();
        }
    }

    @Test
    void passesEveryStepAgainstAPeerOverTlsWithDialback() throws Exception {
        S2sEngine b = peer(TlsConfig.of(TlsPolicy.OPTIONAL, valid("b.test"), List.of("b.test")));
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.b.test", "xmpp.b.test",
                b.localAddress().getPort(), 10, 5).host("xmpp.b.test", "127.0.0.1"));
        // A self-signed certificate of ours: b accepts it for TLS, but not for SASL EXTERNAL, so dialback it is.
        S2sEngine a = local(dns, trusting(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, selfSigned("a.test"),
                List.of("a.test"))), RemoteDomainPolicy.permitAll());

        ProbeReport report = probe(a).run("B.test", a);

        int port = b.localAddress().getPort();
        assertThat(report.domain()).isEqualTo("b.test");
        assertThat(report.steps()).extracting(ProbeStep::kind).containsExactly(Kind.DNS_SRV, Kind.DNS_ADDRESSES,
                Kind.TCP, Kind.STREAM, Kind.TLS, Kind.CERTIFICATE, Kind.STREAM, Kind.AUTHENTICATION, Kind.PING);
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.outcome()).as(step.toString())
                .isEqualTo(Outcome.PASSED));
        assertThat(step(report, Kind.DNS_SRV).detail()).contains("_xmpps-server._tcp.b.test: no record")
                .contains("_xmpp-server._tcp.b.test: priority 10, weight 5, port " + port + ", target xmpp.b.test");
        assertThat(step(report, Kind.DNS_ADDRESSES).detail()).isEqualTo("xmpp.b.test: 127.0.0.1");
        assertThat(step(report, Kind.TCP).detail()).isEqualTo("xmpp.b.test 127.0.0.1:" + port + ": connected");
        assertThat(steps(report, Kind.STREAM).get(0).detail()).contains("answered as b.test")
                .contains("features: STARTTLS");
        assertThat(step(report, Kind.TLS).detail()).startsWith("TLSv1.3, ").contains("by STARTTLS");
        assertThat(step(report, Kind.CERTIFICATE).detail())
                .startsWith("trusted for b.test: CN=b.test, issued by CN=Probe Test CA");
        assertThat(steps(report, Kind.STREAM).get(1).detail()).startsWith("stream restarted over TLS")
                .contains("dialback").doesNotContain("SASL");
        assertThat(step(report, Kind.AUTHENTICATION).detail())
                .isEqualTo("b.test accepted a.test by dialback on a session opened for the ping");
        assertThat(step(report, Kind.PING).detail()).matches("b.test answered in \\d+ ms");
        assertThat(report.verdict()).matches("b\\.test federates: reached xmpp\\.b\\.test:" + port
                + " over TLSv1\\.3, authenticated by dialback, ping answered in \\d+ ms");
        assertThat(report.passed()).isTrue();
        assertThat(hostOfA).as("neither the ping's answer nor anything else reaches the host").isEmpty();
    }

    @Test
    void authenticatesBySaslExternalWhenBothCertificatesAreValid() throws Exception {
        S2sEngine b = peer(trusting(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, valid("b.test"), List.of("b.test"))));
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.b.test", "xmpp.b.test",
                b.localAddress().getPort(), 0, 0).host("xmpp.b.test", "127.0.0.1"));
        S2sEngine a = local(dns, trusting(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"),
                List.of("a.test"))), RemoteDomainPolicy.permitAll());

        ProbeReport report = probe(a).run("b.test", a);

        assertThat(report.steps()).allSatisfy(step -> assertThat(step.outcome()).as(step.toString())
                .isEqualTo(Outcome.PASSED));
        assertThat(steps(report, Kind.STREAM).get(1).detail()).contains("SASL EXTERNAL");
        assertThat(step(report, Kind.AUTHENTICATION).detail()).contains("by SASL EXTERNAL");
        assertThat(report.verdict()).contains("authenticated by SASL EXTERNAL, ping answered in");
    }

    @Test
    void probesADirectTlsTargetWithTlsFromTheFirstByte() throws Exception {
        S2sEngine b = peer(trusting(TlsConfig.of(TlsPolicy.OPTIONAL, valid("b.test"), List.of("b.test"))), true);
        int tlsPort = b.directTlsAddress().orElseThrow().getPort();
        TestDnsServer dns = dns(records -> records.srv("_xmpps-server._tcp.b.test", "tls.b.test", tlsPort, 10, 0)
                .host("tls.b.test", "127.0.0.1"));
        S2sEngine a = local(dns, trusting(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"),
                List.of("a.test"))), RemoteDomainPolicy.permitAll());

        ProbeReport report = probe(a).run("b.test", a);

        assertThat(report.steps()).extracting(ProbeStep::kind).containsExactly(Kind.DNS_SRV, Kind.DNS_ADDRESSES,
                Kind.TCP, Kind.TLS, Kind.CERTIFICATE, Kind.STREAM, Kind.AUTHENTICATION, Kind.PING);
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.outcome()).as(step.toString())
                .isEqualTo(Outcome.PASSED));
        assertThat(step(report, Kind.DNS_SRV).detail()).contains("_xmpps-server._tcp.b.test: priority 10, weight 0, port "
                + tlsPort + ", target tls.b.test").contains("_xmpp-server._tcp.b.test: no record");
        assertThat(step(report, Kind.TCP).detail()).endsWith(tlsPort + " (direct TLS): connected");
        assertThat(step(report, Kind.TLS).detail()).contains("by direct TLS, ALPN xmpp-server");
        assertThat(step(report, Kind.STREAM).detail()).contains("SASL EXTERNAL");
        assertThat(report.verdict()).matches("b\\.test federates: reached tls\\.b\\.test:" + tlsPort
                + " over TLSv1\\.3, authenticated by SASL EXTERNAL, ping answered in \\d+ ms");
    }

    @Test
    void reportsTheStepsWithoutAuthenticationAndPingWhileFederationIsSwitchedOff() throws Exception {
        S2sEngine b = peer(trusting(TlsConfig.of(TlsPolicy.OPTIONAL, valid("b.test"), List.of("b.test"))));
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.b.test", "xmpp.b.test",
                b.localAddress().getPort(), 10, 5).host("xmpp.b.test", "127.0.0.1"));

        ProbeReport report = new FederationProbe(settings(dns, trusting(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT,
                valid("a.test"), List.of("a.test"))))).run("b.test");

        assertThat(report.steps()).filteredOn(step -> step.kind() == Kind.AUTHENTICATION || step.kind() == Kind.PING)
                .extracting(ProbeStep::outcome, ProbeStep::detail).containsExactly(
                        tuple(Outcome.SKIPPED, "skipped: federation is switched off"),
                        tuple(Outcome.SKIPPED, "skipped: federation is switched off"));
        assertThat(steps(report, Kind.STREAM).get(1).detail()).as("a peer trusting our certificate offers EXTERNAL")
                .contains("SASL EXTERNAL");
        assertThat(report.verdict()).isEqualTo("b.test is reachable: xmpp.b.test:" + b.localAddress().getPort()
                + " answered over TLSv1.3; authentication and ping were not tried: federation is switched off");
        assertThat(report.passed()).isTrue();
        assertThat(b.sessions()).noneMatch(session -> session.state() == SessionState.AUTHENTICATED);
    }

    @Test
    void reportsEveryAddressRefusingAndSkipsTheRest() throws Exception {
        int closedPort = closedPort();
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.down.test", "xmpp.down.test", closedPort,
                10, 0).host("xmpp.down.test", "127.0.0.1"));
        S2sEngine a = local(dns, TlsConfig.none(), RemoteDomainPolicy.permitAll());

        ProbeReport report = probe(a).run("down.test", a);

        assertThat(step(report, Kind.TCP).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Kind.TCP).detail())
                .isEqualTo("xmpp.down.test 127.0.0.1:" + closedPort + ": refused the connection");
        assertThat(report.steps()).filteredOn(step -> step.kind().compareTo(Kind.TCP) > 0)
                .extracting(ProbeStep::kind).containsExactly(Kind.STREAM, Kind.TLS, Kind.CERTIFICATE,
                        Kind.AUTHENTICATION, Kind.PING);
        assertThat(report.steps()).filteredOn(step -> step.kind().compareTo(Kind.TCP) > 0)
                .allSatisfy(step -> assertThat(step.outcome()).isEqualTo(Outcome.SKIPPED));
        assertThat(report.verdict()).isEqualTo("down.test cannot be reached: every address refused the connection"
                + " (127.0.0.1:" + closedPort + ")");
        assertThat(report.passed()).isFalse();
        assertThat(a.recentFailures()).as("the engine never tried the domain").isEmpty();
    }

    @Test
    void connectsToNoPrivateAddressWhilePrivateFederationIsOff() throws Exception {
        int closedPort = closedPort();
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.inside.test", "xmpp.inside.test", closedPort,
                10, 0).host("xmpp.inside.test", "127.0.0.1"));
        ProbeSettings publicOnly = new ProbeSettings("a.test", settings(dns, TlsConfig.none()).targets(),
                settings(dns, TlsConfig.none()).hosts(), TlsConfig.none(), TIMEOUTS, false);

        ProbeReport report = new FederationProbe(publicOnly).run("inside.test");

        assertThat(step(report, Kind.TCP).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Kind.TCP).detail()).isEqualTo("xmpp.inside.test 127.0.0.1:" + closedPort
                + ": not connected to, a loopback address (private federation is off)");
        assertThat(report.verdict()).startsWith("inside.test cannot be reached: its addresses xmpp.inside.test 127.0.0.1:"
                + closedPort + " are not public ones, and private federation is off");
    }

    @Test
    void reportsADomainWithoutAnyDnsRecords() throws Exception {
        TestDnsServer dns = dns(records -> records.host("elsewhere.test", "127.0.0.1"));

        ProbeReport report = new FederationProbe(settings(dns, TlsConfig.none())).run("nowhere.test");

        assertThat(step(report, Kind.DNS_SRV).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(step(report, Kind.DNS_SRV).detail()).isEqualTo("_xmpps-server._tcp.nowhere.test: no record;"
                + " _xmpp-server._tcp.nowhere.test: no record; no SRV records, so nowhere.test itself on port 5269"
                + " (RFC 6120 §3.2.2)");
        assertThat(step(report, Kind.DNS_ADDRESSES).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Kind.DNS_ADDRESSES).detail()).startsWith("no SRV, A or AAAA records for nowhere.test");
        assertThat(report.steps()).filteredOn(step -> step.kind().compareTo(Kind.DNS_ADDRESSES) > 0)
                .allSatisfy(step -> assertThat(step.outcome()).isEqualTo(Outcome.SKIPPED));
        assertThat(report.verdict()).startsWith("nowhere.test cannot be reached: no SRV, A or AAAA records for nowhere.test");
    }

    @Test
    void reportsADnsServerThatNeverAnswers() throws Exception {
        UnansweringDnsServer silent = new UnansweringDnsServer();
        running.add(silent);
        DnsClient client = new DnsClient(silent.resolverConfig(Duration.ofSeconds(1)));
        ProbeSettings settings = new ProbeSettings("a.test", new DnsS2sTargetResolver(client),
                new DnsHostResolver(client), TlsConfig.none(), TIMEOUTS, true);

        ProbeReport report = new FederationProbe(settings).run("b.test");

        assertThat(step(report, Kind.DNS_SRV).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Kind.DNS_SRV).detail()).contains("the lookup failed: no answer from the DNS servers");
        assertThat(report.verdict()).startsWith("b.test cannot be reached: cannot resolve the S2S service of b.test:"
                + " no answer from the DNS servers");
        assertThat(report.steps()).filteredOn(step -> step.kind() != Kind.DNS_SRV)
                .allSatisfy(step -> assertThat(step.outcome()).isEqualTo(Outcome.SKIPPED));
    }

    @Test
    void failsTheCertificateStepOfASelfSignedPeerUnderRequiredValidCert() throws Exception {
        S2sEngine b = peer(TlsConfig.of(TlsPolicy.OPTIONAL, selfSigned("b.test"), List.of("b.test")));
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.b.test", "xmpp.b.test",
                b.localAddress().getPort(), 10, 5).host("xmpp.b.test", "127.0.0.1"));
        S2sEngine a = local(dns, trusting(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"),
                List.of("a.test"))), RemoteDomainPolicy.permitAll());

        ProbeReport report = probe(a).run("b.test", a);

        assertThat(step(report, Kind.TLS).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(step(report, Kind.CERTIFICATE).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Kind.CERTIFICATE).detail()).startsWith("certificate for b.test is self-signed")
                .endsWith("; the policy REQUIRED_VALID_CERT would refuse this server");
        assertThat(step(report, Kind.AUTHENTICATION).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(step(report, Kind.PING).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.verdict()).isEqualTo("b.test cannot federate: the certificate is self-signed and the policy"
                + " REQUIRED_VALID_CERT requires a valid one");
        assertThat(a.recentFailures()).as("no session was tried after the probe saw it would fail").isEmpty();
    }

    @Test
    void warnsAboutASelfSignedPeerWhereThePolicyLeavesItToDialback() throws Exception {
        S2sEngine b = peer(TlsConfig.of(TlsPolicy.OPTIONAL, selfSigned("b.test"), List.of("b.test")));
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.b.test", "xmpp.b.test",
                b.localAddress().getPort(), 10, 5).host("xmpp.b.test", "127.0.0.1"));
        S2sEngine a = local(dns, TlsConfig.of(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("a.test"),
                List.of("a.test")), RemoteDomainPolicy.permitAll());

        ProbeReport report = probe(a).run("b.test", a);

        assertThat(step(report, Kind.CERTIFICATE).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(step(report, Kind.CERTIFICATE).detail()).contains("is self-signed")
                .endsWith("the policy REQUIRED_IGNORE_CERT_ERRORS accepts it for encryption, and dialback must prove"
                        + " the domain");
        assertThat(step(report, Kind.PING).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void failsThePingOfAPeerThatNeverAnswersIt() throws Exception {
        DialbackOnlyPeer silent = new DialbackOnlyPeer("silent.test", "a.test", DialbackOnlyPeer.PingAnswer.NEVER);
        running.add(silent);
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.silent.test", "xmpp.silent.test",
                silent.port(), 10, 0).host("xmpp.silent.test", "127.0.0.1"));
        S2sEngine a = local(dns, TlsConfig.none(), RemoteDomainPolicy.permitAll());
        ProbeTimeouts quickPing = new ProbeTimeouts(TIMEOUTS.dns(), TIMEOUTS.connect(), TIMEOUTS.exchange(),
                Duration.ofMillis(1500), TIMEOUTS.total());

        ProbeReport report = new FederationProbe(ProbeSettings.of(a.config(), "a.test").withTimeouts(quickPing))
                .run("silent.test", a);

        assertThat(step(report, Kind.TLS).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(step(report, Kind.TLS).detail()).isEqualTo("silent.test does not offer TLS: streams with it are not"
                + " encrypted");
        assertThat(step(report, Kind.AUTHENTICATION).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(step(report, Kind.PING).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Kind.PING).detail()).isEqualTo("silent.test did not answer the ping within 1500 ms");
        assertThat(report.verdict()).isEqualTo("silent.test cannot federate: authenticated by dialback, but no answer to"
                + " the ping within 1500 ms");
        assertThat(silent.transcripts().get(0)).as("the probe's own stream: a header and its end, nothing else")
                .doesNotContain("<iq").doesNotContain("<db:").endsWith("</stream:stream>");
        assertThat(hostOfA).isEmpty();
    }

    @Test
    void saysThatAnErrorAnswerToThePingStillProvesThePeerAlive() throws Exception {
        DialbackOnlyPeer refusing = new DialbackOnlyPeer("noping.test", "a.test",
                DialbackOnlyPeer.PingAnswer.SERVICE_UNAVAILABLE);
        running.add(refusing);
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.noping.test", "xmpp.noping.test",
                refusing.port(), 10, 0).host("xmpp.noping.test", "127.0.0.1"));
        S2sEngine a = local(dns, TlsConfig.none(), RemoteDomainPolicy.permitAll());

        ProbeReport report = probe(a).run("noping.test", a);

        assertThat(step(report, Kind.PING).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(step(report, Kind.PING).detail()).matches("noping\\.test answered with the error service-unavailable"
                + " \\(no pings here\\) in \\d+ ms: an error reply still proves the server alive");
        assertThat(report.verdict()).matches("noping\\.test federates: reached xmpp\\.noping\\.test:\\d+ without TLS,"
                + " authenticated by dialback, ping answered with an error \\(service-unavailable\\) in \\d+ ms,"
                + " which still proves the server alive");
        assertThat(hostOfA).as("the error reply is the ping's, not the host's").isEmpty();
    }

    @Test
    void failsAuthenticationForADomainTheRemoteDomainPolicyRefuses() throws Exception {
        S2sEngine b = peer(TlsConfig.of(TlsPolicy.OPTIONAL, valid("b.test"), List.of("b.test")));
        TestDnsServer dns = dns(records -> records.srv("_xmpp-server._tcp.b.test", "xmpp.b.test",
                b.localAddress().getPort(), 10, 5).host("xmpp.b.test", "127.0.0.1"));
        S2sEngine a = local(dns, trusting(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, selfSigned("a.test"),
                List.of("a.test"))), domain -> domain.equals("b.test")
                ? Optional.of("federation with b.test is not authorized on this server") : Optional.empty());

        ProbeReport report = probe(a).run("b.test", a);

        assertThat(step(report, Kind.CERTIFICATE).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(step(report, Kind.AUTHENTICATION).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Kind.AUTHENTICATION).detail())
                .isEqualTo("not-allowed: federation with b.test is not authorized on this server");
        assertThat(step(report, Kind.PING).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.verdict())
                .isEqualTo("b.test cannot federate: federation with b.test is not authorized on this server");
        assertThat(b.sessions()).as("the engine never opened a session to the refused domain")
                .noneMatch(session -> session.direction() == SessionDirection.INBOUND
                        && session.state() == SessionState.AUTHENTICATED);
    }

    @Test
    void explainsAnInvalidDomainInsteadOfThrowing() {
        ProbeReport report = new FederationProbe(new ProbeSettings("a.test", domain -> CompletableFuture.failedFuture(
                new IllegalStateException("never asked")), host -> CompletableFuture.failedFuture(
                new IllegalStateException("never asked")), TlsConfig.none(), TIMEOUTS, true)).run("not a domain!");

        assertThat(report.steps()).isEmpty();
        assertThat(report.verdict()).startsWith("'not a domain!' is not a valid domain: ");
        assertThat(report.passed()).isFalse();
    }

    /** The remote server b.test, resolving a.test (for its dialback verifications) to the local engine. */
    private S2sEngine peer(TlsConfig tls) {
        return peer(tls, false);
    }

    /** b.test, with a direct-TLS listener besides the plain one if {@code directTls}. */
    private S2sEngine peer(TlsConfig tls, boolean directTls) {
        S2sTargetResolver toA = domain -> domain.equals("a.test")
                ? CompletableFuture.completedFuture(List.of(new S2sTarget("127.0.0.1", portOfA.get(), false)))
                : CompletableFuture.failedFuture(new S2sResolutionException(S2sResolutionException.Reason.NOT_FOUND,
                        domain + " is not known to b.test"));
        HostResolver loopbackOnly = host -> host.equals("127.0.0.1")
                ? CompletableFuture.completedFuture(List.of(LOOPBACK))
                : CompletableFuture.failedFuture(new S2sResolutionException(S2sResolutionException.Reason.NOT_FOUND,
                        "tests resolve only 127.0.0.1"));
        EngineConfig config = EngineConfig.of(LOOPBACK, 0, Set.of("b.test"), toA, loopbackOnly)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withTls(tls);
        return started(S2sEngine.start(directTls ? config.withDirectTlsPort(0) : config, stanza -> { }));
    }

    /** This server, a.test, finding remote domains through {@code dns} as the probe does. */
    private S2sEngine local(TestDnsServer dns, TlsConfig tls, RemoteDomainPolicy remoteDomains) {
        DnsClient client = new DnsClient(dns.resolverConfig(Duration.ofSeconds(3)));
        S2sEngine a = started(S2sEngine.start(EngineConfig.of(LOOPBACK, 0, Set.of("a.test"),
                        new DnsS2sTargetResolver(client), new DnsHostResolver(client))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withTls(tls)
                .withRemoteDomains(remoteDomains), hostOfA::add));
        portOfA.set(a.localAddress().getPort());
        return a;
    }

    private S2sEngine started(S2sEngine engine) {
        running.add(engine);
        return engine;
    }

    private TestDnsServer dns(UnaryOperator<TestDnsServer.Builder> records) throws Exception {
        TestDnsServer dns = records.apply(TestDnsServer.builder()).start();
        running.add(dns);
        return dns;
    }

    /** The probe as a host with a running engine builds it: from the engine's own configuration. */
    private static FederationProbe probe(S2sEngine engine) {
        return new FederationProbe(ProbeSettings.of(engine.config(), "a.test").withTimeouts(TIMEOUTS));
    }

    /** The probe as a host with federation switched off builds it: resolvers and TLS as the engine would have them. */
    private static ProbeSettings settings(TestDnsServer dns, TlsConfig tls) {
        DnsClient client = new DnsClient(dns.resolverConfig(Duration.ofSeconds(3)));
        return new ProbeSettings("a.test", new DnsS2sTargetResolver(client), new DnsHostResolver(client), tls,
                TIMEOUTS, true);
    }

    private static ServerCredential valid(String domain) {
        return CA.leaf(domain).dns(domain).issue();
    }

    private static ServerCredential selfSigned(String domain) {
        return CA.leaf(domain).dns(domain).selfSigned().issue();
    }

    private static TlsConfig trusting(TlsConfig tls) {
        return tls.withExtraTrustedCas(List.of(CA.certificate()));
    }

    /** A port on 127.0.0.1 where nothing listens: bound a moment ago, closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    private static ProbeStep step(ProbeReport report, Kind kind) {
        List<ProbeStep> found = steps(report, kind);
        assertThat(found).as("one %s step in %s", kind, report.steps()).hasSize(1);
        return found.get(0);
    }

    private static List<ProbeStep> steps(ProbeReport report, Kind kind) {
        return report.steps().stream().filter(step -> step.kind() == kind).toList();
    }
}
