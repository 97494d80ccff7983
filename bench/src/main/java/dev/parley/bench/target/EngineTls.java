package dev.parley.bench.target;

import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.ServerCertificate;
import dev.parley.it.peers.TestCa;
import dev.parley.xmpp.tls.ServerCredentials;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * TLS for an engine of the benchmark, as files that a second JVM can read too: the domain's test-CA key store, the
 * test CA's certificate (trusted besides the JDK's CAs) and the policy.
 *
 * @param keyStore      PKCS#12 with the domain's key and chain, password {@link TestCa#PASSWORD}
 * @param caCertificate the test CA, PEM
 * @param policy        the engine's global TLS policy
 */
public record EngineTls(Path keyStore, Path caCertificate, TlsPolicy policy) {

    /** A test-CA certificate for {@code domain} under {@code policy}. */
    public static EngineTls issue(TestCa ca, String domain, TlsPolicy policy) {
        ServerCertificate certificate = ca.issue(domain, CertificateKind.VALID);
        return new EngineTls(certificate.keyStore(), ca.certificateFile(), policy);
    }

    /** The engine's TLS configuration for {@code domain}. */
    public TlsConfig config(String domain) {
        return TlsConfig.of(policy, ServerCredentials.fromPkcs12(keyStore, TestCa.PASSWORD.toCharArray()), Set.of(domain))
                .withExtraTrustedCas(List.of(readCertificate(caCertificate)));
    }

    /** As command-line arguments of {@link EngineTargetMain}. */
    List<String> arguments() {
        return List.of(keyStore.toString(), caCertificate.toString(), policy.name());
    }

    static EngineTls fromArguments(String keyStore, String caCertificate, String policy) {
        return new EngineTls(Path.of(keyStore), Path.of(caCertificate), TlsPolicy.valueOf(policy));
    }

    private static X509Certificate readCertificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(pem + " is not a certificate", e);
        }
    }
}
