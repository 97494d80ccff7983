package dev.parley.it.interop;

import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerPorts;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.SrvService;
import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The matrix row "direct TLS" (XEP-0368): the peers listen only for TLS from the first byte and authenticate by
 * SASL EXTERNAL with test-CA certificates. Parley's domain is advertised only by {@code _xmpps-server._tcp} on its
 * direct-TLS port; its plain listener runs on a port nothing advertises and 5269 stays closed, so a peer that fell
 * back to plain TCP would find nobody.
 */
class DirectTlsInteropIT {

    private static final int UNADVERTISED_PLAIN_PORT = 5271;

    private static final TlsInteropScenario SCENARIO = new TlsInteropScenario(PeerSecurity.DIRECT_TLS,
            DomainPlan.of(EngineUnderTest.DOMAIN, UNADVERTISED_PLAIN_PORT, PeerPorts.S2S_DIRECT_TLS)
                    .withSrv(SrvService.XMPPS_SERVER, PeerPorts.S2S_DIRECT_TLS),
            (network, ca) -> new EngineUnderTest(network, UNADVERTISED_PLAIN_PORT, config -> config
                    .withTls(EngineUnderTest.tls(TlsPolicy.REQUIRED_VALID_CERT, ca, CertificateKind.VALID))
                    .withDirectTlsPort(PeerPorts.S2S_DIRECT_TLS)));

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
}
