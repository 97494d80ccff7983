package dev.parley.xmpp.s2s;

import java.time.Instant;
import java.util.Objects;

/**
 * A remote domain that could not be reached or refused us, or whose authentication this server refused
 * ({@link RemoteDomainPolicy}), as the administrator sees it.
 *
 * @param domain the remote domain
 * @param when   when the attempt was given up
 * @param reason what went wrong, in words a person understands; at most 1,024 characters (a longer one, e.g. with a
 *               peer's long stream error text, is cut and ends with "…")
 */
public record ConnectionFailure(String domain, Instant when, String reason) {

    public ConnectionFailure {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(reason, "reason");
    }
}
