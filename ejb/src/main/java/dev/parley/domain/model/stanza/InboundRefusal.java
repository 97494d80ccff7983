package dev.parley.domain.model.stanza;

import dev.parley.xmpp.stanza.Bounces;
import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a stanza a remote server sent that the engine accepted but the application cannot take (an IQ
 * without a type, say): {@code bad-request} with the reason, so that the sender learns it was not delivered instead
 * of waiting. The reply leaves the stanza's payload out, which RFC 6120 §8.3.1 allows: the payload may be what made it
 * unacceptable (too large once written again, say). An error stanza gets no answer (§8.3.1).
 */
public final class InboundRefusal {

    private InboundRefusal() {
    }

    /**
     * @param why what the application found wrong, for the sender
     * @return the reply to send back, or empty for an error stanza or one whose reply cannot be a stanza either
     */
    public static Optional<StanzaEnvelope> reply(XmlElement refused, String why) {
        XmlElement withoutPayload = new XmlElement(refused.name(), refused.namespace(), refused.attributes(), List.of());
        return Bounces.reply(withoutPayload, StanzaError.of(StanzaErrorCondition.BAD_REQUEST,
                        "this server could not take the stanza: " + why))
                .flatMap(InboundRefusal::envelope);
    }

    private static Optional<StanzaEnvelope> envelope(XmlElement reply) {
        try {
            return Optional.of(StanzaElements.toEnvelope(reply));
        } catch (InvalidStanzaException e) {
            return Optional.empty();
        }
    }
}
