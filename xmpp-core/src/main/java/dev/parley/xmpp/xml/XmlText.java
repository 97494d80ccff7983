package dev.parley.xmpp.xml;

import java.util.Objects;

/**
 * Character data inside an element, already unescaped (CDATA sections arrive here as plain text).
 *
 * @param text the characters, never null
 */
public record XmlText(String text) implements XmlNode {

    public XmlText {
        Objects.requireNonNull(text, "text");
    }
}
