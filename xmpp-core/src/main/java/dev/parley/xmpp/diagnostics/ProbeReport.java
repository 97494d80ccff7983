package dev.parley.xmpp.diagnostics;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link FederationProbe} run found.
 *
 * @param domain  the remote domain probed, in canonical form (lower-case A-labels); as entered when it is no valid
 *                domain, bounded
 * @param steps   every step in the order run, skipped ones included; empty when the domain is no valid domain
 * @param verdict one sentence a person understands, e.g. "partner.example federates: reached
 *                xmpp.partner.example:5269 over TLSv1.3, authenticated by dialback, ping answered in 43 ms"
 */
public record ProbeReport(String domain, List<ProbeStep> steps, String verdict) {

    public ProbeReport {
        Objects.requireNonNull(domain, "domain");
        steps = List.copyOf(steps);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Whether the probe ran and no step failed; warnings and skipped steps (federation switched off) pass. */
    public boolean passed() {
        return !steps.isEmpty() && steps.stream().noneMatch(step -> step.outcome() == ProbeStep.Outcome.FAILED);
    }
}
