package dev.parley.domain.model.stanza;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The answers this server gives to IQ requests addressed to itself: RFC 6120 §8.2.3 wants every {@code get} and
 * {@code set} answered, with a result or an error. The server answers service discovery (XEP-0030: disco#info with
 * its identity and features, disco#items with no items) and XMPP ping (XEP-0199); every other request gets
 * {@code service-unavailable}. The software version (XEP-0092) is not told to strangers. Requests to a user's address
 * are the UC messaging module's to answer.
 */
public final class IqAnswers {

    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String PING = "urn:xmpp:ping";
    /** What the server's disco#info announces it supports. */
    public static final List<String> FEATURES = List.of(DISCO_INFO, DISCO_ITEMS, PING);
    /** The text of every {@code service-unavailable}, the same for every address so that it reveals nothing. */
    public static final String UNAVAILABLE = "no service at this address answers that request";

    /** A disco#info identity (XEP-0030 §3.1): what kind of entity answers. */
    public record Identity(String category, String type, Optional<String> name) {
    }

    private static final Identity SERVER = new Identity("server", "im", Optional.of("Parley"));

    private IqAnswers() {
    }

    /** Whether {@code stanza} is an IQ request to the server itself: no localpart, no resourcepart. */
    public static boolean isForTheServer(StanzaEnvelope stanza) {
        if (!IqRequest.isRequest(stanza)) {
            return false;
        }
        try {
            Jid to = Jid.parse(stanza.to());
            return to.localpart().isEmpty() && to.resourcepart().isEmpty();
        } catch (InvalidJidException e) {
            return false;
        }
    }

    /**
     * The server's answer to {@code request}.
     *
     * @throws IllegalArgumentException when {@code request} is not an IQ {@code get} or {@code set}
     */
    public static StanzaEnvelope answer(StanzaEnvelope request) {
        IqRequest iq = IqRequest.of(request);
        if (iq.isGet() && iq.asks("query", DISCO_INFO)) {
            return iq.result(Optional.of(discoInfo(SERVER, FEATURES)));
        }
        if (iq.isGet() && iq.asks("query", DISCO_ITEMS)) {
            return iq.result(Optional.of(IqRequest.query(DISCO_ITEMS)));
        }
        if (iq.isGet() && iq.asks("ping", PING)) {
            return iq.result(Optional.empty());
        }
        return iq.error(StanzaErrorCondition.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }

    /** A disco#info answer: one identity and the features. */
    public static Document discoInfo(Identity identity, List<String> features) {
        Document document = IqRequest.query(DISCO_INFO);
        Element query = document.getDocumentElement();
        Element element = document.createElementNS(DISCO_INFO, "identity");
        element.setAttribute("category", identity.category());
        element.setAttribute("type", identity.type());
        identity.name().ifPresent(name -> element.setAttribute("name", name));
        query.appendChild(element);
        for (String feature : features) {
            Element var = document.createElementNS(DISCO_INFO, "feature");
            var.setAttribute("var", feature);
            query.appendChild(var);
        }
        return document;
    }
}
