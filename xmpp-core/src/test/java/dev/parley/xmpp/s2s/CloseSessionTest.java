package dev.parley.xmpp.s2s;

import dev.parley.xmpp.s2s.FederationEvent.Kind;
import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link S2sEngine#closeSession}: an administrator closes one session by its id, gracefully, and nothing it carried is
 * lost.
 */
@Timeout(30)
class CloseSessionTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    private final EventLog eventsOfA = new EventLog();
    private final EventLog eventsOfB = new EventLog();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private ServerSocket silentPeer;

    @AfterEach
    void closeSilentPeer() throws IOException {
        if (silentPeer != null) {
            silentPeer.close();
        }
    }

    private S2sEngine start(String domain, Inbox inbox, EventLog events) {
        S2sEngine engine = engines.start(EngineConfig.of(LOOPBACK, 0, Set.of(domain), dns, dns), inbox, events);
        dns.register(domain, engine.localAddress().getPort());
        return engine;
    }

    @Test
    void closesAnOutboundSessionAndTheNextStanzaOpensOneUnderANewId() throws InterruptedException {
        S2sEngine a = start("a.test", inboxA, eventsOfA);
        S2sEngine b = start("b.test", inboxB, eventsOfB);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "before"));
        inboxB.next();
        b.send(Stanzas.message("bob@b.test", "alice@a.test", "r1", "back"));
        inboxA.next();
        SessionInfo outbound = session(a, SessionDirection.OUTBOUND, "b.test").orElseThrow();
        assertThat(outbound.id()).isNotBlank()
                .isNotEqualTo(session(a, SessionDirection.INBOUND, "b.test").orElseThrow().id());
        String atB = session(b, SessionDirection.INBOUND, "a.test").orElseThrow().id();

        assertThat(a.closeSession(outbound.id())).isTrue();

        assertThat(a.sessions()).noneMatch(session -> session.id().equals(outbound.id()));
        // That stream ends at B too; A may open another at once, to answer B's ping asking the receipt of r1.
        Sessions.await(() -> b.sessions().stream().noneMatch(session -> session.id().equals(atB)), Duration.ofSeconds(5));
        assertThat(eventsOfA.next(Kind.STREAM_CLOSED, SessionDirection.OUTBOUND).detail())
                .isEqualTo("closed by an administrator");
        assertThat(eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND).detail())
                .as("an ordinary close, no stream error").isEqualTo("the peer closed the stream");
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m2", "after"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("after");
        assertThat(session(a, SessionDirection.OUTBOUND, "b.test").orElseThrow().id()).isNotEqualTo(outbound.id());
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
        assertThat(a.recentFailures()).isEmpty();
    }

    @Test
    void closesAnInboundSessionAndThePeerOpensANewOneForItsNextStanza() throws InterruptedException {
        S2sEngine a = start("a.test", inboxA, eventsOfA);
        S2sEngine b = start("b.test", inboxB, eventsOfB);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "before"));
        inboxB.next();
        SessionInfo inbound = session(b, SessionDirection.INBOUND, "a.test").orElseThrow();
        String outbound = session(a, SessionDirection.OUTBOUND, "b.test").orElseThrow().id();

        assertThat(b.closeSession(inbound.id())).isTrue();

        assertThat(b.sessions()).as("gone when closeSession returns")
                .noneMatch(session -> session.id().equals(inbound.id()));
        assertThat(eventsOfB.next(Kind.STREAM_CLOSED, SessionDirection.INBOUND).detail())
                .isEqualTo("closed by an administrator");
        Sessions.await(() -> session(a, SessionDirection.OUTBOUND, "b.test").filter(session ->
                session.id().equals(outbound)).isEmpty(), Duration.ofSeconds(5));
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m2", "after"));
        List<String> arrived = new ArrayList<>();
        while (!arrived.contains("after")) {
            arrived.add(Stanzas.body(inboxB.next()));
        }
        // B may have closed the stream before it confirmed m1, which then goes again: at least once, never lost.
        assertThat(arrived).as("m1 at most once more, before m2").isIn(List.of("after"), List.of("before", "after"));
        assertThat(session(b, SessionDirection.INBOUND, "a.test").orElseThrow().id()).isNotEqualTo(inbound.id());
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
    }

    @Test
    void endsTheStreamWithItsClosingTagAndNoStreamError() throws Exception {
        S2sEngine b = start("b.test", inboxB, eventsOfB);
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='c.test' to='b.test' version='1.0'"));
            peer.readUntil(transcript -> !transcript.children().isEmpty());
            SessionInfo inbound = b.sessions().stream().filter(session -> session.direction() == SessionDirection.INBOUND)
                    .findFirst().orElseThrow();

            assertThat(b.closeSession(inbound.id())).isTrue();

            StreamTranscript transcript = peer.readUntil(StreamTranscript::closed);
            assertThat(transcript.closed()).isTrue();
            assertThat(transcript.errorCondition()).isEmpty();
            assertThat(b.sessions()).isEmpty();
        }
    }

    @Test
    void writesWhatAnAuthenticatedSessionQueuedBeforeClosingIt() throws InterruptedException {
        S2sEngine a = start("a.test", inboxA, eventsOfA);
        start("b.test", inboxB, eventsOfB);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m0", "session up"));
        inboxB.next();
        String id = session(a, SessionDirection.OUTBOUND, "b.test").orElseThrow().id();
        List<String> sent = IntStream.rangeClosed(1, 500).mapToObj(i -> "m" + i).toList();

        sent.forEach(stanzaId -> a.send(Stanzas.message("alice@a.test", "bob@b.test", stanzaId, "queued")));
        assertThat(a.closeSession(id)).isTrue();

        List<XmlElement> delivered = new ArrayList<>();
        List<XmlElement> bounced = new ArrayList<>();
        Sessions.await(() -> {
            delivered.addAll(inboxB.drain());
            bounced.addAll(inboxA.drain());
            return delivered.size() + bounced.size() >= sent.size();
        }, Duration.ofSeconds(10));
        assertThat(delivered).as("delivered in order, none lost").extracting(stanza -> stanza.attribute("id").orElseThrow())
                .containsExactlyElementsOf(sent);
        assertThat(bounced).isEmpty();
    }

    @Test
    void bouncesWhatWaitsForTheSessionToOpenWithoutBackingOffTheDomain() throws Exception {
        silentPeer("slow.test");
        S2sEngine a = start("a.test", inboxA, eventsOfA);
        a.send(Stanzas.message("alice@a.test", "bob@slow.test", "m1", "hello"));
        SessionInfo opening = session(a, SessionDirection.OUTBOUND, "slow.test").orElseThrow();

        assertThat(a.closeSession(opening.id())).isTrue();

        XmlElement bounce = inboxA.next();
        assertThat(bounce.attribute("id")).hasValue("m1");
        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-timeout");
        assertThat(Stanzas.errorText(bounce)).isEqualTo("an administrator closed the session to slow.test");
        assertThat(a.recentFailures()).as("not the remote domain's failure").isEmpty();
        a.send(Stanzas.message("alice@a.test", "bob@slow.test", "m2", "again"));
        assertThat(session(a, SessionDirection.OUTBOUND, "slow.test")).as("a new session, no back-off")
                .hasValueSatisfying(reopened -> assertThat(reopened.id()).isNotEqualTo(opening.id()));
    }

    @Test
    void anUnknownIdClosesNothing() throws InterruptedException {
        S2sEngine a = start("a.test", inboxA, eventsOfA);
        start("b.test", inboxB, eventsOfB);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));
        inboxB.next();
        List<SessionInfo> before = a.sessions();
        String id = session(a, SessionDirection.OUTBOUND, "b.test").orElseThrow().id();

        assertThat(a.closeSession("no-such-session")).isFalse();
        assertThat(a.sessions()).extracting(SessionInfo::id).containsExactlyInAnyOrderElementsOf(
                before.stream().map(SessionInfo::id).toList());
        assertThat(a.closeSession(id)).isTrue();
        assertThat(a.closeSession(id)).as("closed already").isFalse();
    }

    private static Optional<SessionInfo> session(S2sEngine engine, SessionDirection direction, String peer) {
        return engine.sessions().stream()
                .filter(session -> session.direction() == direction && session.peerDomains().contains(peer))
                .findFirst();
    }

    /** A server on 127.0.0.1 that accepts and reads but never answers, so that a session to it never opens. */
    private void silentPeer(String domain) throws IOException {
        silentPeer = new ServerSocket(0, 1, LOOPBACK);
        dns.register(domain, silentPeer.getLocalPort());
        Thread peer = new Thread(() -> {
            try (Socket socket = silentPeer.accept(); InputStream in = socket.getInputStream()) {
                in.readAllBytes();
            } catch (IOException ignored) {
                // The test is over.
            }
        });
        peer.setDaemon(true);
        peer.start();
    }
}
