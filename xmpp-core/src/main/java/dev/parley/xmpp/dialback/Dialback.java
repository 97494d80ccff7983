package dev.parley.xmpp.dialback;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements of Server Dialback (XEP-0220). Requests carry a key and no type; answers carry a
 * type and no key. {@code from} and {@code to} always name the domains as seen by the sender.
 */
public final class Dialback {

    /** The namespace of {@code db:result} and {@code db:verify}, bound to {@code db} on S2S streams. */
    public static final String NAMESPACE = "jabber:server:dialback";
    /** The namespace of the stream feature that advertises dialback. */
    public static final String FEATURE_NAMESPACE = "urn:xmpp:features:dialback";
    /** The prefix servers conventionally bind {@link #NAMESPACE} to in their stream header. */
    public static final String PREFIX = "db";

    private static final String RESULT = "result";
    private static final String VERIFY = "verify";

    private Dialback() {
    }

    /**
     * {@code <dialback><errors/></dialback>}: dialback is offered, and failures are reported as
     * dialback errors rather than stream errors (XEP-0220 §2.4).
     */
    public static XmlElement feature() {
        return new XmlElement("dialback", FEATURE_NAMESPACE, List.of(),
                List.of(XmlElement.empty("errors", FEATURE_NAMESPACE)));
    }

    /** The initiating server's request: authorise stanzas from {@code from} to {@code to}. */
    public static XmlElement resultRequest(String from, String to, String key) {
        return new XmlElement(RESULT, NAMESPACE, addresses(from, to), List.of(new XmlText(key)));
    }

    /** The receiving server's answer to a {@code db:result} request, valid or invalid. */
    public static XmlElement resultAnswer(String from, String to, DialbackType type) {
        return new XmlElement(RESULT, NAMESPACE, answerAttributes(from, to, null, type), List.of());
    }

    /** The receiving server's {@code type='error'} answer with a stanza error condition. */
    public static XmlElement resultError(String from, String to, StanzaErrorCondition condition) {
        return new XmlElement(RESULT, NAMESPACE, answerAttributes(from, to, null, DialbackType.ERROR),
                List.of(errorChild(condition)));
    }

    /** The receiving server asks the authoritative server whether {@code key} is genuine. */
    public static XmlElement verifyRequest(String from, String to, String streamId, String key) {
        List<XmlAttribute> attributes = new ArrayList<>(addresses(from, to));
        attributes.add(XmlAttribute.of("id", streamId));
        return new XmlElement(VERIFY, NAMESPACE, attributes, List.of(new XmlText(key)));
    }

    /** The authoritative server's answer to a {@code db:verify} request. */
    public static XmlElement verifyAnswer(String from, String to, String streamId, DialbackType type) {
        return new XmlElement(VERIFY, NAMESPACE, answerAttributes(from, to, streamId, type), List.of());
    }

    /** The authoritative server's {@code type='error'} answer to a {@code db:verify} request. */
    public static XmlElement verifyError(String from, String to, String streamId, StanzaErrorCondition condition) {
        return new XmlElement(VERIFY, NAMESPACE, answerAttributes(from, to, streamId, DialbackType.ERROR),
                List.of(errorChild(condition)));
    }

    public static boolean isResult(XmlElement element) {
        return element.namespace().equals(NAMESPACE) && element.name().equals(RESULT);
    }

    public static boolean isVerify(XmlElement element) {
        return element.namespace().equals(NAMESPACE) && element.name().equals(VERIFY);
    }

    private static List<XmlAttribute> answerAttributes(String from, String to, String streamId, DialbackType type) {
        List<XmlAttribute> attributes = new ArrayList<>(4);
        attributes.addAll(addresses(from, to));
        if (streamId != null) {
            attributes.add(XmlAttribute.of("id", streamId));
        }
        attributes.add(XmlAttribute.of("type", type.xmlValue()));
        return attributes;
    }

    /** The domains as XMPP addresses carry them: an internationalized one in U-labels (RFC 7622 §3.2). */
    private static List<XmlAttribute> addresses(String from, String to) {
        return List.of(XmlAttribute.of("from", Jid.onTheWire(from)), XmlAttribute.of("to", Jid.onTheWire(to)));
    }

    private static XmlElement errorChild(StanzaErrorCondition condition) {
        // Inside a dialback element the error takes the stream's content namespace, like a stanza error.
        return new XmlElement("error", "jabber:server", List.of(XmlAttribute.of("type", condition.defaultType().xmlValue())),
                List.of(XmlElement.empty(condition.elementName(), StanzaErrorCondition.NAMESPACE)));
    }
}
