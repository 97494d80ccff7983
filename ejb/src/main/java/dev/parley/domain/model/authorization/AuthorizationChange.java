package dev.parley.domain.model.authorization;

import dev.parley.xmpp.tls.TlsPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * A domain authorization as an administrator asks for it, to create one or to replace one as a whole.
 *
 * @param pattern   the domain, or {@code *.domain} for its subdomains, as typed (canonicalised when applied)
 * @param protocol  required
 * @param level     required
 * @param tlsPolicy the TLS policy for the covered domains; null where the global one applies
 * @param note      for the administrators, optional; kept without surrounding white space
 */
public record AuthorizationChange(
        String pattern,
        FederationProtocol protocol,
        AuthorizationLevel level,
        TlsPolicy tlsPolicy,
        String note) {

    /** The longest note, in characters. */
    public static final int MAX_NOTE_LENGTH = 1024;

    /** Keeps the note without surrounding white space, and none where nothing is left. */
    public AuthorizationChange {
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** Everything wrong with this change, one sentence each; empty when it can be applied. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        try {
            DomainPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (protocol == null) {
            problems.add("protocol is required (XMPP, or SIP for an entry kept for SIP federation)");
        }
        if (level == null) {
            problems.add("level is required (BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER or PERSONAL)");
        }
        if (note != null) {
            if (note.length() > MAX_NOTE_LENGTH) {
                problems.add("note is " + note.length() + " characters long; at most " + MAX_NOTE_LENGTH
                        + " are kept");
            }
            if (note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                problems.add("note may not contain control characters other than line breaks and tabs");
            }
        }
        return problems;
    }

    /**
     * What the administrator should know about this change although nothing is wrong with it: that a SIP entry does
     * not authorize XMPP, that a TLS policy does nothing on a BLOCKED entry.
     */
    public List<String> remarks() {
        return remarks(protocol, level, tlsPolicy);
    }

    /**
     * The canonical pattern.
     *
     * @throws IllegalArgumentException when {@link #problems()} lists the pattern
     */
    public DomainPattern domainPattern() {
        return DomainPattern.parse(pattern);
    }

    static List<String> remarks(FederationProtocol protocol, AuthorizationLevel level, TlsPolicy tlsPolicy) {
        List<String> remarks = new ArrayList<>();
        if (protocol == FederationProtocol.SIP) {
            remarks.add("SIP authorizations are kept for SIP federation; they never authorize XMPP federation,"
                    + " which needs an XMPP authorization of its own");
        }
        if (level == AuthorizationLevel.BLOCKED && tlsPolicy != null) {
            remarks.add("tlsPolicy has no effect while the level is BLOCKED");
        }
        return remarks;
    }
}
