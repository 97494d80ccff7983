package dev.parley.xmpp.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * X.509 certificates as administrators handle them: PEM text in and out (a server chain, a CA to trust), the
 * SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it, and the DNS names a certificate is for.
 * Plain JDK APIs only.
 */
public final class Certificates {

    private Certificates() {
    }

    /**
     * Every certificate of a PEM text, in order: one or more {@code -----BEGIN CERTIFICATE-----} blocks; text
     * between the blocks is ignored.
     *
     * @throws CredentialLoadException (an {@link IllegalArgumentException}) saying why when the text is no PEM, a
     *                                 block is cut or no certificate, or it holds anything but certificates (a
     *                                 private key, say)
     */
    public static List<X509Certificate> parsePem(String pem) {
        return parsePem(pem, "the PEM text");
    }

    /** As {@link #parsePem(String)}, with {@code what} naming the text in messages ("the certificate chain"). */
    static List<X509Certificate> parsePem(String pem, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Pem.Block block : Pem.blocks(pem, what)) {
            if (!block.type().equals("CERTIFICATE")) {
                throw new CredentialLoadException(what + " holds a " + block.type() + " block (number " + block.number()
                        + "); only CERTIFICATE blocks belong here" + (block.type().endsWith("PRIVATE KEY")
                        ? ": the private key is given separately" : ""));
            }
            certificates.add(certificate(block.der(), what + ": certificate " + block.number()));
        }
        return List.copyOf(certificates);
    }

    /** One DER-encoded X.509 certificate. */
    static X509Certificate certificate(byte[] der, String what) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CredentialLoadException(what + " is not a readable X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** {@code certificate} as one PEM block. */
    public static String toPem(X509Certificate certificate) {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The certificates as PEM blocks, one after the other, in order: what {@link #parsePem} reads back. */
    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(certificate -> pem.append(toPem(certificate)));
        return pem.toString();
    }

    /** The SHA-256 of the DER encoding, upper-case hex bytes separated by colons ({@code 3F:A0:…}, 95 characters). */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** The dNSName entries of the subjectAltName, in certificate order ({@code *.example.com} as written). */
    public static List<String> dnsNames(X509Certificate certificate) {
        return ServiceIdentity.presented(certificate).stream()
                .filter(identifier -> identifier.type() == PresentedIdentifier.Type.DNS_ID)
                .map(PresentedIdentifier::value)
                .toList();
    }

    /** Whether {@code certificate} is issued by itself: its issuer is its subject and its own key signed it. */
    public static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
                && isSignedBy(certificate, certificate);
    }

    /** Whether {@code issuer}'s public key verifies {@code certificate}'s signature. */
    static boolean isSignedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
