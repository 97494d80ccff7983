package dev.parley.xmpp.tls;

import dev.parley.xmpp.testing.TestPki;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certificates as an administrator pastes and reads them: PEM bundles, fingerprints, DNS names. */
class CertificatesTest {

    private final TestPki ca = TestPki.create("Bundle CA");
    private final TestPki other = TestPki.create("Other CA");

    @Test
    void readsABundleInOrderIgnoringTheTextAroundTheBlocks() {
        String bundle = "# Company CAs\r\n" + Certificates.toPem(ca.certificate()).replace("\n", "\r\n")
                + "subject=CN = Other CA\n" + Certificates.toPem(other.certificate()) + "\n";

        assertThat(Certificates.parsePem(bundle)).containsExactly(ca.certificate(), other.certificate());
    }

    @Test
    void writesPemThatReadsBack() {
        List<X509Certificate> chain = List.of(ca.certificate(), other.certificate());

        String pem = Certificates.toPem(chain);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(Certificates.parsePem(pem)).isEqualTo(chain);
    }

    @Test
    void refusesWhatIsNoCertificate() {
        ServerCredential credential = ca.leaf("a.example").issue();

        assertThatThrownBy(() -> Certificates.parsePem("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PEM text is not PEM: no -----BEGIN ...----- line");
        assertThatThrownBy(() -> Certificates.parsePem(" \n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PEM text is empty");
        assertThatThrownBy(() -> Certificates.parsePem(ServerCredentials.privateKeyPem(credential.key())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the PEM text holds a PRIVATE KEY block (number 1); only CERTIFICATE blocks");
        assertThatThrownBy(() -> Certificates.parsePem(Pem.encode("CERTIFICATE", new byte[] {0x30, 0x03, 1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the PEM text: certificate 1 is not a readable X.509 certificate");
        assertThatThrownBy(() -> Certificates.parsePem("-----BEGIN CERTIFICATE-----\nMIIB\n-----END X509 CRL-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PEM text: PEM block 1 begins as CERTIFICATE but ends as X509 CRL");
    }

    @Test
    void fingerprintsAsOpensslPrintsThem() throws Exception {
        String fingerprint = Certificates.sha256Fingerprint(ca.certificate());

        assertThat(fingerprint).hasSize(95).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(fingerprint.replace(":", "")).isEqualTo(HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(ca.certificate().getEncoded())));
    }

    @Test
    void listsOnlyTheDnsNames() {
        X509Certificate certificate = ca.leaf("a.example").dns("a.example").xmppAddr("a.example").dns("*.a.example")
                .srv("_xmpp-server.a.example").issue().certificate();

        assertThat(Certificates.dnsNames(certificate)).containsExactly("a.example", "*.a.example");
        assertThat(Certificates.dnsNames(ca.certificate())).isEmpty();
    }

    @Test
    void knowsSelfSignedCertificates() {
        assertThat(Certificates.isSelfSigned(ca.certificate())).isTrue();
        assertThat(Certificates.isSelfSigned(ca.leaf("a.example").selfSigned().issue().certificate())).isTrue();
        assertThat(Certificates.isSelfSigned(ca.leaf("a.example").issue().certificate())).isFalse();
    }
}
