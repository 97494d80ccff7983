package dev.parley.domain.model.authorization;

import dev.parley.xmpp.tls.TlsPolicy;
import java.time.Instant;
import java.util.List;

/**
 * A stored domain authorization as it may be shown and sent.
 *
 * @param tlsPolicy null where the global TLS policy applies
 * @param note      null when there is none
 * @param version   changes with every update; an update must name the version it was based on
 */
public record AuthorizationSnapshot(
        long id,
        DomainPattern pattern,
        FederationProtocol protocol,
        AuthorizationLevel level,
        TlsPolicy tlsPolicy,
        String note,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** The entry in one line, for the audit trail. */
    public String summary() {
        return pattern.text() + " (" + protocol + ") at " + level + ", TLS " + (tlsPolicy == null ? "global" : tlsPolicy)
                + (note == null ? "" : ", note: " + note);
    }

    /** What the administrator should know about this entry although nothing is wrong with it. */
    public List<String> remarks() {
        return AuthorizationChange.remarks(protocol, level, tlsPolicy);
    }
}
