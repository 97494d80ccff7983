package dev.parley.xmpp.sasl;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * SASL EXTERNAL between servers (RFC 6120 §6, XEP-0178): the mechanisms feature, the initiating
 * server's {@code <auth/>} and the receiving server's answers. The authorization identity is the
 * initiating domain, sent base64-encoded, or {@code =} for "the one in the stream header".
 */
public final class SaslExternal {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-sasl";
    public static final String MECHANISM = "EXTERNAL";
    /** RFC 6120 §6.4.2: an empty initial response. */
    private static final String EMPTY = "=";

    private SaslExternal() {
    }

    /** {@code <mechanisms><mechanism>EXTERNAL</mechanism></mechanisms>}. */
    public static XmlElement feature() {
        return new XmlElement("mechanisms", NAMESPACE, List.of(),
                List.of(new XmlElement("mechanism", NAMESPACE, List.of(), List.of(new XmlText(MECHANISM)))));
    }

    /** Whether {@code features} offer the EXTERNAL mechanism. */
    public static boolean offered(XmlElement features) {
        return features.elements().stream()
                .filter(feature -> is(feature, "mechanisms"))
                .flatMap(mechanisms -> mechanisms.elements().stream())
                .anyMatch(mechanism -> mechanism.name().equals("mechanism") && mechanism.text().trim().equals(MECHANISM));
    }

    /** The initiating server's request, naming {@code domain} as authorization identity. */
    public static XmlElement auth(String domain) {
        return new XmlElement("auth", NAMESPACE, List.of(XmlAttribute.of("mechanism", MECHANISM)),
                List.of(new XmlText(Base64.getEncoder().encodeToString(Jid.onTheWire(domain).getBytes(StandardCharsets.UTF_8)))));
    }

    /**
     * The authorization identity of an {@code <auth/>}: empty for {@code =} or no text (the header's
     * {@code from} applies), the decoded domain otherwise.
     *
     * @throws IllegalArgumentException when the text is not base64
     */
    public static Optional<String> authorizationIdentity(XmlElement auth) {
        String text = auth.text().trim();
        if (text.isEmpty() || text.equals(EMPTY)) {
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    }

    public static XmlElement success() {
        return XmlElement.empty("success", NAMESPACE);
    }

    /** {@code <failure><condition/></failure>} with a condition of RFC 6120 §6.5 such as {@code not-authorized}. */
    public static XmlElement failure(String condition, String text) {
        return new XmlElement("failure", NAMESPACE, List.of(), List.of(XmlElement.empty(condition, NAMESPACE),
                new XmlElement("text", NAMESPACE, List.of(), List.of(new XmlText(text)))));
    }

    /** Whether {@code element} is {@code name} in the SASL namespace. */
    public static boolean is(XmlElement element, String name) {
        return element.namespace().equals(NAMESPACE) && element.name().equals(name);
    }
}
