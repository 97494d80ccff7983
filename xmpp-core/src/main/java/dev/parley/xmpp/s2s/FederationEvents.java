package dev.parley.xmpp.s2s;

import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.s2s.FederationEvent.Kind;
import dev.parley.xmpp.tls.TlsDetails;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;

/**
 * Stamps {@link FederationEvent}s and hands them to the host's {@link FederationEventListener}; its failures are
 * logged, never allowed to break a stream. Callers report outside their own locks, as they do with bounces.
 *
 * <p>Every text is bounded here ({@link AuditTexts}), whoever built it: the domains and details of refusals come from
 * peers that have proven nothing, and a host may keep thousands of events.
 */
final class FederationEvents {

    private static final System.Logger LOG = System.getLogger(FederationEvents.class.getName());

    private final FederationEventListener listener;
    private final Clock clock;

    FederationEvents(FederationEventListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    void emit(Kind kind, SessionDirection direction, String localDomain, String remoteDomain,
              Optional<InetSocketAddress> remoteAddress, Optional<AuthMethod> authMethod, Optional<TlsDetails> tls,
              String detail) {
        FederationEvent event = new FederationEvent(clock.instant(), kind, direction, AuditTexts.domain(localDomain),
                AuditTexts.domain(remoteDomain),
                AuditTexts.cut(remoteAddress.map(IpAddressLiteral::format).orElse(""), AuditTexts.ADDRESS), authMethod,
                tls.map(details -> details.protocol() + " " + details.cipherSuite()),
                AuditTexts.cut(detail, AuditTexts.DETAIL));
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the federation event listener failed on " + event, e);
        }
    }
}
