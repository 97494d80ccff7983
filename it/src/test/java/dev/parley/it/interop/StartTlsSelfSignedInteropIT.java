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
 * The matrix row "STARTTLS self-signed + dialback": both sides present self-signed certificates, require TLS and
 * ignore certificate problems (REQUIRED_IGNORE_CERT_ERRORS); dialback over the TLS stream proves the domains.
 */
class StartTlsSelfSignedInteropIT {

    private static final TlsInteropScenario SCENARIO = new TlsInteropScenario(PeerSecurity.STARTTLS_SELF_SIGNED_DIALBACK,
            DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT),
            (network, ca) -> new EngineUnderTest(network,
                    EngineUnderTest.tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, ca, CertificateKind.SELF_SIGNED)));

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void engineConnectsOutFirstThenPeerAnswers(PeerKind kind) throws Exception {
        SCENARIO.engineConnectsOutFirst(kind, StartTlsSelfSignedInteropIT::encryptedAndDialbackAuthenticated);
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void peerConnectsInFirstThenEngineAnswers(PeerKind kind) throws Exception {
        SCENARIO.peerConnectsInFirst(kind, StartTlsSelfSignedInteropIT::encryptedAndDialbackAuthenticated);
    }

    private static void encryptedAndDialbackAuthenticated(List<SessionInfo> sessions) {
        assertThat(sessions).filteredOn(s -> s.state() == SessionState.AUTHENTICATED).isNotEmpty().allSatisfy(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.DIALBACK);
            assertThat(s.tls()).hasValueSatisfying(tls -> {
                assertThat(tls.protocol()).isIn("TLSv1.2", "TLSv1.3");
                assertThat(tls.certificateNote()).contains("self-signed");
            });
        });
    }
}
