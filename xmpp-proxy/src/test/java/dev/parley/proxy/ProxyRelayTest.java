package dev.parley.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.component.ComponentClient;
import dev.parley.xmpp.component.ComponentClientConfig;
import dev.parley.xmpp.component.ComponentListener;
import dev.parley.xmpp.component.ComponentListenerConfig;
import dev.parley.xmpp.component.ComponentSecret;
import dev.parley.xmpp.component.LinkListener;
import dev.parley.xmpp.component.LinkState;
import dev.parley.xmpp.component.ProxyStatus;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the proxy tells its engine about a remote server's stanza for Parley: taken only once Parley took it (and
 * acknowledged it over the link) or its sender was answered, so that the engine holds back the remote server's pings
 * and stops reading from it while Parley is behind, as Parley's own engine does in direct mode.
 */
@Timeout(30)
class ProxyRelayTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String DOMAIN = "parley.test";
    private static final ComponentSecret SECRET = new ComponentSecret("correct horse battery staple");

    private final ProxyRelay relay = new ProxyRelay(Clock.systemUTC());
    private final ParleyHoldingStanzas parley = new ParleyHoldingStanzas();
    private ComponentListener link;
    private ComponentClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (link != null) {
            link.close();
        }
    }

    /** Parley's side of the link, taking each stanza only when the test says so. */
    private static final class ParleyHoldingStanzas implements LinkListener {
        final BlockingQueue<Runnable> handed = new LinkedBlockingQueue<>();
        final BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();

        @Override
        public void stanza(XmlElement stanza, Runnable taken) {
            handed.add(taken);
        }

        @Override
        public void stateChanged(LinkState state) {
            states.add(state);
        }

        @Override
        public void proxyEvent(FederationEvent event) {
        }

        @Override
        public void proxyStatus(ProxyStatus status) {
        }
    }

    private static XmlElement message(String body) {
        return new XmlElement("message", XmppNamespaces.SERVER,
                List.of(XmlAttribute.of("from", "bob@remote.test/phone"), XmlAttribute.of("to", "alice@" + DOMAIN)),
                List.of(new XmlElement("body", XmppNamespaces.SERVER, List.of(), List.of(new XmlText(body)))));
    }

    private void linkUp() throws InterruptedException {
        link = ComponentListener.start(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET), relay);
        relay.deliverThrough(link);
        client = ComponentClient.start(ComponentClientConfig.of("127.0.0.1", link.localAddress().getPort(),
                host -> CompletableFuture.completedFuture(List.of(LOOPBACK)), DOMAIN, SECRET), parley);
        LinkState state;
        do {
            state = parley.states.poll(10, TimeUnit.SECONDS);
            assertThat(state).as("the link came up").isNotNull();
        } while (!state.up());
    }

    @Test
    void aRemoteServersStanzaIsTakenOnlyOnceParleyTookIt() throws Exception {
        linkUp();
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();

        relay.onStanza(message("first"), () -> first.complete(null));
        relay.onStanza(message("second"), () -> second.complete(null));
        Runnable firstTaken = parley.handed.poll(10, TimeUnit.SECONDS);
        Runnable secondTaken = parley.handed.poll(10, TimeUnit.SECONDS);
        assertThat(secondTaken).as("both handed to Parley's host").isNotNull();
        Thread.sleep(300);
        assertThat(first).as("on Parley's side, not yet taken there").isNotDone();

        secondTaken.run();
        Thread.sleep(300);
        assertThat(second).as("taken there, but after one that is not").isNotDone();
        firstTaken.run();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStanzaNobodyCanCarryIsTakenOnceItsSenderIsAnswered() {
        CompletableFuture<Void> taken = new CompletableFuture<>();

        relay.onStanza(message("nobody linked"), () -> taken.complete(null));

        assertThat(taken).isDone();
    }
}
