package dev.parley.bench;

import dev.parley.it.peers.PeerSecurity;

/**
 * How the benchmark's streams are secured, the same for every target of a row: STARTTLS then dialback (the
 * issue's targets are over TLS), or plaintext dialback for comparison with the earlier figures.
 */
public enum StreamMode {
    /**
     * STARTTLS required, then dialback. The engine presents a test-CA certificate under
     * {@code REQUIRED_IGNORE_CERT_ERRORS}; the peers present self-signed ones, so dialback authenticates everyone.
     */
    TLS("STARTTLS + dialback", PeerSecurity.STARTTLS_SELF_SIGNED_DIALBACK),
    /** No TLS anywhere; dialback authenticates. */
    PLAINTEXT("plaintext dialback", PeerSecurity.NO_TLS_DIALBACK);

    private final String label;
    private final PeerSecurity peerSecurity;

    StreamMode(String label, PeerSecurity peerSecurity) {
        this.label = label;
        this.peerSecurity = peerSecurity;
    }

    /** How the tables name it. */
    public String label() {
        return label;
    }

    /** The peers' mode of the harness that matches it. */
    public PeerSecurity peerSecurity() {
        return peerSecurity;
    }

    public boolean tls() {
        return this == TLS;
    }
}
