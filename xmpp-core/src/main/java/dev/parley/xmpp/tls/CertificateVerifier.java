package dev.parley.xmpp.tls;

import javax.security.auth.x500.X500Principal;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether a peer's certificate chain authenticates a domain: validity now, a PKIX path to a
 * trusted CA ({@link CertPathBuilder}, which also orders the chain and skips extra certificates), and
 * the domain among its identifiers ({@link ServiceIdentity}).
 *
 * <p>It runs after the TLS handshake rather than inside the JDK's trust manager: the JDK refuses
 * clientAuth-less certificates on the server side in some configurations (public CAs stopped issuing
 * clientAuth in 2025 and federation must not break over it, so the extended key usage is not checked
 * at all), and a trust manager can only throw, while the administrator needs to read what is wrong.
 * Revocation is not checked: S2S peers rarely staple OCSP and fetching CRLs from the event loop would
 * stall every stream.
 */
public final class CertificateVerifier {

    private final TrustStore trust;
    private final Clock clock;

    public CertificateVerifier(TrustStore trust, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The verdict on {@code chain} (the peer's certificate first) for {@code domain}. */
    public CertificateVerdict verify(List<X509Certificate> chain, String domain) {
        if (chain.isEmpty()) {
            return new CertificateVerdict.Rejected(CertificateProblem.NO_CERTIFICATE,
                    domain + " presented no certificate", Optional.empty());
        }
        X509Certificate leaf = chain.get(0);
        CertificateSummary summary = CertificateSummary.of(leaf);
        Instant now = clock.instant();
        String names = names(leaf);
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return rejected(CertificateProblem.EXPIRED, "certificate for " + names + " expired "
                    + leaf.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate(), summary);
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return rejected(CertificateProblem.NOT_YET_VALID, "certificate for " + names + " is not valid before "
                    + leaf.getNotBefore().toInstant().atOffset(ZoneOffset.UTC).toLocalDate(), summary);
        }
        if (!trust.isAnchor(leaf) && !hasTrustedPath(chain, now)) {
            return selfSigned(leaf)
                    ? rejected(CertificateProblem.SELF_SIGNED, "certificate for " + names + " is self-signed (subject: "
                            + summary.subject() + ")", summary)
                    : rejected(CertificateProblem.UNTRUSTED, "certificate for " + names
                            + " is not issued by a trusted CA (issuer: " + summary.issuer() + ")", summary);
        }
        if (!ServiceIdentity.covers(leaf, domain)) {
            return rejected(CertificateProblem.NAME_MISMATCH, "name mismatch: certificate is for " + names
                    + ", stream is for " + domain, summary);
        }
        return new CertificateVerdict.Trusted(summary);
    }

    private boolean hasTrustedPath(List<X509Certificate> chain, Instant now) {
        if (trust.anchors().isEmpty()) {
            return false;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust.anchors(), target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException noPath) {
            return false;
        }
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException signedByAnother) {
            return false;
        }
    }

    /** The names a person recognises the certificate by: its DNS names and XmppAddrs, else its subject. */
    private static String names(X509Certificate certificate) {
        List<PresentedIdentifier> presented = ServiceIdentity.presented(certificate);
        return presented.isEmpty()
                ? certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)
                : presented.stream().map(PresentedIdentifier::value).distinct().collect(Collectors.joining(", "));
    }

    private static CertificateVerdict rejected(CertificateProblem problem, String reason, CertificateSummary summary) {
        return new CertificateVerdict.Rejected(problem, reason, Optional.of(summary));
    }
}
