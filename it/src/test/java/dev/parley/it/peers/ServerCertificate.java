package dev.parley.it.peers;

import java.nio.file.Path;

/**
 * A server certificate for one domain, written in the forms servers and Java code read.
 *
 * @param domain the name in the certificate (SAN dNSName and XmppAddr)
 * @param kind how it was issued
 * @param certificate PEM, the certificate alone
 * @param key PEM, the PKCS#8 private key
 * @param chain PEM, the certificate followed by the test CA's (the CA is absent for a self-signed one)
 * @param keyStore PKCS#12 key store with the key and chain under alias {@code server}, password {@link TestCa#PASSWORD}
 */
public record ServerCertificate(String domain, CertificateKind kind, Path certificate, Path key, Path chain,
        Path keyStore) {
}
