package dev.parley.xmpp.s2s;

import dev.parley.xmpp.s2s.FederationEvent.Kind;
import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link S2sEngine#closeInbound()}, a host's first step on shutdown: receiving stops for good while sending goes on,
 * so that the host can return what it still buffers to the senders before it closes the engine.
 */
@Timeout(30)
class CloseInboundTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    /** What reached b's listener after its closeInbound() returned. */
    private final List<XmlElement> lateAtB = new CopyOnWriteArrayList<>();
    private final AtomicBoolean inboundClosedAtB = new AtomicBoolean();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    private S2sEngine start(String domain, StanzaListener listener) {
        return start(domain, listener, FederationEventListener.ignoring());
    }

    private S2sEngine start(String domain, StanzaListener listener, FederationEventListener events) {
        S2sEngine engine = engines.start(EngineConfig.of(LOOPBACK, 0, Set.of(domain), dns, dns), listener, events);
        dns.register(domain, engine.localAddress().getPort());
        return engine;
    }

    @Test
    void stopsReceivingForGoodWhileSendingGoesOn() throws Exception {
        S2sEngine a = start("a.test", inboxA);
        EventLog eventsOfB = new EventLog();
        S2sEngine b = start("b.test", stanza -> {
            if (inboundClosedAtB.get()) {
                lateAtB.add(stanza);
            } else {
                inboxB.onStanza(stanza);
            }
        }, event -> {
            if (event.kind() == Kind.STREAM_CLOSED) {
                // an audit trail that takes its time: closeInbound() waits for what the streams' ends set off
                sleep(200);
            }
            eventsOfB.onEvent(event);
        });
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "to b"));
        inboxB.next();
        b.send(Stanzas.message("bob@b.test", "alice@a.test", "r1", "to a"));
        inboxA.next();
        int port = b.localAddress().getPort();
        AtomicBoolean sending = new AtomicBoolean(true);
        // a keeps sending to b while b stops receiving
        Thread sender = new Thread(() -> {
            for (int i = 0; sending.get(); i++) {
                a.send(Stanzas.message("alice@a.test", "bob@b.test", "s" + i, "meanwhile"));
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (RawServer peer = new RawServer(port)) {
            peer.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='c.test' to='b.test' version='1.0'"));
            peer.readUntil(transcript -> !transcript.children().isEmpty());
            sender.start();
            inboxB.next();

            b.closeInbound();
            inboundClosedAtB.set(true);

            assertThat(b.sessions()).noneMatch(session -> session.direction() == SessionDirection.INBOUND);
            assertThat(eventsOfB.all()).filteredOn(event -> event.kind() == Kind.STREAM_CLOSED).singleElement()
                    .satisfies(closed -> assertThat(closed.detail()).isEqualTo("stream error system-shutdown"));
            assertThat(peer.readUntil(StreamTranscript::closed).errorCondition()).hasValue("system-shutdown");
            Thread.sleep(300);
        } finally {
            sending.set(false);
            sender.join();
        }
        assertThat(lateAtB).as("delivered after closeInbound() returned").isEmpty();
        try (ServerSocket rebound = new ServerSocket(port, 50, LOOPBACK)) {
            assertThat(rebound.getLocalPort()).as("the port is free").isEqualTo(port);
        }

        b.send(Stanzas.message("bob@b.test", "alice@a.test", "r2", "still sending"));

        assertThat(nextDeliveredTo(inboxA)).as("over b's session opened before").isEqualTo("still sending");
        b.closeInbound();
        b.close();
        b.closeInbound();
    }

    @Test
    void refusesToReconfigureOnceInboundIsClosed() {
        S2sEngine a = start("a.test", inboxA);

        a.closeInbound();

        assertThatThrownBy(() -> a.reconfigure(a.config().withListener(LOOPBACK, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The body of the next stanza that is not an error: the bounces of a's stanzas to b arrive meanwhile. */
    private static String nextDeliveredTo(Inbox inbox) throws InterruptedException {
        while (true) {
            XmlElement stanza = inbox.next();
            if (!stanza.attribute("type").filter("error"::equals).isPresent()) {
                return Stanzas.body(stanza);
            }
        }
    }
}
