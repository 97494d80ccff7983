package dev.parley.domain.model.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.ServerCredential;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** What an imported certificate or CA must be, and what is worth telling the administrator about one that is stored. */
class CertificateRulesTest {

    private static final Instant NOW = Instant.now();

    private final TestPki ca = TestPki.create("Rules CA");

    @Test
    void acceptsAServerCertificateValidNow() {
        ServerCredential credential = ca.leaf("parley.test").dns("parley.test").issue();

        assertThat(CertificateRules.serverCertificateProblems(credential, NOW)).isEmpty();
    }

    @Test
    void refusesAServerCertificateThatExpiredOrIsNotValidYet() {
        Instant end = Instant.parse("2026-03-01T12:00:00Z");
        ServerCredential expired = ca.leaf("parley.test").validity(end.minus(Duration.ofDays(90)), end).issue();
        ServerCredential future = ca.leaf("parley.test").validity(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(90)))
                .issue();

        assertThat(CertificateRules.serverCertificateProblems(expired, end.plusSeconds(1)))
                .containsExactly("the certificate expired on 2026-03-01T12:00:00Z: import a renewed one");
        assertThat(CertificateRules.serverCertificateProblems(future, NOW)).singleElement().asString()
                .startsWith("the certificate is not valid yet: its validity starts ");
    }

    @Test
    void refusesACertificateNoTlsServerMayUse() {
        ServerCredential clientOnly = ca.leaf("parley.test").extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
        ServerCredential signingCrlsOnly = ca.leaf("parley.test").keyUsage(KeyUsage.cRLSign).issue();

        assertThat(CertificateRules.serverCertificateProblems(clientOnly, NOW))
                .containsExactly("the certificate may not serve a TLS server: its extended key usage lacks serverAuth");
        assertThat(CertificateRules.serverCertificateProblems(signingCrlsOnly, NOW)).containsExactly(
                "the certificate may not serve TLS: its key usage allows neither digitalSignature nor keyEncipherment");
    }

    @Test
    void acceptsACertificateWithoutClientAuthOrAnyUsageExtension() {
        ServerCredential serverOnly = ca.leaf("parley.test").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
        ServerCredential unrestricted = ca.leaf("parley.test").extendedKeyUsage().keyUsage(0).issue();

        assertThat(CertificateRules.serverCertificateProblems(serverOnly, NOW)).isEmpty();
        assertThat(CertificateRules.serverCertificateProblems(unrestricted, NOW)).isEmpty();
    }

    @Test
    void saysNothingAboutACertificateForThisDomainFromACa() {
        CertificateFacts facts = CertificateFacts.of(ca.leaf("parley.test").dns("parley.test").issue());

        assertThat(CertificateRules.serverCertificateRemarks(facts, NOW, "parley.test")).isEmpty();
    }

    @Test
    void remarksWhenTheCertificateExpiresWithinThirtyDays() {
        Instant end = NOW.plus(Duration.ofDays(12)).plus(Duration.ofHours(3));
        CertificateFacts facts = CertificateFacts.of(ca.leaf("parley.test").dns("parley.test")
                .validity(NOW.minus(Duration.ofDays(60)), end).issue());

        assertThat(CertificateRules.serverCertificateRemarks(facts, NOW, "parley.test")).singleElement().asString()
                .startsWith("expires in 12 days, on ").endsWith(": import a renewed one in time");
        Instant notAfter = facts.notAfter();
        assertThat(CertificateRules.serverCertificateRemarks(facts, notAfter.minus(Duration.ofHours(30)), "parley.test"))
                .singleElement().asString().startsWith("expires in 1 day, on ");
        assertThat(CertificateRules.serverCertificateRemarks(facts, notAfter.minus(Duration.ofDays(30)), "parley.test"))
                .isEmpty();
        assertThat(CertificateRules.serverCertificateRemarks(facts, notAfter.plusSeconds(1), "parley.test"))
                .singleElement().asString().startsWith("expired on ");
    }

    @Test
    void remarksWhenNoDnsNameCoversTheLocalDomain() {
        CertificateFacts other = CertificateFacts.of(ca.leaf("chat.example").dns("chat.example").dns("*.example.org").issue());
        CertificateFacts none = CertificateFacts.of(ca.leaf("parley.test").issue());
        CertificateFacts wildcard = CertificateFacts.of(ca.leaf("x").dns("*.example.org").issue());

        assertThat(CertificateRules.serverCertificateRemarks(other, NOW, "parley.test")).containsExactly(
                "no DNS name for parley.test: remote servers that check certificates will not accept it for this"
                        + " server's domain (its DNS names: chat.example, *.example.org)");
        assertThat(CertificateRules.serverCertificateRemarks(none, NOW, "parley.test")).singleElement().asString()
                .startsWith("no DNS name for parley.test").endsWith("(it has no DNS names)");
        assertThat(CertificateRules.serverCertificateRemarks(wildcard, NOW, "xmpp.example.org")).isEmpty();
    }

    @Test
    void remarksOnASelfSignedCertificateAndOnAChainWithoutItsIssuer() {
        CertificateFacts selfSigned = CertificateFacts.of(ca.leaf("parley.test").dns("parley.test").selfSigned().issue());
        ServerCredential issued = ca.leaf("parley.test").dns("parley.test").issue();
        CertificateFacts alone = CertificateFacts.of(new ServerCredential(issued.key(), List.of(issued.certificate())));

        assertThat(selfSigned.selfSigned()).isTrue();
        assertThat(CertificateRules.serverCertificateRemarks(selfSigned, NOW, "parley.test")).containsExactly(
                "self-signed: remote servers will accept it only under REQUIRED_IGNORE_CERT_ERRORS or with dialback");
        assertThat(CertificateRules.serverCertificateRemarks(alone, NOW, "parley.test")).containsExactly(
                "the chain holds only the server's certificate: unless its issuer (CN=Rules CA) is a root CA that remote"
                        + " servers trust, import it with the intermediate CA certificates");
    }

    @Test
    void describesTheCertificateForDisplay() {
        ServerCredential credential = ca.leaf("parley.test").dns("parley.test").dns("*.parley.test").issue();

        CertificateFacts facts = CertificateFacts.of(credential);

        assertThat(facts.subject()).isEqualTo("CN=parley.test");
        assertThat(facts.issuer()).isEqualTo("CN=Rules CA");
        assertThat(facts.dnsNames()).containsExactly("parley.test", "*.parley.test");
        assertThat(facts.notAfter()).isEqualTo(credential.certificate().getNotAfter().toInstant());
        assertThat(facts.sha256()).hasSize(95);
        assertThat(facts.selfSigned()).isFalse();
        assertThat(facts.chainLength()).isEqualTo(2);
        assertThat(facts.summary()).isEqualTo("CN=parley.test (SHA-256 " + facts.sha256() + ", valid until "
                + facts.notAfter() + ")");
    }

    @Test
    void trustsOneCaCertificateValidNow() {
        assertThat(CertificateRules.trustedCaProblems(List.of(ca.certificate()), NOW)).isEmpty();
        assertThat(CertificateRules.trustedCaProblems(List.of(ca.leaf("Intermediate CA").ca().issue().certificate()), NOW))
                .isEmpty();
    }

    @Test
    void refusesBundlesServerCertificatesAndCasThatMayNotSign() {
        TestPki other = TestPki.create("Other CA");

        assertThat(CertificateRules.trustedCaProblems(List.of(ca.certificate(), other.certificate()), NOW)).containsExactly(
                "the PEM text holds 2 certificates; add one CA at a time, each as its own PEM text");
        assertThat(CertificateRules.trustedCaProblems(List.of(ca.leaf("partner.example").issue().certificate()), NOW))
                .containsExactly("CN=partner.example is no CA certificate (its basic constraints do not say CA): trust"
                        + " the CA that issued it instead");
        assertThat(CertificateRules.trustedCaProblems(
                List.of(ca.leaf("Odd CA").ca().keyUsage(KeyUsage.digitalSignature).issue().certificate()), NOW))
                .containsExactly("CN=Odd CA may not sign certificates: its key usage lacks keyCertSign");
    }

    @Test
    void refusesAServersSelfSignedCertificateThatAlsoSaysCaBecauseItWouldVouchForEveryDomain() {
        X509Certificate serverSaysCa = ca.leaf("partner.example").dns("partner.example").ca().selfSigned().issue()
                .certificate();

        assertThat(CertificateRules.trustedCaProblems(List.of(serverSaysCa), NOW)).singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("CN=partner.example names servers (partner.example)")
                        .contains("REQUIRED_IGNORE_CERT_ERRORS"));
    }

    @Test
    void refusesAnExpiredCaAndRemarksOnOneExpiringSoon() {
        Instant end = NOW.plus(Duration.ofDays(3));
        var soon = ca.leaf("Soon CA").ca().validity(NOW.minus(Duration.ofDays(300)), end).issue().certificate();

        assertThat(CertificateRules.trustedCaProblems(List.of(soon), end.plusSeconds(1))).singleElement().asString()
                .startsWith("CN=Soon CA expired on ");
        assertThat(CertificateRules.trustedCaRemarks(end, NOW)).singleElement().asString().startsWith("expires in 3 days");
        assertThat(CertificateRules.trustedCaRemarks(end, end.plusSeconds(1))).singleElement().asString()
                .startsWith("expired on ").endsWith("no longer trusted; add the CA's renewed certificate");
    }
}
