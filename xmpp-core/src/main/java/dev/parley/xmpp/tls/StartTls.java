package dev.parley.xmpp.tls;

import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Optional;

/** The STARTTLS vocabulary of RFC 6120 §5: the feature, the request and the two answers. */
public final class StartTls {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-tls";

    private StartTls() {
    }

    /** {@code <starttls/>} as a stream feature, with {@code <required/>} when nothing else may be negotiated first. */
    public static XmlElement feature(boolean required) {
        return new XmlElement("starttls", NAMESPACE, List.of(),
                required ? List.of(XmlElement.empty("required", NAMESPACE)) : List.of());
    }

    /** The initiating entity's request, which is also the feature's element. */
    public static XmlElement request() {
        return XmlElement.empty("starttls", NAMESPACE);
    }

    public static XmlElement proceed() {
        return XmlElement.empty("proceed", NAMESPACE);
    }

    public static XmlElement failure() {
        return XmlElement.empty("failure", NAMESPACE);
    }

    /** Whether {@code element} is {@code name} in the STARTTLS namespace. */
    public static boolean is(XmlElement element, String name) {
        return element.namespace().equals(NAMESPACE) && element.name().equals(name);
    }

    /** The STARTTLS feature among {@code features}' children, if offered. */
    public static Optional<XmlElement> offered(XmlElement features) {
        return features.elements().stream().filter(feature -> is(feature, "starttls")).findFirst();
    }

    /** Whether an offered feature says the peer requires TLS. */
    public static boolean required(XmlElement feature) {
        return feature.elements().stream().anyMatch(child -> child.name().equals("required"));
    }
}
