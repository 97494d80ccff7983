package dev.parley.domain.model.certificate;

import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.PresentedIdentifier;
import dev.parley.xmpp.tls.ServerCredential;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a server certificate or a CA must be to be imported (problems: nothing is stored), and what is worth saying
 * about one that is stored (remarks: it stays). Reading the key and the chain's order is
 * {@link dev.parley.xmpp.tls.ServerCredentials}'s part; these are the rules on top.
 */
public final class CertificateRules {

    /** Remarks start this long before a certificate expires. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    /** Longest distinguished name stored (the columns' size); real ones are a few hundred characters. */
    public static final int MAX_NAME_LENGTH = 8192;

    static final String SELF_SIGNED = "self-signed: remote servers will accept it only under REQUIRED_IGNORE_CERT_ERRORS"
            + " or with dialback";

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;

    private CertificateRules() {
    }

    /**
     * Why {@code credential} cannot be this server's certificate {@code now}: not valid now, not usable by a TLS
     * server, names too long to store. Empty when it can.
     */
    public static List<String> serverCertificateProblems(ServerCredential credential, Instant now) {
        X509Certificate certificate = credential.certificate();
        List<String> problems = new ArrayList<>(validityProblems(certificate, now, "the certificate"));
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages != null && !usages.contains(SERVER_AUTH) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
                problems.add("the certificate may not serve a TLS server: its extended key usage lacks serverAuth");
            }
        } catch (CertificateParsingException e) {
            problems.add("the certificate's extended key usage cannot be read: " + e.getMessage());
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !flag(keyUsage, DIGITAL_SIGNATURE) && !flag(keyUsage, KEY_ENCIPHERMENT)) {
            problems.add("the certificate may not serve TLS: its key usage allows neither digitalSignature nor"
                    + " keyEncipherment");
        }
        problems.addAll(nameProblems(certificate, "the certificate"));
        return problems;
    }

    /**
     * Why the certificates of one PEM text cannot be added as a trusted CA {@code now}: one CA certificate at a time
     * (a bundle is refused, so that each CA trusted is one decision in the audit trail), which may sign certificates
     * and is valid now.
     */
    public static List<String> trustedCaProblems(List<X509Certificate> certificates, Instant now) {
        if (certificates.size() != 1) {
            return List.of("the PEM text holds " + certificates.size() + " certificates; add one CA at a time, each"
                    + " as its own PEM text");
        }
        X509Certificate ca = certificates.get(0);
        String what = shortName(CertificateFacts.name(ca.getSubjectX500Principal()));
        List<String> problems = new ArrayList<>();
        if (ca.getBasicConstraints() < 0) {
            problems.add(what + " is no CA certificate (its basic constraints do not say CA): trust the CA that"
                    + " issued it instead");
        } else {
            boolean[] keyUsage = ca.getKeyUsage();
            if (keyUsage != null && !flag(keyUsage, KEY_CERT_SIGN)) {
                problems.add(what + " may not sign certificates: its key usage lacks keyCertSign");
            }
            List<String> names = Certificates.dnsNames(ca);
            if (!names.isEmpty()) {
                // A self-signed server certificate made with openssl's defaults says CA too. Trusted as
                // a CA, its key could vouch for any domain, not only the partner's own.
                problems.add(what + " names servers (" + String.join(", ", names) + "): it looks like a server's own"
                        + " certificate, not a CA's. A trusted CA vouches for every domain; to accept that partner's"
                        + " self-signed certificate, give its domain the TLS policy REQUIRED_IGNORE_CERT_ERRORS instead");
            }
        }
        problems.addAll(validityProblems(ca, now, what));
        problems.addAll(nameProblems(ca, what));
        return problems;
    }

    /**
     * What the administrator should know about the stored server certificate {@code now}, with this server's XMPP
     * domain {@code localDomain} (canonical form).
     */
    public static List<String> serverCertificateRemarks(CertificateFacts facts, Instant now, String localDomain) {
        List<String> remarks = new ArrayList<>();
        expiryRemark(facts.notBefore(), facts.notAfter(), now).ifPresent(remarks::add);
        if (!namesCover(facts.dnsNames(), localDomain)) {
            remarks.add("no DNS name for " + localDomain + ": remote servers that check certificates will not accept it"
                    + " for this server's domain (" + (facts.dnsNames().isEmpty() ? "it has no DNS names"
                    : "its DNS names: " + shortName(String.join(", ", facts.dnsNames()))) + ")");
        }
        if (facts.selfSigned()) {
            remarks.add(SELF_SIGNED);
        } else if (facts.chainLength() == 1) {
            remarks.add("the chain holds only the server's certificate: unless its issuer (" + shortName(facts.issuer())
                    + ") is a root CA that remote servers trust, import it with the intermediate CA certificates");
        }
        return remarks;
    }

    /**
     * Whether a certificate with these subjectAltName DNS names is one peers accept for {@code domain} (canonical):
     * a name equal to it, or a wildcard covering it (RFC 9525).
     */
    public static boolean namesCover(List<String> dnsNames, String domain) {
        return dnsNames.stream()
                .anyMatch(name -> new PresentedIdentifier(PresentedIdentifier.Type.DNS_ID, name).matches(domain));
    }

    /** What the administrator should know about a trusted CA {@code now}: it has expired, or expires soon. */
    public static List<String> trustedCaRemarks(Instant notAfter, Instant now) {
        if (now.isAfter(notAfter)) {
            return List.of("expired on " + day(notAfter) + ": no longer trusted; add the CA's renewed certificate");
        }
        return expiryRemark(Instant.MIN, notAfter, now).stream().toList();
    }

    private static Optional<String> expiryRemark(Instant notBefore, Instant notAfter, Instant now) {
        if (now.isAfter(notAfter)) {
            return Optional.of("expired on " + day(notAfter) + ": peers refuse it where they check"
                    + " certificates; import a renewed one");
        }
        if (now.isBefore(notBefore)) {
            return Optional.of("not valid before " + notBefore);
        }
        Duration left = Duration.between(now, notAfter);
        if (left.compareTo(EXPIRY_WARNING) < 0) {
            long days = left.toDays();
            return Optional.of("expires in " + days + (days == 1 ? " day" : " days") + ", on " + notAfter
                    + ": import a renewed one in time");
        }
        return Optional.empty();
    }

    private static List<String> validityProblems(X509Certificate certificate, Instant now, String what) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return List.of(what + " expired on " + notAfter + ": import a renewed one");
        }
        if (now.isBefore(notBefore)) {
            return List.of(what + " is not valid yet: its validity starts " + notBefore
                    + " (is this server's clock right?)");
        }
        return List.of();
    }

    private static List<String> nameProblems(X509Certificate certificate, String what) {
        List<String> problems = new ArrayList<>();
        if (CertificateFacts.name(certificate.getSubjectX500Principal()).length() > MAX_NAME_LENGTH) {
            problems.add(what + " has a subject name longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (CertificateFacts.name(certificate.getIssuerX500Principal()).length() > MAX_NAME_LENGTH) {
            problems.add(what + " has an issuer name longer than " + MAX_NAME_LENGTH + " characters");
        }
        return problems;
    }

    /** {@code name}, cut to 200 characters with an ellipsis: for messages and the audit trail. */
    static String shortName(String name) {
        if (name.isEmpty()) {
            return "(no subject name)";
        }
        if (name.length() <= 200) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(198)) ? 198 : 199;
        return name.substring(0, end) + '\u2026';
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static boolean flag(boolean[] bits, int index) {
        return index < bits.length && bits[index];
    }
}
