package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.ProbeLog.Conclusion;
import dev.parley.xmpp.diagnostics.ProbeLog.Stop;
import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.ProbeStep.Outcome;
import dev.parley.xmpp.tls.CertificateDecision;
import dev.parley.xmpp.tls.CertificateProblem;
import dev.parley.xmpp.tls.CertificateSummary;
import dev.parley.xmpp.tls.CertificateVerdict;
import dev.parley.xmpp.tls.TlsPolicy;

import java.time.Duration;
import java.time.ZoneOffset;

/**
 * The certificate step: the engine's own {@code CertificateVerifier} verdict on the peer's chain, and what the TLS
 * policy for the domain makes of it, in the words an administrator acts on.
 */
final class CertificateJudgement {

    private CertificateJudgement() {
    }

    /** Records the step; returns whether the engine would go on with this certificate. */
    static boolean record(ProbeLog log, String domain, CertificateVerdict verdict, TlsPolicy policy, Duration took) {
        CertificateDecision decision = policy.decide(verdict);
        if (verdict instanceof CertificateVerdict.Trusted trusted) {
            log.add(Kind.CERTIFICATE, Outcome.PASSED, took,
                    Texts.fromPeer("trusted for " + domain + ": " + summary(trusted.summary())));
            return true;
        }
        CertificateVerdict.Rejected rejected = (CertificateVerdict.Rejected) verdict;
        String found = Texts.fromPeer(rejected.reason()
                + rejected.certificate().map(summary -> "; presented: " + summary(summary)).orElse(""));
        if (decision == CertificateDecision.REFUSE) {
            log.fail(Kind.CERTIFICATE, took, found + "; the policy " + policy + " would refuse this server",
                    new Stop(Conclusion.NOT_FEDERATING, "the certificate " + problem(rejected.problem(), domain)
                            + " and the policy " + policy + " requires a valid one",
                            "skipped: the policy would refuse the certificate"));
            return false;
        }
        log.add(Kind.CERTIFICATE, Outcome.WARNING, took, found + "; the policy " + policy
                + " accepts it for encryption, and dialback must prove the domain");
        return true;
    }

    private static String summary(CertificateSummary certificate) {
        return certificate.subject() + ", issued by " + certificate.issuer() + ", names "
                + (certificate.names().isEmpty() ? "none" : String.join(" ", certificate.names())) + ", valid until "
                + certificate.notAfter().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The problem as the verdict's words after "the certificate". */
    private static String problem(CertificateProblem problem, String domain) {
        return switch (problem) {
            case NO_CERTIFICATE -> "is missing";
            case EXPIRED -> "has expired";
            case NOT_YET_VALID -> "is not valid yet";
            case SELF_SIGNED -> "is self-signed";
            case UNTRUSTED -> "is not issued by a trusted CA";
            case NAME_MISMATCH -> "does not name " + domain;
        };
    }
}
