package dev.parley.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The refusal "REQUIRED_VALID_CERT against a self-signed peer", both directions: nothing is exchanged, the engine's
 * sender gets a bounce that names the certificate problem, and so does the peer's user, since both peers pass the
 * text of the engine's {@code policy-violation} stream error on.
 */
class CertificateRefusalsInteropIT {

    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private static final TlsInteropScenario SCENARIO = new TlsInteropScenario(PeerSecurity.STARTTLS_SELF_SIGNED_DIALBACK,
            DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT),
            (network, ca) -> new EngineUnderTest(network,
                    EngineUnderTest.tls(TlsPolicy.REQUIRED_VALID_CERT, ca, CertificateKind.VALID)));

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void bouncesWhatItWouldSendToASelfSignedPeer(PeerKind kind) throws Exception {
        SCENARIO.run(kind, (parley, alice) -> {
            parley.sendChat(TlsInteropScenario.AGENT, alice.jid(), "only over a trusted stream");

            XmlElement bounce = parley.await(s -> "error".equals(s.attribute("type").orElse(null))
                    && alice.jid().equals(EngineUnderTest.bareFrom(s)), ANSWER, "bounce from " + alice.jid());
            assertThat(child(bounce, "error").elements()).extracting(XmlElement::name).contains("remote-server-not-found");
            assertThat(child(child(bounce, "error"), "text").text())
                    .contains("the certificate of " + kind.domain + " is not accepted")
                    .contains("self-signed");
            assertThat(parley.engine().recentFailures()).anySatisfy(failure ->
                    assertThat(failure.reason()).contains("self-signed"));
        });
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void refusesTheStreamOfASelfSignedPeer(PeerKind kind) throws Exception {
        SCENARIO.run(kind, (parley, alice) -> {
            alice.send(TlsInteropScenario.AGENT, "in through a self-signed certificate?");

            // Both peers pass the text of our policy-violation stream error on in their bounce.
            assertThat(alice.awaitErrorText(TlsInteropScenario.AGENT, ANSWER)).as(kind + "'s bounce to alice")
                    .contains("certificate for " + kind.domain + " is self-signed");
            assertThat(parley.engine().sessions()).as("no stream was authenticated").noneSatisfy(
                    session -> assertThat(session.state()).isEqualTo(SessionState.AUTHENTICATED));
        });
    }

    private static XmlElement child(XmlElement parent, String name) {
        return parent.elements().stream().filter(e -> e.name().equals(name) && (!name.equals("text")
                || STANZAS.equals(e.namespace()))).findFirst().orElseThrow(() -> new AssertionError("no <" + name + "/> in " + parent));
    }
}
