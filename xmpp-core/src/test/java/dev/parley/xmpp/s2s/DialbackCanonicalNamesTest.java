package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialback domain spelt differently (upper case, an ideographic or full-width dot) is still the domain whose TLS
 * policy applies: engine b.test wants a valid certificate from strict.test, and a plaintext db:result naming it in
 * another spelling is refused with {@code policy-violation} instead of slipping under the global policy.
 */
@Timeout(30)
class DialbackCanonicalNamesTest {

    private final LoopbackDns dns = new LoopbackDns();
    private S2sEngine b;

    @BeforeEach
    void start() {
        TlsConfig tls = new TlsConfig(Map.of(), List.of(), TlsPolicy.OPTIONAL,
                domain -> domain.equals("strict.test") ? TlsPolicy.REQUIRED_VALID_CERT : null);
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns)
                .withTls(tls), new Inbox());
    }

    @AfterEach
    void stop() {
        b.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STRICT\u3002test", "strict\uFF0Etest", "Strict.Test"})
    void refusesPlaintextDialbackForAnySpellingOfStrictDomain(String spelling) throws IOException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='a.test' to='b.test' version='1.0'"));
            peer.readUntil(t -> !t.children().isEmpty());

            peer.send("<db:result from='" + spelling + "' to='b.test'>00</db:result>");
            StreamTranscript answered = peer.readUntil(t -> t.children().stream().anyMatch(DialbackCanonicalNamesTest::isResult));

            Element result = answered.children().stream().filter(DialbackCanonicalNamesTest::isResult).findFirst().orElseThrow();
            assertThat(result.getAttribute("type")).isEqualTo("error");
            assertThat(result.getAttribute("to")).isEqualTo("strict.test");
            assertThat(result.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "policy-violation").getLength())
                    .isEqualTo(1);
            assertThat(b.sessions()).noneMatch(session -> session.state() == SessionState.AUTHENTICATED);
        }
    }

    private static boolean isResult(Element element) {
        return "jabber:server:dialback".equals(element.getNamespaceURI()) && "result".equals(element.getLocalName());
    }
}
