package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the receiving server offers and refuses before TLS, as a remote server sees it on the wire:
 * STARTTLS required or optional per the policy, nothing else accepted before it when required.
 */
@Timeout(20)
class InboundTlsNegotiationTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
            + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
            + " from='a.test' to='b.test' version='1.0'>";
    /** Wraps what follows our header so that it parses as a stream of its own. */
    private static final String HEADER_ANSWER_PREFIX = "<stream:stream xmlns='jabber:server'"
            + " xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final TestPki CA = TestPki.create("Negotiation Test CA");

    private final LoopbackDns dns = new LoopbackDns();
    private S2sEngine engine;

    private Socket connect(TlsConfig tls) throws IOException {
        engine = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns)
                .withTls(tls), new Inbox());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), engine.localAddress().getPort());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static TlsConfig tls(TlsPolicy policy) {
        return TlsConfig.of(policy, CA.leaf("b.test").dns("b.test").issue(), List.of("b.test"));
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void offersOnlyRequiredStartTlsWhenThePolicyRequiresTls() throws IOException {
        try (Socket socket = connect(tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS))) {
            String answer = exchange(socket, HEADER, "</stream:features>");

            assertThat(features(answer)).extracting(Element::getLocalName).containsExactly("starttls");
            assertThat(features(answer).get(0).getElementsByTagNameNS("*", "required").getLength()).isEqualTo(1);
        }
    }

    @Test
    void offersStartTlsBesideDialbackWhenTlsIsOptional() throws IOException {
        try (Socket socket = connect(tls(TlsPolicy.OPTIONAL))) {
            String answer = exchange(socket, HEADER, "</stream:features>");

            assertThat(features(answer)).extracting(Element::getLocalName).containsExactly("starttls", "dialback", "sm");
            assertThat(features(answer).get(0).hasChildNodes()).isFalse();
        }
    }

    @Test
    void refusesDialbackBeforeRequiredStartTls() throws IOException {
        try (Socket socket = connect(tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS))) {
            exchange(socket, HEADER, "</stream:features>");
            String answer = exchange(socket, "<db:result from='a.test' to='b.test'>key</db:result>", "</stream:stream>");

            assertThat(StreamTranscript.parse(HEADER_ANSWER_PREFIX + answer).errorCondition()).hasValue("policy-violation");
            assertThat(answer).contains("TLS is required");
        }
    }

    @Test
    void answersStartTlsThatWasNotOfferedWithFailureAndCloses() throws IOException {
        try (Socket socket = connect(TlsConfig.none())) {
            exchange(socket, HEADER, "</stream:features>");
            String answer = exchange(socket, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>", "</stream:stream>");

            assertThat(answer).contains("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        }
    }

    @Test
    void withoutACertificateOffersNoTls() throws IOException {
        try (Socket socket = connect(TlsConfig.none())) {
            String answer = exchange(socket, HEADER, "</stream:features>");

            assertThat(features(answer)).extracting(Element::getLocalName).containsExactly("dialback", "sm");
        }
    }

    private static List<Element> features(String answer) {
        Element features = StreamTranscript.parse(answer).children().get(0);
        List<Element> children = new ArrayList<>();
        for (Node node = features.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** Sends {@code xml} and reads until {@code until} has arrived (or the server closed the connection). */
    private static String exchange(Socket socket, String xml, String until) throws IOException {
        socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (!read.toString(StandardCharsets.UTF_8).contains(until)) {
                int count = in.read(buffer);
                if (count < 0) {
                    break;
                }
                read.write(buffer, 0, count);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no " + until + " within 5 s; got: " + read.toString(StandardCharsets.UTF_8));
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
