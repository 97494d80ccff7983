package dev.parley.domain.model.certificate;

import java.util.List;
import java.util.Optional;

/** Where the trusted CAs are kept. */
public interface TrustedCaRepository {

    /** All of them, in the order they were added. */
    List<TrustedCa> all();

    Optional<TrustedCa> find(long id);

    /** The CA with this certificate fingerprint ({@code AB:CD:…}), if it is trusted. */
    Optional<TrustedCa> findBySha256(String sha256);

    /**
     * Stores a new trusted CA; it has its id when this returns.
     *
     * @throws InvalidCertificateException when another transaction stored the same certificate first
     */
    void add(TrustedCa ca) throws InvalidCertificateException;

    void remove(TrustedCa ca);
}
