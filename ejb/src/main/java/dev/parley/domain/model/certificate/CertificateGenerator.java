package dev.parley.domain.model.certificate;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Makes what the administrator would otherwise make with openssl: key pairs, certificate signing requests for a CA,
 * and self-signed certificates for trials. Requests and certificates name the server by their first DNS name (CN) and
 * all of them (subjectAltName dNSName, which is what peers check), and ask for serverAuth and clientAuth: XMPP servers
 * present the same certificate in both roles.
 */
public interface CertificateGenerator {

    KeyPair keyPair(KeyAlgorithm algorithm);

    /** A PKCS#10 request signed with {@code keys}, as one {@code BEGIN CERTIFICATE REQUEST} PEM block. */
    String signingRequest(KeyPair keys, KeyAlgorithm algorithm, List<String> dnsNames);

    X509Certificate selfSigned(KeyPair keys, KeyAlgorithm algorithm, List<String> dnsNames, Instant notBefore,
                               Instant notAfter);
}
