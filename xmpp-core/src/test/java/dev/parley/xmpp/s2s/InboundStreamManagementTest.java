package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.testing.StreamTranscript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0198 on the receiving side of an inbound stream, driven by hand as Prosody drives it (enable right after the
 * features, dialback after): the peer learns how many stanzas were handled only once the host took every one of them.
 */
@Timeout(30)
class InboundStreamManagementTest {

    private static final String SECRET_OF_A = "secret of a.test";

    private final LoopbackDns dns = new LoopbackDns();
    private final HoldingHost hostB = new HoldingHost();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private S2sEngine b;

    @BeforeEach
    void start() {
        S2sEngine a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withDialbackSecret(SECRET_OF_A), new Inbox());
        b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), hostB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());
    }

    @Test
    void acknowledgesOnlyWhatTheHostTook() throws Exception {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            StreamTranscript opened = peer.openDialbackStream("a.test", "b.test");
            assertThat(opened.children().get(0).getElementsByTagNameNS(StreamManagement.NAMESPACE, "sm").getLength())
                    .as("offered").isEqualTo(1);
            peer.send("<enable xmlns='urn:xmpp:sm:3'/>");
            assertThat(peer.readUntil(t -> sm(t, "enabled").size() == 1).closed()).isFalse();
            authenticate(peer, opened.header("id").orElseThrow());

            peer.send(message("m1") + message("m2") + "<r xmlns='urn:xmpp:sm:3'/>");
            awaitHolding(2);
            Thread.sleep(500);
            assertThat(sm(peer.readUntil(t -> true), "a")).as("nothing acknowledged while the host holds them").isEmpty();

            hostB.takeAll();
            List<Element> acknowledged = sm(peer.readUntil(t -> sm(t, "a").size() == 1), "a");
            assertThat(acknowledged.get(0).getAttribute("h")).isEqualTo("2");

            peer.send("<iq type='get' id='p1' from='a.test' to='b.test'><ping xmlns='urn:xmpp:ping'/></iq>"
                    + message("m3") + "<r xmlns='urn:xmpp:sm:3'/>");
            awaitHolding(1);
            hostB.takeAll();
            assertThat(sm(peer.readUntil(t -> sm(t, "a").size() == 2), "a").get(1).getAttribute("h"))
                    .as("the ping counts as a handled stanza too").isEqualTo("4");
        }
    }

    @Test
    void acknowledgesWhatItTookBeforeAnsweringThePeersClosingTag() throws Exception {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            StreamTranscript opened = peer.openDialbackStream("a.test", "b.test");
            peer.send("<enable xmlns='urn:xmpp:sm:3'/>");
            peer.readUntil(t -> sm(t, "enabled").size() == 1);
            authenticate(peer, opened.header("id").orElseThrow());

            peer.send(message("m1") + "<r xmlns='urn:xmpp:sm:3'/></stream:stream>");
            awaitHolding(1);
            hostB.takeAll();

            StreamTranscript closed = peer.readUntil(StreamTranscript::closed);
            assertThat(sm(closed, "a")).as("acknowledged ahead of our closing tag, after which the peer reads nothing")
                    .singleElement().satisfies(a -> assertThat(a.getAttribute("h")).isEqualTo("1"));
        }
    }

    @Test
    void aSecondEnableFailsAndTheStreamGoesOn() throws Exception {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            StreamTranscript opened = peer.openDialbackStream("a.test", "b.test");
            peer.send("<enable xmlns='urn:xmpp:sm:3'/><enable xmlns='urn:xmpp:sm:3' resume='true'/>");

            Element failed = sm(peer.readUntil(t -> sm(t, "failed").size() == 1), "failed").get(0);
            assertThat(failed.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "unexpected-request")
                    .getLength()).isEqualTo(1);
            authenticate(peer, opened.header("id").orElseThrow());
            peer.send(message("m1"));
            awaitHolding(1);
        }
    }

    @Test
    void aRequestBeforeEnablingIsAStreamError() throws Exception {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.openDialbackStream("a.test", "b.test");
            peer.send("<r xmlns='urn:xmpp:sm:3'/>");

            assertThat(peer.readUntil(StreamTranscript::closed).errorCondition()).hasValue("unsupported-stanza-type");
        }
    }


    private static void authenticate(RawServer peer, String streamId) throws IOException {
        String key = new DialbackKeys(SECRET_OF_A).key("b.test", "a.test", streamId);
        peer.send("<db:result from='a.test' to='b.test'>" + key + "</db:result>");
        StreamTranscript answered = peer.readUntil(t -> t.children().stream().anyMatch(e -> "result".equals(e.getLocalName())));
        assertThat(answered.children().stream().filter(e -> "result".equals(e.getLocalName())).findFirst().orElseThrow()
                .getAttribute("type")).isEqualTo("valid");
    }

    private static String message(String id) {
        return "<message from='alice@a.test' to='bob@b.test' id='" + id + "'><body>" + id + "</body></message>";
    }

    private static List<Element> sm(StreamTranscript transcript, String name) {
        return transcript.children().stream()
                .filter(e -> StreamManagement.NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName()))
                .toList();
    }

    private void awaitHolding(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (hostB.holding() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(hostB.holding()).isEqualTo(count);
    }
}
