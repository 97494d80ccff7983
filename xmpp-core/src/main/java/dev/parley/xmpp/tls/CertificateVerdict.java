package dev.parley.xmpp.tls;

import java.util.Objects;
import java.util.Optional;

/** The outcome of checking a peer's certificate for a domain: trusted for it, or why not. */
public sealed interface CertificateVerdict {

    /** The peer's own certificate, when it sent one. */
    Optional<CertificateSummary> certificate();

    /** Whether the certificate authenticates the domain it was checked for. */
    default boolean trusted() {
        return this instanceof Trusted;
    }

    /** A valid certificate, issued by a trusted CA, naming the domain. */
    record Trusted(CertificateSummary summary) implements CertificateVerdict {

        public Trusted {
            Objects.requireNonNull(summary, "summary");
        }

        @Override
        public Optional<CertificateSummary> certificate() {
            return Optional.of(summary);
        }
    }

    /**
     * A certificate that does not authenticate the domain.
     *
     * @param problem     what is wrong, for code
     * @param reason      what is wrong, for people: "certificate for a.example expired 2026-03-01"
     * @param certificate the certificate, absent when the peer sent none
     */
    record Rejected(CertificateProblem problem, String reason, Optional<CertificateSummary> certificate)
            implements CertificateVerdict {

        public Rejected {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(certificate, "certificate");
        }
    }
}
