package dev.parley.domain.model.audit;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An audit search as people type it (the query parameters of {@code GET /api/admin/audit}, the console's audit
 * form), read into an {@link AuditQuery}, or every field that was wrong.
 */
public final class AuditQueryText {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private AuditQueryText() {
    }

    /**
     * @param domain only this remote domain (any case)
     * @param kind   an {@link AuditKind} name (any case)
     * @param since  an ISO-8601 instant, inclusive ({@code 2026-11-26T08:00:00Z}, or with an offset)
     * @param until  an ISO-8601 instant, exclusive
     * @param limit  1 to 1000, default 100
     * @throws InvalidAuditQueryException naming every field that was wrong
     */
    public static AuditQuery parse(String domain, String kind, String since, String until, String limit)
            throws InvalidAuditQueryException {
        List<String> problems = new ArrayList<>();
        String remoteDomain = blank(domain) ? null : canonical(domain.strip());
        if (remoteDomain != null && remoteDomain.length() > AuditRecord.MAX_DOMAIN_LENGTH) {
            problems.add("domain must have at most " + AuditRecord.MAX_DOMAIN_LENGTH + " characters, not "
                    + remoteDomain.length());
        }
        AuditKind auditKind = kind(kind, problems);
        Instant from = instant("since", since, problems);
        Instant to = instant("until", until, problems);
        int max = limit(limit, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("since (" + from + ") must be before until (" + to + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidAuditQueryException(problems);
        }
        return new AuditQuery(remoteDomain, auditKind, from, to, max);
    }

    private static AuditKind kind(String text, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return AuditKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("kind must be one of " + Arrays.toString(AuditKind.values()) + ", not '" + text + "'");
            return null;
        }
    }

    private static Instant instant(String name, String text, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        // An unencoded '+' of an offset arrives as a space; an ISO-8601 instant has no spaces otherwise.
        String iso = text.strip().replace(' ', '+');
        Instant instant;
        try {
            instant = Instant.parse(iso);
        } catch (DateTimeException e) {
            problems.add(name + " must be an ISO-8601 instant such as 2026-11-26T08:00:00Z, not '" + text + "'");
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            // The databases' timestamps end in either direction long before Instant's do.
            problems.add(name + " must lie between the years 1 and 9999, not " + instant);
            return null;
        }
        return instant;
    }

    private static int limit(String text, List<String> problems) {
        if (blank(text)) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= AuditQuery.MIN_LIMIT && limit <= AuditQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("limit must be a whole number from " + AuditQuery.MIN_LIMIT + " to " + AuditQuery.MAX_LIMIT
                + ", not '" + text + "'");
        return AuditQuery.DEFAULT_LIMIT;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The domain as the engine names it (A-labels, lower case), so that {@code bücher.example}
     * finds what was recorded for {@code xn--bcher-kva.example}; anything that is no domain is
     * searched as typed.
     */
    private static String canonical(String domain) {
        try {
            return Jid.ofDomain(domain).domainpart();
        } catch (InvalidJidException notADomain) {
            return domain;
        }
    }
}
