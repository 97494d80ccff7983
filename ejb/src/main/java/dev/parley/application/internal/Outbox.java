package dev.parley.application.internal;

import dev.parley.application.ServedDomain;
import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Where a stanza Parley sends for a local user goes, and how much its recipient may see: a stanza for another local
 * user stays here (the UC messaging module's queue), every other one leaves through the federation's queue, where
 * routing applies the authorizations.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ServedDomain servedDomain;

    @Inject
    StanzaQueues queues;

    @Inject
    RoutingConfiguration configuration;

    void send(StanzaEnvelope stanza) {
        if (isLocal(stanza.to())) {
            queues.toLocalUsers(stanza);
        } else {
            queues.toFederation(stanza);
        }
    }

    /** The level {@code domain}'s users see local users at: PERSONAL for local users, else its authorization's. */
    AuthorizationLevel levelFor(String domain) {
        return servedDomain.isServed(domain) ? AuthorizationLevel.PERSONAL
                : configuration.current().authorizations().levelFor(domain);
    }

    private boolean isLocal(String address) {
        return jid(address).map(jid -> servedDomain.isServed(jid.domainpart())).orElse(false);
    }

    static Optional<Jid> jid(String address) {
        try {
            return Optional.ofNullable(address).map(Jid::parse);
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }
}
