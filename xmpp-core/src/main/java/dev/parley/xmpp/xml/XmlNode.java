package dev.parley.xmpp.xml;

/**
 * A child of an {@link XmlElement}: either a nested element or character data.
 * Sealed so that consumers can switch over the two kinds exhaustively.
 */
public sealed interface XmlNode permits XmlElement, XmlText {
}
