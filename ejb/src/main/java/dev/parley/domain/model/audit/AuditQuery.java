package dev.parley.domain.model.audit;

import java.time.Instant;

/**
 * Which audit entries to find, newest first. Every filter is optional (null: any).
 *
 * @param remoteDomain only entries of this remote domain (compared as {@link AuditRecord#domain} keeps it)
 * @param kind         only entries of this kind
 * @param since        only entries that happened at or after this instant
 * @param until        only entries that happened before this instant
 * @param limit        at most this many entries, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
 */
public record AuditQuery(String remoteDomain, AuditKind kind, Instant since, Instant until, int limit) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    /**
     * @throws IllegalArgumentException when the limit is out of range, or since is not before until
     */
    public AuditQuery {
        remoteDomain = AuditRecord.domain(remoteDomain);
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", not " + limit);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} entries, of any kind and domain. */
    public static AuditQuery newest() {
        return new AuditQuery(null, null, null, null, DEFAULT_LIMIT);
    }
}
