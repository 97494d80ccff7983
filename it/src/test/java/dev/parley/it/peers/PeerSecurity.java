package dev.parley.it.peers;

import java.util.Optional;

/**
 * How a peer secures and authenticates its S2S streams: the columns of the interop matrix. Both directions use the
 * same mode; c2s stays plaintext on loopback so that test clients log in without certificates.
 */
public enum PeerSecurity {
    /** Plain TCP, no STARTTLS offered; the peer authenticates by dialback (XEP-0220). */
    NO_TLS_DIALBACK(Optional.empty(), false),
    /** STARTTLS required, with a self-signed certificate; the peer authenticates by dialback. */
    STARTTLS_SELF_SIGNED_DIALBACK(Optional.of(CertificateKind.SELF_SIGNED), false),
    /** STARTTLS required, test-CA certificates, only the test CA trusted; SASL EXTERNAL (XEP-0178), no dialback. */
    STARTTLS_CA_SASL_EXTERNAL(Optional.of(CertificateKind.VALID), false),
    /**
     * TLS from the first byte on a separate port advertised by {@code _xmpps-server._tcp} (XEP-0368), test-CA
     * certificates, SASL EXTERNAL; the peer does not listen for plain S2S at all, so nothing can fall back.
     */
    DIRECT_TLS(Optional.of(CertificateKind.VALID), true);

    private final Optional<CertificateKind> certificate;
    private final boolean directTls;

    PeerSecurity(Optional<CertificateKind> certificate, boolean directTls) {
        this.certificate = certificate;
        this.directTls = directTls;
    }

    /** The certificate the peer presents, if it does TLS. */
    public Optional<CertificateKind> certificate() {
        return certificate;
    }

    /** Whether S2S is TLS from the first byte on {@link PeerPorts#S2S_DIRECT_TLS}. */
    public boolean directTls() {
        return directTls;
    }

    /** Whether a valid certificate from the test CA is the only accepted authentication. */
    public boolean caAuthenticated() {
        return certificate.filter(CertificateKind.VALID::equals).isPresent();
    }
}
