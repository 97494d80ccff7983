package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or broken peer may send on a real stream, and what the engine makes of it: addresses that are no
 * JIDs (RFC 7622) are answered with {@code jid-malformed} and never delivered, spellings of an authenticated domain
 * pass, and a STARTTLS offer stripped from the features never leads to anything sent in clear.
 */
@Timeout(30)
class HostileInboundInputTest {

    private static final String SECRET_OF_A = "secret of a.test";
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxB = new Inbox();
    private S2sEngine a;
    private S2sEngine b;
    private ServerSocket strippingPeer;

    @BeforeEach
    void start() {
        a = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withDialbackSecret(SECRET_OF_A), new Inbox());
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test", "bücher.test"), dns, dns),
                inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());
    }

    @AfterEach
    void stop() throws IOException {
        a.close();
        b.close();
        if (strippingPeer != null) {
            strippingPeer.close();
        }
    }

    @Test
    void answersAMalformedToWithJidMalformedAndDeliversNothing() throws IOException, InterruptedException {
        try (RawServer peer = authenticatedPeer("b.test")) {
            peer.send("<message from='alice@a.test' to='foo bar@b.test' id='m1'><body>hi</body></message>");
            StreamTranscript answered = peer.readUntil(t -> errorReply(t, "m1").isPresent());

            Element reply = errorReply(answered, "m1").orElseThrow();
            assertThat(reply.getAttribute("from")).isEqualTo("foo bar@b.test");
            assertThat(reply.getAttribute("to")).isEqualTo("alice@a.test");
            assertThat(condition(reply)).isEqualTo("jid-malformed");
            assertThat(errorText(reply)).contains("'to' is not a valid JID", "localpart 'foo bar'");
            assertThat(answered.closed()).isFalse();
            assertDeliveredNext(peer);
        }
    }

    @Test
    void answersAMalformedFromWithJidMalformedAndDeliversNothing() throws IOException, InterruptedException {
        try (RawServer peer = authenticatedPeer("b.test")) {
            peer.send("<presence from='&quot;alice&quot;@a.test' to='bob@b.test' id='p1'/>");
            StreamTranscript answered = peer.readUntil(t -> errorReply(t, "p1").isPresent());

            assertThat(condition(errorReply(answered, "p1").orElseThrow())).isEqualTo("jid-malformed");
            assertDeliveredNext(peer);
        }
    }

    @Test
    void refusesAnOverlongResourcepartWithJidMalformed() throws IOException, InterruptedException {
        try (RawServer peer = authenticatedPeer("b.test")) {
            peer.send("<message from='alice@a.test/" + "r".repeat(1024) + "' to='bob@b.test' id='m1'><body>x</body></message>");
            Element reply = errorReply(peer.readUntil(t -> errorReply(t, "m1").isPresent()), "m1").orElseThrow();

            assertThat(condition(reply)).isEqualTo("jid-malformed");
            assertThat(errorText(reply)).contains("resourcepart", "1024 bytes", "at most 1023");
            assertDeliveredNext(peer);
        }
    }

    @Test
    void neverAnswersAnErrorStanzaWithAMalformedAddress() throws IOException, InterruptedException {
        try (RawServer peer = authenticatedPeer("b.test")) {
            peer.send("<message from='alice@a.test' to='♚@b.test' id='e1' type='error'/>"
                    + "<message from='alice@a.test' to='♚@b.test' id='m2'/>");
            StreamTranscript answered = peer.readUntil(t -> errorReply(t, "m2").isPresent());

            assertThat(errorReply(answered, "e1")).isEmpty();
            assertDeliveredNext(peer);
        }
    }

    @Test
    void deliversAStanzaWhoseFromDomainDiffersOnlyInCaseFromTheAuthenticatedOne() throws IOException, InterruptedException {
        try (RawServer peer = authenticatedPeer("b.test")) {
            peer.send("<message from='alice@A.Test/Phone' to='bob@B.TEST.' id='m1'><body>hi</body></message>");

            XmlElement delivered = inboxB.next();
            assertThat(delivered.attribute("id")).hasValue("m1");
            assertThat(delivered.attribute("from")).hasValue("alice@A.Test/Phone");
        }
    }

    @Test
    void matchesAnIdnDomainInULabelsToItsAuthenticatedALabels() throws IOException, InterruptedException {
        try (RawServer peer = authenticatedPeer("xn--bcher-kva.test")) {
            peer.send("<message from='alice@a.test' to='bob@Bücher.test' id='m1'><body>hi</body></message>");

            assertThat(inboxB.next().attribute("id")).hasValue("m1");
        }
    }

    @Test
    void stillEndsTheStreamWithInvalidFromForAValidJidOfAnotherDomain() throws IOException, InterruptedException {
        try (RawServer peer = authenticatedPeer("b.test")) {
            peer.send("<message from='mallory@a.test.evil.test' to='bob@b.test' id='m1'><body>hi</body></message>");

            assertThat(peer.readUntil(StreamTranscript::closed).errorCondition()).hasValue("invalid-from");
            Thread.sleep(200);
            assertThat(inboxB.drain()).isEmpty();
        }
    }

    @Test
    void sendsNothingInClearWhenTheStartTlsOfferWasStrippedUnderARequiredPolicy() throws Exception {
        Inbox inboxC = new Inbox();
        TlsConfig required = TlsConfig.of(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS,
                TestPki.create("Stripping Test CA").leaf("c.test").dns("c.test").selfSigned().issue(), List.of("c.test"));
        strippingPeer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register("victim.test", strippingPeer.getLocalPort());
        CompletableFuture<String> seenByPeer = CompletableFuture.supplyAsync(() -> offerDialbackOnly(strippingPeer));
        try (S2sEngine c = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("c.test"), dns, dns)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withTls(required), inboxC)) {

            c.send(Stanzas.message("carol@c.test", "victor@victim.test", "m1", "for encrypted eyes only"));
            XmlElement bounce = inboxC.next();

            assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-not-found");
            assertThat(Stanzas.errorText(bounce)).contains("does not offer TLS");
        }
        StreamTranscript sent = StreamTranscript.parse(seenByPeer.get(10, TimeUnit.SECONDS));
        assertThat(sent.children()).extracting(Element::getLocalName).doesNotContain("result", "verify", "message");
    }

    /** Plays victim.test behind an attacker that removed {@code <starttls/>}; returns what the engine wrote. */
    private static String offerDialbackOnly(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            received.write(buffer, 0, in.read(buffer));
            OutputStream out = socket.getOutputStream();
            out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:db='jabber:server:dialback'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' from='victim.test' to='c.test' id='s1'"
                    + " version='1.0'><stream:features><dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback>"
                    + "</stream:features>").getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, read);
            }
            return received.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the stripping peer failed", e);
        }
    }

    /** A peer on b's port that authenticated a.test for {@code receiving} by dialback. */
    private RawServer authenticatedPeer(String receiving) throws IOException {
        RawServer peer = new RawServer(b.localAddress().getPort());
        peer.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='a.test' to='" + receiving + "' version='1.0'"));
        String streamId = peer.readUntil(t -> !t.children().isEmpty()).header("id").orElseThrow();
        String key = new DialbackKeys(SECRET_OF_A).key(receiving, "a.test", streamId);
        peer.send("<db:result from='a.test' to='" + receiving + "'>" + key + "</db:result>");
        StreamTranscript answered = peer.readUntil(t -> t.children().stream().anyMatch(e -> "result".equals(e.getLocalName())));
        assertThat(answered.children()).filteredOn(e -> "result".equals(e.getLocalName()))
                .singleElement().extracting(e -> e.getAttribute("type")).isEqualTo("valid");
        return peer;
    }

    /**
     * Sends a good stanza and waits for it: stanzas of one stream reach the host in order, so when it comes first
     * nothing sent before it was delivered, and the stream is still open.
     */
    private void assertDeliveredNext(RawServer peer) throws IOException, InterruptedException {
        peer.send("<message from='alice@a.test' to='bob@b.test' id='good'><body>fine</body></message>");
        assertThat(inboxB.next().attribute("id")).hasValue("good");
    }

    private static Optional<Element> errorReply(StreamTranscript transcript, String id) {
        return transcript.children().stream()
                .filter(e -> id.equals(e.getAttribute("id")) && "error".equals(e.getAttribute("type")))
                .findFirst();
    }

    private static String condition(Element reply) {
        Element error = (Element) reply.getElementsByTagNameNS("jabber:server", "error").item(0);
        for (var node = error.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element condition && STANZAS.equals(condition.getNamespaceURI())
                    && !"text".equals(condition.getLocalName())) {
                return condition.getLocalName();
            }
        }
        throw new AssertionError("no defined condition in the error");
    }

    private static String errorText(Element reply) {
        return reply.getElementsByTagNameNS(STANZAS, "text").item(0).getTextContent();
    }
}
