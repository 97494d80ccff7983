package dev.parley.domain.model.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One federation event as it is recorded and shown.
 *
 * <p>The texts may come from remote servers, so the record makes them safe to store: control
 * characters (NUL, line breaks ...) become spaces, blank texts become null, and texts longer than
 * their column are cut (never inside a surrogate pair) and end with an ellipsis. Domains are kept
 * in lower case, so that searching by domain finds them however a peer spelled them. The time is
 * kept to the microsecond, what the databases store.
 *
 * @param at            when it happened
 * @param kind          what happened
 * @param direction     which way the stream or stanza went; {@link AuditDirection#NONE} for settings changes
 * @param localDomain   the domain of this server involved, or null where none is (settings changes)
 * @param remoteDomain  the remote XMPP domain, or null where none is (settings changes)
 * @param remoteAddress the peer's IP address and port, or null where none is known (DNS failures, settings changes)
 * @param authMethod    how the peer was authenticated ({@code SASL EXTERNAL}, {@code dialback}), or null
 * @param tls           the TLS protocol and cipher suite of the stream, or null (no TLS, or not negotiated)
 * @param detail        why, or what changed; may be null
 */
public record AuditRecord(
        Instant at,
        AuditKind kind,
        AuditDirection direction,
        String localDomain,
        String remoteDomain,
        String remoteAddress,
        String authMethod,
        String tls,
        String detail) {

    /** Every DNS name fits (253 octets as an A-label, no more characters as a U-label). */
    public static final int MAX_DOMAIN_LENGTH = 255;
    public static final int MAX_ADDRESS_LENGTH = 255;
    public static final int MAX_AUTH_METHOD_LENGTH = 64;
    public static final int MAX_TLS_LENGTH = 128;
    public static final int MAX_DETAIL_LENGTH = 1024;

    private static final char ELLIPSIS = '\u2026';

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        at = at.truncatedTo(ChronoUnit.MICROS);
        localDomain = domain(localDomain);
        remoteDomain = domain(remoteDomain);
        remoteAddress = bounded(remoteAddress, MAX_ADDRESS_LENGTH);
        authMethod = bounded(authMethod, MAX_AUTH_METHOD_LENGTH);
        tls = bounded(tls, MAX_TLS_LENGTH);
        detail = bounded(detail, MAX_DETAIL_LENGTH);
    }

    /** An administrator's change of the federation settings. */
    public static AuditRecord settingsChanged(Instant at, String detail) {
        return new AuditRecord(at, AuditKind.SETTINGS_CHANGED, AuditDirection.NONE, null, null, null, null, null, detail);
    }

    /** An administrator's reading of what is kept for a local user. */
    public static AuditRecord messagesRead(Instant at, String detail) {
        return new AuditRecord(at, AuditKind.MESSAGES_READ, AuditDirection.NONE, null, null, null, null, null, detail);
    }

    /** An administrator's change of a local user. */
    public static AuditRecord userChanged(Instant at, String detail) {
        return new AuditRecord(at, AuditKind.USER_CHANGED, AuditDirection.NONE, null, null, null, null, null, detail);
    }

    /** An administrator's change of the authorization for {@code pattern}, kept under that pattern. */
    public static AuditRecord authorizationChanged(Instant at, String pattern, String detail) {
        return new AuditRecord(at, AuditKind.SETTINGS_CHANGED, AuditDirection.NONE, null, pattern, null, null, null,
                detail);
    }

    /** A domain as the audit trail keeps and searches it: trimmed, lower case, at most {@value #MAX_DOMAIN_LENGTH} characters. */
    public static String domain(String domain) {
        return domain == null ? null : bounded(domain.toLowerCase(Locale.ROOT), MAX_DOMAIN_LENGTH);
    }

    /**
     * The text without control characters and surrounding blanks, null when nothing is left, and
     * at most {@code max} characters: longer texts are cut and end with an ellipsis.
     */
    static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        String stripped = clean.toString().strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end) + ELLIPSIS;
    }
}
