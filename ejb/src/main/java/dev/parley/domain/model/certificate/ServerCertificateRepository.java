package dev.parley.domain.model.certificate;

/** Where the one S2S server certificate row is kept. */
public interface ServerCertificateRepository {

    /** The row as it is now; empty ({@link ServerCertificate#present()} false) when no certificate is stored. */
    ServerCertificate get();

    /**
     * The row, locked until the transaction ends: concurrent imports and removals take turns, and the last one
     * stands.
     */
    ServerCertificate getForChange();

    /** Writes pending changes now. */
    void flush();
}
