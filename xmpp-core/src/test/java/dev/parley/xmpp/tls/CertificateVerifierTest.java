package dev.parley.xmpp.tls;

import dev.parley.xmpp.testing.TestPki;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks behind REQUIRED_VALID_CERT and SASL EXTERNAL: validity, trust, identity, and the words for each failure. */
class CertificateVerifierTest {

    private final TestPki ca = TestPki.create("Parley Test CA");
    private final CertificateVerifier verifier = new CertificateVerifier(TrustStore.of(List.of(ca.certificate())),
            Clock.systemUTC());

    @Test
    void trustsACertificateFromATrustedCaNamingTheDomain() {
        CertificateVerdict verdict = verifier.verify(ca.leaf("a.example").dns("a.example").issue().chain(), "a.example");

        assertThat(verdict).isInstanceOfSatisfying(CertificateVerdict.Trusted.class, trusted -> {
            assertThat(trusted.summary().subject()).isEqualTo("CN=a.example");
            assertThat(trusted.summary().issuer()).isEqualTo("CN=Parley Test CA");
            assertThat(trusted.summary().names()).containsExactly("DNS:a.example");
        });
    }

    @Test
    void acceptsACertificateWithoutClientAuthUsage() {
        var credential = ca.leaf("a.example").dns("a.example").withoutClientAuth().issue();

        assertThat(verifier.verify(credential.chain(), "a.example").trusted()).isTrue();
    }

    @Test
    void acceptsTheCertificateWithoutItsCaInTheChain() {
        var credential = ca.leaf("a.example").dns("a.example").issue();

        assertThat(verifier.verify(List.of(credential.certificate()), "a.example").trusted()).isTrue();
    }

    @Test
    void refusesAnExpiredCertificateSayingWhenItExpired() {
        Instant end = Instant.parse("2026-03-01T12:00:00Z");
        var credential = ca.leaf("xmpp.example.org").dns("xmpp.example.org").validity(end.minus(Duration.ofDays(90)), end).issue();
        CertificateVerifier later = new CertificateVerifier(TrustStore.of(List.of(ca.certificate())),
                Clock.fixed(end.plus(Duration.ofDays(3)), ZoneOffset.UTC));

        assertRejected(later.verify(credential.chain(), "xmpp.example.org"), CertificateProblem.EXPIRED,
                "certificate for xmpp.example.org expired 2026-03-01");
    }

    @Test
    void refusesACertificateNotYetValid() {
        var credential = ca.leaf("a.example").dns("a.example")
                .validity(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(30))).issue();

        assertRejected(verifier.verify(credential.chain(), "a.example"), CertificateProblem.NOT_YET_VALID, "is not valid before");
    }

    @Test
    void refusesASelfSignedCertificateSayingSo() {
        var credential = ca.leaf("a.example").dns("a.example").selfSigned().issue();

        assertRejected(verifier.verify(credential.chain(), "a.example"), CertificateProblem.SELF_SIGNED,
                "certificate for a.example is self-signed (subject: CN=a.example)");
    }

    @Test
    void refusesACertificateFromAnUntrustedCaNamingTheIssuer() {
        var credential = TestPki.create("Elsewhere CA").leaf("a.example").dns("a.example").issue();

        assertRejected(verifier.verify(credential.chain(), "a.example"), CertificateProblem.UNTRUSTED,
                "certificate for a.example is not issued by a trusted CA (issuer: CN=Elsewhere CA)");
    }

    @Test
    void refusesACertificateForAnotherDomainNamingBoth() {
        var credential = ca.leaf("a.example").dns("a.example").issue();

        assertRejected(verifier.verify(credential.chain(), "b.example"), CertificateProblem.NAME_MISMATCH,
                "name mismatch: certificate is for a.example, stream is for b.example");
    }

    @Test
    void refusesAPeerWithoutCertificate() {
        assertRejected(verifier.verify(List.of(), "a.example"), CertificateProblem.NO_CERTIFICATE,
                "a.example presented no certificate");
    }

    @Test
    void neverMatchesTheCommonNameAlone() {
        var credential = ca.leaf("a.example").issue();

        assertRejected(verifier.verify(credential.chain(), "a.example"), CertificateProblem.NAME_MISMATCH,
                "certificate is for CN=a.example");
    }

    @Test
    void theJdkDefaultsDoNotTrustTheTestCaButTheExtraCasDo() {
        var credential = ca.leaf("a.example").dns("a.example").issue();

        assertThat(new CertificateVerifier(TrustStore.withDefaults(List.of()), Clock.systemUTC())
                .verify(credential.chain(), "a.example").trusted()).isFalse();
        assertThat(new CertificateVerifier(TrustStore.withDefaults(List.of(ca.certificate())), Clock.systemUTC())
                .verify(credential.chain(), "a.example").trusted()).isTrue();
    }

    @Test
    void theRequiredValidCertPolicyRefusesWhatTheOthersLeaveToDialback() {
        CertificateVerdict selfSigned = verifier.verify(ca.leaf("a.example").dns("a.example").selfSigned().issue().chain(),
                "a.example");
        CertificateVerdict valid = verifier.verify(ca.leaf("a.example").dns("a.example").issue().chain(), "a.example");

        assertThat(TlsPolicy.REQUIRED_VALID_CERT.decide(selfSigned)).isEqualTo(CertificateDecision.REFUSE);
        assertThat(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS.decide(selfSigned)).isEqualTo(CertificateDecision.DIALBACK_NEEDED);
        assertThat(TlsPolicy.OPTIONAL.decide(selfSigned)).isEqualTo(CertificateDecision.DIALBACK_NEEDED);
        assertThat(TlsPolicy.OPTIONAL.decide(valid)).isEqualTo(CertificateDecision.AUTHENTICATES);
        assertThat(TlsPolicy.REQUIRED_VALID_CERT.decide(valid)).isEqualTo(CertificateDecision.AUTHENTICATES);
    }

    private static void assertRejected(CertificateVerdict verdict, CertificateProblem problem, String reason) {
        assertThat(verdict).isInstanceOfSatisfying(CertificateVerdict.Rejected.class, rejected -> {
            assertThat(rejected.problem()).isEqualTo(problem);
            assertThat(rejected.reason()).contains(reason);
        });
    }
}
