package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.testing.StreamTranscript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0220 receiving server and RFC 6120 §13.1: engine b.test authenticates a hand-driven peer
 * claiming a.test by asking a.test's real engine, the authoritative server, and refuses forgeries.
 */
@Timeout(30)
class InboundDialbackTest {

    private static final String SECRET_OF_A = "secret of a.test";

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxB = new Inbox();
    private S2sEngine a;
    private S2sEngine b;

    @BeforeEach
    void start() {
        a = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withDialbackSecret(SECRET_OF_A), new Inbox());
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void advertisesDialbackWithErrors() throws IOException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            StreamTranscript opened = peer.openDialbackStream("a.test", "b.test");

            Element features = opened.children().get(0);
            assertThat(features.getLocalName()).isEqualTo("features");
            Element dialback = (Element) features.getElementsByTagNameNS("urn:xmpp:features:dialback", "dialback").item(0);
            assertThat(dialback).isNotNull();
            assertThat(dialback.getElementsByTagNameNS("urn:xmpp:features:dialback", "errors").getLength()).isEqualTo(1);
        }
    }

    @Test
    void refusesSpoofedFromWithInvalidFromAndDeliversNothing() throws IOException, InterruptedException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            String streamId = peer.openDialbackStream("a.test", "b.test").header("id").orElseThrow();
            String key = new DialbackKeys(SECRET_OF_A).key("b.test", "a.test", streamId);

            peer.send("<db:result from='a.test' to='b.test'>" + key + "</db:result>");
            assertThat(dialbackAnswer(peer.readUntil(t -> dialbackAnswerOf(t).isPresent()))).hasValue("valid");
            peer.send("<message from='mallory@evil.test' to='bob@b.test' id='x'><body>trust me</body></message>");
            StreamTranscript ended = peer.readUntil(StreamTranscript::closed);

            assertThat(ended.errorCondition()).hasValue("invalid-from");
            Thread.sleep(200);
            assertThat(inboxB.drain()).isEmpty();
        }
    }

    @Test
    void deliversStanzaOfAuthenticatedPair() throws IOException, InterruptedException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            String streamId = peer.openDialbackStream("a.test", "b.test").header("id").orElseThrow();
            String key = new DialbackKeys(SECRET_OF_A).key("b.test", "a.test", streamId);

            peer.send("<db:result from='a.test' to='b.test'>" + key + "</db:result>");
            peer.readUntil(t -> dialbackAnswerOf(t).isPresent());
            peer.send("<message from='alice@a.test' to='bob@b.test' id='ok'><body>hi</body></message>");

            assertThat(inboxB.next().attribute("id")).hasValue("ok");
        }
    }

    @Test
    void answersForgedKeyWithInvalidAndDeliversNothing() throws IOException, InterruptedException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            String streamId = peer.openDialbackStream("a.test", "b.test").header("id").orElseThrow();
            String forged = new DialbackKeys("guessed secret").key("b.test", "a.test", streamId);

            peer.send("<db:result from='a.test' to='b.test'>" + forged + "</db:result>");
            assertThat(dialbackAnswer(peer.readUntil(t -> dialbackAnswerOf(t).isPresent()))).hasValue("invalid");
            peer.send("<message from='alice@a.test' to='bob@b.test' id='x'><body>hi</body></message>");
            StreamTranscript ended = peer.readUntil(StreamTranscript::closed);

            assertThat(ended.errorCondition()).hasValue("not-authorized");
            Thread.sleep(200);
            assertThat(inboxB.drain()).isEmpty();
        }
    }

    @Test
    void answersDialbackForDomainNotServedHereWithItemNotFound() throws IOException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.openDialbackStream("a.test", "b.test");

            peer.send("<db:result from='a.test' to='other.test'>00</db:result>");
            StreamTranscript answered = peer.readUntil(t -> dialbackAnswerOf(t).isPresent());

            Element result = dialbackAnswerOf(answered).orElseThrow();
            assertThat(result.getAttribute("type")).isEqualTo("error");
            assertThat(result.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "item-not-found").getLength())
                    .isEqualTo(1);
            assertThat(answered.closed()).isFalse();
        }
    }

    @Test
    void answersDialbackWithRemoteServerNotFoundWhenAuthoritativeServerIsUnknown() throws IOException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.openDialbackStream("a.test", "b.test");

            peer.send("<db:result from='nowhere.test' to='b.test'>00</db:result>");
            Element result = dialbackAnswerOf(peer.readUntil(t -> dialbackAnswerOf(t).isPresent())).orElseThrow();

            assertThat(result.getAttribute("type")).isEqualTo("error");
            assertThat(result.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "remote-server-not-found")
                    .getLength()).isEqualTo(1);
        }
    }

    @Test
    void answersVerifyRequestAsAuthoritativeServer() throws IOException {
        try (RawServer receiving = new RawServer(a.localAddress().getPort())) {
            receiving.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='b.test' to='a.test' version='1.0'"));
            receiving.readUntil(t -> !t.children().isEmpty());
            String genuine = new DialbackKeys(SECRET_OF_A).key("b.test", "a.test", "stream-1");

            receiving.send("<db:verify from='b.test' to='a.test' id='stream-1'>" + genuine + "</db:verify>"
                    + "<db:verify from='b.test' to='a.test' id='stream-2'>" + genuine + "</db:verify>");
            StreamTranscript answered = receiving.readUntil(t -> t.children().size() >= 3);

            assertThat(answered.children().subList(1, 3)).extracting(e -> e.getAttribute("id") + "=" + e.getAttribute("type"))
                    .containsExactly("stream-1=valid", "stream-2=invalid");
            assertThat(answered.children().get(1).getAttribute("from")).isEqualTo("a.test");
            assertThat(answered.children().get(1).getAttribute("to")).isEqualTo("b.test");
        }
    }


    private static Optional<Element> dialbackAnswerOf(StreamTranscript transcript) {
        return transcript.children().stream()
                .filter(e -> "jabber:server:dialback".equals(e.getNamespaceURI()) && "result".equals(e.getLocalName()))
                .findFirst();
    }

    private static Optional<String> dialbackAnswer(StreamTranscript transcript) {
        return dialbackAnswerOf(transcript).map(e -> e.getAttribute("type"));
    }
}
