package dev.parley.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.xmpp.s2s.AuthMethod;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.tls.TlsPolicy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The matrix row "test-CA certificates + SASL EXTERNAL": certificates from the run's test CA (Parley's names its
 * domain as DNS name only, see {@code SubjectAltNames.DNS_NAME_ONLY}), only valid certificates accepted
 * (REQUIRED_VALID_CERT), and the peers offer no dialback: SASL EXTERNAL (XEP-0178) authenticates both directions.
 */
class SaslExternalInteropIT {

    private static final TlsInteropScenario SCENARIO = new TlsInteropScenario(PeerSecurity.STARTTLS_CA_SASL_EXTERNAL,
            DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT),
            (network, ca) -> new EngineUnderTest(network,
                    EngineUnderTest.tls(TlsPolicy.REQUIRED_VALID_CERT, ca, CertificateKind.VALID)));

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void engineConnectsOutFirstThenPeerAnswers(PeerKind kind) throws Exception {
        SCENARIO.engineConnectsOutFirst(kind, SaslExternalInteropIT::authenticatedByCertificates);
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void peerConnectsInFirstThenEngineAnswers(PeerKind kind) throws Exception {
        SCENARIO.peerConnectsInFirst(kind, SaslExternalInteropIT::authenticatedByCertificates);
    }

    static void authenticatedByCertificates(List<SessionInfo> sessions) {
        assertThat(sessions).filteredOn(s -> s.state() == SessionState.AUTHENTICATED).isNotEmpty().allSatisfy(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.SASL_EXTERNAL);
            assertThat(s.tls()).hasValueSatisfying(tls -> assertThat(tls.certificateNote()).isEqualTo("trusted"));
        });
    }
}
