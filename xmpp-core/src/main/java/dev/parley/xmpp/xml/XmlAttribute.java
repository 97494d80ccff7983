package dev.parley.xmpp.xml;

import java.util.Objects;

/**
 * One attribute of an element.
 *
 * @param namespace the attribute's namespace URI, empty for the usual unprefixed attribute
 *                  ({@link #XML_NAMESPACE} for {@code xml:lang})
 * @param name      the local name
 * @param value     the value, already unescaped
 */
public record XmlAttribute(String namespace, String name, String value) {

    /** The namespace bound to the reserved {@code xml} prefix, used by {@code xml:lang}. */
    public static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    public XmlAttribute {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** An attribute in no namespace, the common case in XMPP ({@code to}, {@code from}, {@code type}). */
    public static XmlAttribute of(String name, String value) {
        return new XmlAttribute("", name, value);
    }
}
