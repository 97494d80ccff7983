package dev.parley.xmpp.diagnostics;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a {@link FederationProbe} run, as an administrator reads it.
 *
 * @param kind    what was checked
 * @param outcome how it went
 * @param took    how long it took; zero for a step that was skipped
 * @param detail  what was found, in words: records, addresses, protocol, the certificate's problem and what the TLS
 *                policy makes of it, the peer's error; texts from the peer are bounded
 */
public record ProbeStep(Kind kind, Outcome outcome, Duration took, String detail) {

    /** What a step checks, in the order a run takes them (direct TLS does TLS before the stream). */
    public enum Kind {
        /** The SRV records of {@code _xmpps-server._tcp} and {@code _xmpp-server._tcp}, or the domain's fallback. */
        DNS_SRV,
        /** The A/AAAA addresses of one target. */
        DNS_ADDRESSES,
        /** A TCP connection to one address of a target. */
        TCP,
        /** The XMPP stream: header and features, before TLS and again after it. */
        STREAM,
        /** STARTTLS or direct TLS and the handshake. */
        TLS,
        /** The peer's certificate chain, and what the TLS policy for the domain makes of it. */
        CERTIFICATE,
        /** The engine's outbound session authenticating our domain (SASL EXTERNAL or dialback). */
        AUTHENTICATION,
        /** An XEP-0199 ping over that session, and its answer. */
        PING
    }

    /** How a step went. */
    public enum Outcome {
        /** As it should be. */
        PASSED,
        /**
         * Works, but not as well as it could: unencrypted, a certificate only dialback can make up for, one of several
         * addresses down.
         */
        WARNING,
        /** Federation fails here. */
        FAILED,
        /** Not run, because an earlier step failed or the step cannot run here; the detail says why. */
        SKIPPED
    }

    public ProbeStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(detail, "detail");
    }
}
