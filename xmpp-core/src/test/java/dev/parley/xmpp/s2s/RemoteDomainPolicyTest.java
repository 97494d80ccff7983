package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.s2s.FederationEvent.Kind;
import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The host's {@link RemoteDomainPolicy}: stanzas to a refused domain bounce with {@code not-allowed} without a
 * connection to it, a remote server that authenticates a refused domain (dialback or SASL EXTERNAL) is refused with
 * {@code policy-violation} without its authoritative server being asked, and a reconfigured policy ends what already
 * runs with a domain it now refuses.
 */
@Timeout(30)
class RemoteDomainPolicyTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String SECRET_OF_A = "secret of a.test";
    private static final TestPki CA = TestPki.create("Policy Test CA");

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    /** Where evil.test would be reached, to see that it never is. */
    private final ServerSocket evil = listening("evil.test");

    @AfterEach
    void closeEvil() throws IOException {
        evil.close();
    }

    private static String reasonFor(String domain) {
        return "federation with " + domain + " is not authorized on this server";
    }

    private static RemoteDomainPolicy refusing(String... domains) {
        Set<String> refused = Set.of(domains);
        return domain -> refused.contains(domain) ? Optional.of(reasonFor(domain)) : Optional.empty();
    }

    private EngineConfig config(String domain) {
        return EngineConfig.of(LOOPBACK, 0, Set.of(domain), dns, dns).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private S2sEngine start(EngineConfig config, Inbox inbox, FederationEventListener events) {
        S2sEngine engine = engines.start(config, inbox, events);
        config.localDomains().forEach(domain -> dns.register(domain, engine.localAddress().getPort()));
        return engine;
    }

    /** The authoritative server of a.test, whose keys a hand-driven peer presents. */
    private S2sEngine startA() {
        return start(config("a.test").withDialbackSecret(SECRET_OF_A), inboxA, FederationEventListener.ignoring());
    }

    @Test
    void engineConfigOfFederatesWithEveryDomain() {
        assertThat(config("a.test").remoteDomains().refusal("evil.test")).isEmpty();
    }

    @Test
    void aStanzaToARefusedDomainBouncesWithNotAllowedWithoutAnyConnection() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        RemoteDomainPolicy refusingEvil = refusing("evil.test");
        S2sEngine a = start(config("a.test").withRemoteDomains(domain -> {
            asked.add(domain);
            return refusingEvil.refusal(domain);
        }), inboxA, FederationEventListener.ignoring());

        a.send(Stanzas.message("alice@a.test/phone", "bob@EVIL.Test", "m1", "hello"));

        XmlElement bounce = inboxA.next();
        assertThat(bounce.attribute("id")).hasValue("m1");
        assertThat(bounce.attribute("to")).hasValue("alice@a.test/phone");
        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("not-allowed");
        assertThat(Stanzas.errorElement(bounce).attribute("type")).hasValue("cancel");
        assertThat(Stanzas.errorText(bounce)).isEqualTo(reasonFor("evil.test"));
        assertThat(asked).as("the policy sees the canonical name").containsExactly("evil.test");
        assertNeverContacted();
        assertThat(a.sessions()).isEmpty();
    }

    @Test
    void dialbackForARefusedDomainEndsTheStreamWithPolicyViolationWithoutAskingItsServer() throws Exception {
        S2sEngine b = start(config("b.test").withRemoteDomains(refusing("evil.test")), inboxB,
                FederationEventListener.ignoring());
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            open(peer, "evil.test");

            peer.send("<db:result from='evil.test' to='b.test'>0123</db:result>");
            StreamTranscript ended = peer.readUntil(StreamTranscript::closed);

            assertThat(ended.errorCondition()).hasValue("policy-violation");
            assertThat(ended.errorText()).hasValue(reasonFor("evil.test"));
        }
        assertNeverContacted();
        assertThat(b.recentFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.domain()).isEqualTo("evil.test");
            assertThat(failure.reason()).isEqualTo(reasonFor("evil.test"));
        });
    }

    @Test
    void aRefusedDomainPiggyBackingOnAnAuthenticatedStreamEndsTheWholeStream() throws Exception {
        startA();
        S2sEngine b = start(config("b.test").withRemoteDomains(refusing("evil.test")), inboxB,
                FederationEventListener.ignoring());
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            authenticateAsA(peer);

            peer.send("<db:result from='evil.test' to='b.test'>0123</db:result>");
            StreamTranscript ended = peer.readUntil(StreamTranscript::closed);

            assertThat(ended.errorCondition()).hasValue("policy-violation");
        }
        assertNeverContacted();
    }

    @Test
    void saslExternalForARefusedDomainEndsTheStreamWithPolicyViolation() throws InterruptedException {
        EventLog eventsOfB = new EventLog();
        S2sEngine a = start(config("a.test").withTls(validTls("a.test")), inboxA, FederationEventListener.ignoring());
        S2sEngine b = start(config("b.test").withTls(validTls("b.test")).withRemoteDomains(refusing("a.test")), inboxB,
                eventsOfB);

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "certified, but unwelcome"));

        XmlElement bounce = inboxA.next();
        assertThat(Stanzas.errorText(bounce)).contains("policy-violation").contains(reasonFor("a.test"));
        FederationEvent refused = eventsOfB.next(Kind.REFUSED, SessionDirection.INBOUND);
        assertThat(refused.authMethod()).hasValue(AuthMethod.SASL_EXTERNAL);
        assertThat(refused.remoteDomain()).isEqualTo("a.test");
        assertThat(refused.detail()).isEqualTo("policy-violation: " + reasonFor("a.test"));
        assertThat(b.recentFailures()).extracting(ConnectionFailure::domain).containsExactly("a.test");
        assertThat(inboxB.drain()).isEmpty();
    }

    @Test
    void aReconfiguredPolicyEndsTheInboundStreamOfADomainItNowRefuses() throws Exception {
        startA();
        EventLog eventsOfB = new EventLog();
        S2sEngine b = start(config("b.test"), inboxB, eventsOfB);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            authenticateAsA(peer);

            b.reconfigure(b.config().withRemoteDomains(refusing("a.test")));
            StreamTranscript ended = peer.readUntil(StreamTranscript::closed);

            assertThat(ended.errorCondition()).hasValue("policy-violation");
            assertThat(ended.errorText()).hasValue(reasonFor("a.test"));
        }
        FederationEvent closed = eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND);
        assertThat(closed.detail()).isEqualTo("stream error policy-violation: " + reasonFor("a.test"));
    }

    @Test
    void aDomainRefusedWhileItsServerIsBeingAskedIsNotAuthenticated() throws Exception {
        S2sEngine b = start(config("b.test"), inboxB, FederationEventListener.ignoring());
        CompletableFuture<String> asked = new CompletableFuture<>();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        try (ServerSocket authoritative = listening("slow.test"); RawServer peer = new RawServer(b.localAddress().getPort())) {
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> answerValidWhenTold(authoritative, asked, answer));
            open(peer, "slow.test");
            peer.send("<db:result from='slow.test' to='b.test'>0123</db:result>");
            asked.get(5, TimeUnit.SECONDS);

            b.reconfigure(b.config().withRemoteDomains(refusing("slow.test")));
            answer.complete(null);
            StreamTranscript ended = peer.readUntil(StreamTranscript::closed);

            assertThat(ended.errorCondition()).hasValue("policy-violation");
            assertThat(b.sessions()).noneMatch(session -> session.peerDomains().contains("slow.test"));
            slow.get(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Plays the authoritative server of slow.test on {@code listening}: completes {@code asked} when b.test's
     * {@code db:verify} has arrived, and confirms the key as valid once {@code answer} completes.
     */
    private static void answerValidWhenTold(ServerSocket listening, CompletableFuture<String> asked,
                                            CompletableFuture<Void> answer) {
        try (Socket socket = listening.accept()) {
            socket.setSoTimeout(10_000);
            readUntil(socket.getInputStream(), "xml:lang='en'>");
            // No version: a server from before stream features, which leaves dialback and nothing to negotiate.
            write(socket.getOutputStream(), "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
                    + " from='slow.test' id='v1'>");
            String verify = readUntil(socket.getInputStream(), "</db:verify>");
            Matcher id = Pattern.compile("id='([^']+)'").matcher(verify);
            asked.complete(verify);
            answer.get(5, TimeUnit.SECONDS);
            write(socket.getOutputStream(), "<db:verify from='slow.test' to='b.test' id='" + (id.find() ? id.group(1) : "")
                    + "' type='valid'/>");
            readUntil(socket.getInputStream(), "</stream:stream>");
        } catch (Exception e) {
            asked.completeExceptionally(e);
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder read = new StringBuilder();
        while (read.indexOf(end) < 0) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            read.append((char) next);
        }
        return read.toString();
    }

    @Test
    void aReconfiguredPolicyEndsOutboundSessionsAndBouncesWhatWaitsWithNotAllowed() throws Exception {
        S2sEngine a = startA();
        S2sEngine b = start(config("b.test"), inboxB, FederationEventListener.ignoring());
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "while welcome"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("while welcome");
        // B's stream of its own to us: once that is up, the refusal below ends it rather than refusing it. Confirmed
        // first, so that B has nothing to send again on a new stream, which we would then refuse.
        assertThat(b.submit(Stanzas.message("bob@b.test", "alice@a.test", "r1", "welcome back")).toCompletableFuture()
                .get(5, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        assertThat(Stanzas.body(inboxA.next())).isEqualTo("welcome back");
        Sessions.await(() -> a.sessions().stream().anyMatch(session -> session.direction() == SessionDirection.INBOUND
                && session.state() == SessionState.AUTHENTICATED), Duration.ofSeconds(5));
        // evil.test accepts the connection and never speaks: the stanzas wait for a stream that does not open.
        a.send(Stanzas.message("alice@a.test", "mallory@evil.test", "m2", "waiting 1"));
        a.send(Stanzas.message("alice@a.test", "mallory@evil.test", "m3", "waiting 2"));

        a.reconfigure(a.config().withRemoteDomains(refusing("b.test", "evil.test")));

        List<XmlElement> bounces = inboxA.next(2);
        assertThat(bounces).extracting(stanza -> stanza.attribute("id").orElseThrow()).containsExactly("m2", "m3");
        assertThat(bounces).allSatisfy(bounce -> {
            assertThat(Stanzas.errorCondition(bounce)).isEqualTo("not-allowed");
            assertThat(Stanzas.errorText(bounce)).isEqualTo(reasonFor("evil.test"));
        });
        Sessions.await(() -> a.sessions().isEmpty(), Duration.ofSeconds(5));
        Sessions.await(() -> b.sessions().isEmpty(), Duration.ofSeconds(5));
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m4", "no longer"));
        assertThat(Stanzas.errorCondition(inboxA.next())).isEqualTo("not-allowed");
        assertThat(a.recentFailures()).as("our own decision, no failure").isEmpty();
    }

    private void assertNeverContacted() throws IOException {
        evil.setSoTimeout(300);
        assertThatThrownBy(evil::accept).as("a connection to evil.test").isInstanceOf(SocketTimeoutException.class);
    }

    private ServerSocket listening(String domain) {
        try {
            ServerSocket socket = new ServerSocket(0, 5, LOOPBACK);
            dns.register(domain, socket.getLocalPort());
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TlsConfig validTls(String domain) {
        return TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, CA.leaf(domain).dns(domain).issue(), List.of(domain))
                .withExtraTrustedCas(List.of(CA.certificate()));
    }

    private static StreamTranscript open(RawServer peer, String from) throws IOException {
        peer.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='" + from + "' to='b.test' version='1.0'"));
        return peer.readUntil(transcript -> !transcript.children().isEmpty());
    }

    /** Authenticates a.test on the peer's stream by dialback, with a key its authoritative server confirms. */
    private static void authenticateAsA(RawServer peer) throws IOException {
        String streamId = open(peer, "a.test").header("id").orElseThrow();
        peer.send("<db:result from='a.test' to='b.test'>" + new DialbackKeys(SECRET_OF_A).key("b.test", "a.test", streamId)
                + "</db:result>");
        StreamTranscript answered = peer.readUntil(transcript -> transcript.children().size() >= 2);
        assertThat(answered.children().get(1).getAttribute("type")).isEqualTo("valid");
    }
}
