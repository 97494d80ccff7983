package dev.parley.domain.model.certificate;

/** Where the server certificate rows are kept, one per {@link CertificateRole}. */
public interface ServerCertificateRepository {

    /** The role's row as it is now; empty ({@link ServerCertificate#present()} false) when no certificate is stored. */
    ServerCertificate get(CertificateRole role);

    /**
     * The role's row, locked until the transaction ends: concurrent imports and removals take turns, and the last one
     * stands.
     */
    ServerCertificate getForChange(CertificateRole role);

    /** Writes pending changes now. */
    void flush();
}
