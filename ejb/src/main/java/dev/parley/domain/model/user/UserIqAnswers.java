package dev.parley.domain.model.user;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.stanza.IqAnswers;
import dev.parley.domain.model.stanza.IqRequest;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import java.util.List;
import java.util.Optional;

/**
 * The answers Parley gives on behalf of a local user to IQ requests addressed to the user's bare JID (RFC 6121 §8.5.1):
 * the contact card (XEP-0054 vcard-temp), filtered by {@link Disclosure} for the requester's level; service discovery
 * (XEP-0030: a registered account); ping (XEP-0199). Everything else, every request to an unknown or disabled user and
 * every request to a full JID (local users have no client that answers IQs) gets {@code service-unavailable}, with the
 * same text as any other address, as RFC 6121 §8.5.1 and §8.5.3.1 want.
 */
public final class UserIqAnswers {

    /** What a user's disco#info announces. */
    public static final List<String> FEATURES = List.of(IqAnswers.DISCO_INFO, IqAnswers.DISCO_ITEMS,
            VCardTemp.NAMESPACE, IqAnswers.PING);
    private static final IqAnswers.Identity ACCOUNT = new IqAnswers.Identity("account", "registered",
            Optional.empty());

    private UserIqAnswers() {
    }

    /**
     * @param user      the card of the addressed user when that is an enabled local user; empty otherwise
     * @param toBareJid whether the request names no resource
     * @param level     the requesting domain's effective level
     * @throws IllegalArgumentException when {@code request} is not an IQ {@code get} or {@code set}
     */
    public static StanzaEnvelope answer(StanzaEnvelope request, Optional<ContactCard> user, boolean toBareJid,
            AuthorizationLevel level) {
        IqRequest iq = IqRequest.of(request);
        Optional<ContactCard> seen = user.filter(card -> toBareJid).flatMap(card -> Disclosure.card(card, level));
        if (seen.isEmpty()) {
            return iq.error(StanzaErrorCondition.SERVICE_UNAVAILABLE, IqAnswers.UNAVAILABLE);
        }
        if (!iq.isGet()) {
            // A vCard set would replace the user's card: only the user does that, through Parley.
            return iq.asks("vCard", VCardTemp.NAMESPACE)
                    ? iq.error(StanzaErrorCondition.FORBIDDEN, "only the user changes their own contact card")
                    : iq.error(StanzaErrorCondition.SERVICE_UNAVAILABLE, IqAnswers.UNAVAILABLE);
        }
        if (iq.asks("vCard", VCardTemp.NAMESPACE)) {
            return iq.result(Optional.of(VCardTemp.of(seen.get())));
        }
        if (iq.asks("query", IqAnswers.DISCO_INFO)) {
            return iq.result(Optional.of(IqAnswers.discoInfo(ACCOUNT, FEATURES)));
        }
        if (iq.asks("query", IqAnswers.DISCO_ITEMS)) {
            return iq.result(Optional.of(IqRequest.query(IqAnswers.DISCO_ITEMS)));
        }
        if (iq.asks("ping", IqAnswers.PING)) {
            return iq.result(Optional.empty());
        }
        return iq.error(StanzaErrorCondition.SERVICE_UNAVAILABLE, IqAnswers.UNAVAILABLE);
    }
}
