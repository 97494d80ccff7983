package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;
import java.util.List;
import java.util.Locale;

/**
 * What a Parley XMPP Proxy tells Parley about each stanza Parley sent on the link, so that Parley lets go of it only
 * once it is written to the remote server (or knows why it cannot be):
 * {@code <verdict xmlns='urn:parley:proxy:0' n='5' acknowledged='true'/>} when the remote server confirmed it,
 * without {@code acknowledged} for written without a receipt, {@code condition='remote-server-not-found'} with the
 * reason as text for bounced. {@code n} is the number the stanza travelled with ({@link NumberedStanzas}).
 */
final class Verdicts {

    static final String ELEMENT = "verdict";
    private static final String ACKNOWLEDGED = "acknowledged";

    private Verdicts() {
    }

    static XmlElement of(long number, Delivery delivery) {
        XmlAttribute n = new XmlAttribute("", "n", Long.toString(number));
        if (delivery instanceof Delivery.Bounced bounced) {
            return new XmlElement(ELEMENT, ProxyPolicy.NAMESPACE, List.of(n,
                    new XmlAttribute("", "condition", bounced.condition().elementName())),
                    List.of(new XmlText(bounced.text())));
        }
        if (delivery instanceof Delivery.Acknowledged) {
            return new XmlElement(ELEMENT, ProxyPolicy.NAMESPACE, List.of(n, new XmlAttribute("", ACKNOWLEDGED, "true")),
                    List.of());
        }
        return new XmlElement(ELEMENT, ProxyPolicy.NAMESPACE, List.of(n), List.of());
    }

    static boolean isVerdict(XmlElement element) {
        return element.namespace().equals(ProxyPolicy.NAMESPACE) && element.name().equals(ELEMENT);
    }

    /** @throws IllegalArgumentException when {@code n} is missing or not a positive number */
    static long number(XmlElement verdict) {
        return LinkElements.positive(verdict, "n", Long.MAX_VALUE);
    }

    /** @throws IllegalArgumentException when the condition is none RFC 6120 defines */
    static Delivery delivery(XmlElement verdict) {
        if (verdict.attribute("condition").isPresent()) {
            return new Delivery.Bounced(condition(verdict.attribute("condition").get()), verdict.text());
        }
        return verdict.attribute(ACKNOWLEDGED).filter("true"::equals).isPresent()
                ? new Delivery.Acknowledged() : new Delivery.Written();
    }

    private static StanzaErrorCondition condition(String name) {
        for (StanzaErrorCondition condition : StanzaErrorCondition.values()) {
            if (condition.elementName().equals(name.toLowerCase(Locale.ROOT))) {
                return condition;
            }
        }
        throw new IllegalArgumentException("unknown stanza error condition '" + name + "'");
    }
}
