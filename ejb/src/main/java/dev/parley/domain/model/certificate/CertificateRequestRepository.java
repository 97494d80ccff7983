package dev.parley.domain.model.certificate;

/** Where the one waiting certificate signing request is kept. */
public interface CertificateRequestRepository {

    /** The row as it is now; empty ({@link CertificateRequest#present()} false) when no request waits. */
    CertificateRequest get();

    /** The row, locked until the transaction ends: a reply and a new request cannot cross. */
    CertificateRequest getForChange();

    /** Writes pending changes now. */
    void flush();
}
