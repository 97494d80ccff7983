package dev.parley.infrastructure.federation;

import dev.parley.domain.model.audit.AuditDirection;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.SessionDirection;

/** The audit trail's record of an event the engine reported. */
final class AuditRecords {

    private AuditRecords() {
    }

    static AuditRecord of(FederationEvent event) {
        return new AuditRecord(event.at(), kindOf(event.kind()), directionOf(event.direction()), event.localDomain(),
                event.remoteDomain(), event.remoteAddress(), event.authMethod().map(Enum::name).orElse(null),
                event.tls().orElse(null), event.detail());
    }

    private static AuditKind kindOf(FederationEvent.Kind kind) {
        return switch (kind) {
            case STREAM_OPENED -> AuditKind.STREAM_OPENED;
            case STREAM_CLOSED -> AuditKind.STREAM_CLOSED;
            case REFUSED -> AuditKind.REFUSED;
            case CONNECTION_FAILED -> AuditKind.CONNECTION_FAILED;
            case PROXY_LINK_UP -> AuditKind.PROXY_LINK_UP;
            case PROXY_LINK_DOWN -> AuditKind.PROXY_LINK_DOWN;
        };
    }

    static AuditDirection directionOf(SessionDirection direction) {
        return direction == SessionDirection.INBOUND ? AuditDirection.INBOUND : AuditDirection.OUTBOUND;
    }
}
