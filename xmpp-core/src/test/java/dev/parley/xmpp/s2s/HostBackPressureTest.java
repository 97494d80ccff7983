package dev.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.xml.XmlElement;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host that cannot keep up with a remote server: the engine stops reading from that server, whose stanzas wait in
 * its own socket, instead of refusing them; once the host has room, every one arrives, in order.
 */
@Timeout(60)
class HostBackPressureTest {

    private static final int COUNT = 4_000;
    /** 4,000 stanzas of 4 KiB: far more than the socket buffers of both ends hold on loopback. */
    private static final String BODY = "x".repeat(4_096);

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox bouncesAtA = new Inbox();
    private final HoldingInbox atB = new HoldingInbox();
    private S2sEngine a;
    private S2sEngine b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aRemoteServerIsHeldBackWhileTheHostHasNoRoomAndNothingIsRefused() throws Exception {
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), atB);
        dns.register("b.test", b.localAddress().getPort());
        a = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withQueueBound(COUNT * 2), bouncesAtA);
        dns.register("a.test", a.localAddress().getPort());
        atB.room.set(false);

        for (int i = 0; i < COUNT; i++) {
            a.send(Stanzas.message("alice@a.test", "bob@b.test", "m" + i, i + " " + BODY));
        }
        Thread.sleep(3_000);

        int whileFull = atB.count();
        assertThat(whileFull).as("held back, not all taken").isGreaterThan(0).isLessThan(COUNT);
        assertThat(bouncesAtA.drain()).as("nothing refused").isEmpty();

        atB.room.set(true);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (atB.count() < COUNT && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(atB.count()).isEqualTo(COUNT);
        List<String> order = atB.ids();
        for (int i = 0; i < COUNT; i++) {
            assertThat(order.get(i)).isEqualTo("m" + i);
        }
        assertThat(bouncesAtA.drain()).isEmpty();
    }

    /** A host whose room the test switches. */
    private static final class HoldingInbox implements StanzaListener {
        final AtomicBoolean room = new AtomicBoolean(true);
        private final List<String> ids = new ArrayList<>();

        @Override
        public synchronized void onStanza(XmlElement stanza) {
            ids.add(stanza.attribute("id").orElse(""));
        }

        @Override
        public boolean hasRoom() {
            return room.get();
        }

        synchronized int count() {
            return ids.size();
        }

        synchronized List<String> ids() {
            return List.copyOf(ids);
        }
    }
}
