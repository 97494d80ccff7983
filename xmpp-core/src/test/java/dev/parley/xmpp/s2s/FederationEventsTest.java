package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.s2s.FederationEvent.Kind;
import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link FederationEvent}s an audit trail gets: each domain pair authenticated and its stream's end with the
 * reason, inbound refusals, and outbound connections that failed; a listener that throws changes nothing.
 */
@Timeout(30)
class FederationEventsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String SECRET_OF_A = "secret of a.test";
    private static final TestPki CA = TestPki.create("Events Test CA");
    /** Only the side under test closes streams for idleness; the other keeps the defaults. */
    private static final SessionHealth QUICK_IDLE = SessionHealth.DEFAULTS
            .withPing(Duration.ofMillis(300), Duration.ofSeconds(2)).withIdleTimeout(Duration.ofMillis(400));

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    private final EventLog eventsOfA = new EventLog();
    private final EventLog eventsOfB = new EventLog();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    private S2sEngine start(EngineConfig config, Inbox inbox, FederationEventListener events) {
        S2sEngine engine = engines.start(config, inbox, events);
        config.localDomains().forEach(domain -> dns.register(domain, engine.localAddress().getPort()));
        return engine;
    }

    private EngineConfig config(String domain) {
        return EngineConfig.of(LOOPBACK, 0, Set.of(domain), dns, dns).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void aDialbackSessionIsReportedOpenedOnBothSidesAndClosedWithWhy() throws InterruptedException {
        S2sEngine a = start(config("a.test"), inboxA, eventsOfA);
        S2sEngine b = start(config("b.test"), inboxB, eventsOfB);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));
        inboxB.next();

        FederationEvent outbound = eventsOfA.next(Kind.STREAM_OPENED, SessionDirection.OUTBOUND);
        assertThat(outbound.localDomain()).isEqualTo("a.test");
        assertThat(outbound.remoteDomain()).isEqualTo("b.test");
        assertThat(outbound.remoteAddress()).isEqualTo("127.0.0.1:" + b.localAddress().getPort());
        assertThat(outbound.authMethod()).hasValue(AuthMethod.DIALBACK);
        assertThat(outbound.tls()).isEmpty();
        FederationEvent inbound = eventsOfB.next(Kind.STREAM_OPENED, SessionDirection.INBOUND);
        assertThat(inbound.localDomain()).isEqualTo("b.test");
        assertThat(inbound.remoteDomain()).isEqualTo("a.test");
        assertThat(inbound.remoteAddress()).startsWith("127.0.0.1:");
        assertThat(inbound.authMethod()).hasValue(AuthMethod.DIALBACK);

        a.close();

        assertThat(eventsOfA.next(Kind.STREAM_CLOSED, SessionDirection.OUTBOUND).detail())
                .isEqualTo("this server is shutting down");
        FederationEvent closed = eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND);
        assertThat(closed.remoteDomain()).isEqualTo("a.test");
        assertThat(closed.detail()).isEqualTo("the peer closed the stream");
        assertThat(eventsOfA.all()).extracting(FederationEvent::kind).doesNotContain(Kind.REFUSED, Kind.CONNECTION_FAILED);
    }

    @Test
    void saslExternalOverTlsIsReportedWithItsMethodAndCipherSuite() throws InterruptedException {
        S2sEngine a = start(config("a.test").withTls(validTls("a.test")), inboxA, eventsOfA);
        start(config("b.test").withTls(validTls("b.test")), inboxB, eventsOfB);

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));

        for (FederationEvent opened : List.of(eventsOfA.next(Kind.STREAM_OPENED, SessionDirection.OUTBOUND),
                eventsOfB.next(Kind.STREAM_OPENED, SessionDirection.INBOUND))) {
            assertThat(opened.authMethod()).hasValue(AuthMethod.SASL_EXTERNAL);
            assertThat(opened.tls()).hasValueSatisfying(tls -> assertThat(tls).matches("TLSv1\\.[23] TLS_\\w+"));
        }
    }

    @Test
    void anIdleOutboundStreamIsReportedClosedAsIdle() throws InterruptedException {
        S2sEngine a = start(config("a.test").withHealth(QUICK_IDLE), inboxA, eventsOfA);
        start(config("b.test"), inboxB, eventsOfB);

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "and then nothing"));

        assertThat(eventsOfA.next(Kind.STREAM_CLOSED, SessionDirection.OUTBOUND).detail())
                .isEqualTo("idle: no stanza for 0.4 s");
        assertThat(eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND).detail())
                .isEqualTo("the peer closed the stream");
    }

    @Test
    void anIdleInboundStreamIsReportedClosedAsIdle() throws InterruptedException {
        S2sEngine a = start(config("a.test"), inboxA, eventsOfA);
        start(config("b.test").withHealth(QUICK_IDLE), inboxB, eventsOfB);

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "and then nothing"));

        assertThat(eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND).detail())
                .isEqualTo("idle: no stanza for 0.4 s");
        assertThat(eventsOfA.next(Kind.STREAM_CLOSED, SessionDirection.OUTBOUND).detail())
                .isEqualTo("b.test closed the stream");
    }

    @Test
    void aHeaderForAnotherServerIsReportedRefusedWithTheDomainItClaimed() throws Exception {
        S2sEngine b = start(config("b.test"), inboxB, eventsOfB);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.send(RemotePeer.header("from='x.test' to='other.test' version='1.0'"));
            peer.readUntil(StreamTranscript::closed);
        }

        FederationEvent refused = eventsOfB.next(Kind.REFUSED, SessionDirection.INBOUND);
        assertThat(refused.localDomain()).as("not one of ours").isEmpty();
        assertThat(refused.remoteDomain()).isEqualTo("x.test");
        assertThat(refused.remoteAddress()).startsWith("127.0.0.1:");
        assertThat(refused.authMethod()).isEmpty();
        assertThat(refused.detail()).isEqualTo("host-unknown: this server does not serve the domain in 'to'");
    }

    @Test
    void aHugeClaimedDomainIsReportedCut() throws Exception {
        S2sEngine b = start(config("b.test"), inboxB, eventsOfB);
        String claimed = "x".repeat(200_000);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.send(RemotePeer.header("from='" + claimed + "' to='other.test' version='1.0'"));
            peer.readUntil(StreamTranscript::closed);
        }

        FederationEvent refused = eventsOfB.next(Kind.REFUSED, SessionDirection.INBOUND);
        assertThat(refused.remoteDomain()).hasSize(AuditTexts.DOMAIN).startsWith("xxxxxxxx").endsWith("…");
        assertThat(refused.remoteAddress()).startsWith("127.0.0.1:");
    }

    @Test
    void aPeersHugeStreamErrorIsReportedCut() throws Exception {
        start(config("a.test").withDialbackSecret(SECRET_OF_A), inboxA, eventsOfA);
        S2sEngine b = start(config("b.test"), inboxB, eventsOfB);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            String streamId = peer.openDialbackStream("a.test", "b.test").header("id").orElseThrow();
            peer.send("<db:result from='a.test' to='b.test'>" + new DialbackKeys(SECRET_OF_A).key("b.test", "a.test", streamId)
                    + "</db:result>");
            eventsOfB.next(Kind.STREAM_OPENED, SessionDirection.INBOUND);

            peer.send("<stream:error><undefined-condition xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                    + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>" + "y".repeat(200_000) + "</text></stream:error>");
            peer.readUntil(StreamTranscript::closed);
        }

        assertThat(eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND).detail()).hasSize(AuditTexts.DETAIL)
                .startsWith("the peer ended the stream with the stream error undefined-condition: yyyy").endsWith("…");
    }

    @Test
    void dialbackBeforeRequiredTlsIsReportedRefused() throws Exception {
        S2sEngine b = start(config("b.test").withTls(TlsConfig.of(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS,
                CA.leaf("b.test").dns("b.test").issue(), List.of("b.test"))), inboxB, eventsOfB);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.openDialbackStream("a.test", "b.test");
            peer.send("<db:result from='a.test' to='b.test'>0123</db:result>");
            peer.readUntil(StreamTranscript::closed);
        }

        FederationEvent refused = eventsOfB.next(Kind.REFUSED, SessionDirection.INBOUND);
        assertThat(refused.localDomain()).isEqualTo("b.test");
        assertThat(refused.remoteDomain()).isEqualTo("a.test");
        assertThat(refused.detail()).isEqualTo("policy-violation: TLS is required: negotiate STARTTLS first");
    }

    @Test
    void aForgedDialbackKeyIsReportedRefused() throws Exception {
        start(config("a.test").withDialbackSecret(SECRET_OF_A), inboxA, eventsOfA);
        S2sEngine b = start(config("b.test"), inboxB, eventsOfB);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            String streamId = peer.openDialbackStream("a.test", "b.test").header("id").orElseThrow();
            peer.send("<db:result from='a.test' to='b.test'>" + new DialbackKeys("guessed").key("b.test", "a.test", streamId)
                    + "</db:result>");

            FederationEvent refused = eventsOfB.next(Kind.REFUSED, SessionDirection.INBOUND);
            assertThat(refused.remoteDomain()).isEqualTo("a.test");
            assertThat(refused.authMethod()).hasValue(AuthMethod.DIALBACK);
            assertThat(refused.detail()).isEqualTo("the authoritative server of a.test denies the dialback key");
        }
    }

    @Test
    void anAuthenticatedStreamEndedByAStreamErrorIsReportedClosedWithItsCondition() throws Exception {
        start(config("a.test").withDialbackSecret(SECRET_OF_A), inboxA, eventsOfA);
        S2sEngine b = start(config("b.test"), inboxB, eventsOfB);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            String streamId = peer.openDialbackStream("a.test", "b.test").header("id").orElseThrow();
            peer.send("<db:result from='a.test' to='b.test'>" + new DialbackKeys(SECRET_OF_A).key("b.test", "a.test", streamId)
                    + "</db:result>");
            eventsOfB.next(Kind.STREAM_OPENED, SessionDirection.INBOUND);

            peer.send("<message from='mallory@evil.test' to='bob@b.test' id='x'><body>trust me</body></message>");
            peer.readUntil(StreamTranscript::closed);
        }

        assertThat(eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND).detail()).isEqualTo(
                "stream error invalid-from: the sending domain is not authenticated for the receiving domain on this stream");
        assertThat(eventsOfB.all()).extracting(FederationEvent::kind).doesNotContain(Kind.REFUSED);
    }

    @Test
    void anUnreachableDomainIsReportedAsAFailedConnection() throws InterruptedException {
        S2sEngine a = start(config("a.test"), inboxA, eventsOfA);

        a.send(Stanzas.message("alice@a.test", "bob@nowhere.test", "m1", "hello"));
        inboxA.next();

        FederationEvent failed = eventsOfA.next(Kind.CONNECTION_FAILED, SessionDirection.OUTBOUND);
        assertThat(failed.localDomain()).isEqualTo("a.test");
        assertThat(failed.remoteDomain()).isEqualTo("nowhere.test");
        assertThat(failed.remoteAddress()).isEmpty();
        assertThat(failed.authMethod()).isEmpty();
        assertThat(failed.detail()).isEqualTo(a.recentFailures().get(0).reason());
    }

    @Test
    void aListenerThatThrowsChangesNothing() throws InterruptedException {
        FederationEventListener failing = event -> {
            throw new IllegalStateException("audit store down");
        };
        S2sEngine a = start(config("a.test"), inboxA, failing);
        S2sEngine b = start(config("b.test"), inboxB, failing);

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));
        b.send(Stanzas.message("bob@b.test", "alice@a.test", "m2", "hello back"));

        assertThat(Stanzas.body(inboxB.next())).isEqualTo("hello");
        assertThat(Stanzas.body(inboxA.next())).isEqualTo("hello back");
    }

    private static TlsConfig validTls(String domain) {
        return TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, CA.leaf(domain).dns(domain).issue(), List.of(domain))
                .withExtraTrustedCas(List.of(CA.certificate()));
    }

}
