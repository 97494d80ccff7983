package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An internationalized domain goes on the wire in U-labels, as RFC 7622 §3.2 has XMPP addresses carry it (stream
 * header, dialback, stanza addresses, pings), while the engine resolves and compares it by its A-labels; servers such
 * as Prosody and ejabberd serving {@code bücher.test} answer {@code host-unknown} to {@code xn--bcher-kva.test}.
 */
@Timeout(30)
class InternationalizedDomainTest {

    private static final String A_LABELS = "xn--bcher-kva.test";

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private ServerSocket peer;

    @AfterEach
    void closePeer() throws IOException {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void namesAnInternationalizedRemoteDomainInULabelsOnTheWire() throws Exception {
        peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register(A_LABELS, peer.getLocalPort());
        CompletableFuture<String> written = CompletableFuture.supplyAsync(this::playBuecherUpToTheFirstStanza);
        S2sEngine a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns),
                inboxA);

        a.send(Stanzas.message("alice@a.test", "bob@" + A_LABELS, "m1", "hallo"));

        String wire = written.get(10, TimeUnit.SECONDS);
        assertThat(wire).contains("to='bücher.test'").contains("<db:result from='a.test' to='bücher.test'>")
                .contains("to='bob@bücher.test'").doesNotContain("xn--");
    }

    @Test
    void federatesWithAnEngineServingAnInternationalizedDomainWhicheverFormTheHostWrites() throws Exception {
        S2sEngine a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns),
                inboxA);
        S2sEngine b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("bücher.test"), dns, dns),
                inboxB);
        dns.register("a.test", a.localAddress().getPort()).register(A_LABELS, b.localAddress().getPort());

        assertThat(a.submit(Stanzas.message("alice@a.test", "bob@bücher.test", "m1", "in U-labels"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        assertThat(a.submit(Stanzas.message("alice@a.test", "bob@" + A_LABELS, "m2", "in A-labels"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        b.send(Stanzas.message("bob@bücher.test", "alice@a.test", "m3", "zurück"));

        assertThat(inboxB.next(2)).extracting(Stanzas::body).containsExactly("in U-labels", "in A-labels");
        assertThat(Stanzas.body(inboxA.next())).isEqualTo("zurück");
        assertThat(a.sessions()).filteredOn(session -> session.direction() == SessionDirection.OUTBOUND)
                .singleElement().satisfies(session -> assertThat(session.peerDomains()).containsExactly(A_LABELS));
    }

    /**
     * Plays the server of bücher.test, which knows itself only by that name: takes our header and dialback request,
     * says valid, and returns everything we wrote up to the first message.
     */
    private String playBuecherUpToTheFirstStanza() {
        try (Socket socket = peer.accept()) {
            String seen = ScriptedReceiver.acceptDialback(socket, "bücher.test", "a.test");
            return seen + ScriptedReceiver.readUntil(socket.getInputStream(), "</message>");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
