package dev.parley.xmpp.xml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * XML 1.0's {@code Char} production (§2.2): the characters a document may hold at all. The others (most C0 controls,
 * U+FFFE and U+FFFF, unpaired surrogates) have no escape either, so {@link XmlWriter} cannot write a tree that holds
 * one; yet a Java string can, and so can an {@link XmlElement} that a host builds or takes from an XML 1.1 document.
 */
public final class XmlCharacters {

    private XmlCharacters() {
    }

    /** Whether XML 1.0 allows {@code codePoint} in a document. */
    public static boolean isChar(int codePoint) {
        return codePoint == '\t' || codePoint == '\n' || codePoint == '\r'
                || (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /**
     * Checks every name, namespace, attribute and text of {@code element}'s tree, so that a tree {@link XmlWriter}
     * cannot write is refused where it comes from rather than where it would be written. Costs one look at each
     * character, and no recursion, whatever the depth.
     *
     * @throws IllegalArgumentException naming a character XML 1.0 does not allow and where it is
     */
    public static void requireWritable(XmlElement element) {
        Deque<XmlElement> pending = new ArrayDeque<>();
        pending.push(element);
        while (!pending.isEmpty()) {
            XmlElement current = pending.pop();
            int inName = firstNonChar(current.name());
            if (inName >= 0) {
                throw unwritable(current.name(), inName, "an element name");
            }
            require(current.namespace(), "the namespace of", current);
            for (XmlAttribute attribute : current.attributes()) {
                require(attribute.namespace(), "an attribute namespace of", current);
                require(attribute.name(), "an attribute name of", current);
                require(attribute.value(), "attribute '" + attribute.name() + "' of", current);
            }
            for (XmlNode child : current.children()) {
                if (child instanceof XmlElement nested) {
                    pending.push(nested);
                } else if (child instanceof XmlText text) {
                    require(text.text(), "the text of", current);
                }
            }
        }
    }

    /** {@code value} is {@code what} of {@code element}, e.g. "the text of" its {@code <body/>}. */
    private static void require(String value, String what, XmlElement element) {
        int index = firstNonChar(value);
        if (index >= 0) {
            throw unwritable(value, index, what + " <" + element.name() + "/>");
        }
    }

    private static IllegalArgumentException unwritable(String value, int index, String where) {
        return new IllegalArgumentException(String.format("U+%04X in %s cannot be written: XML 1.0 does not allow it",
                value.codePointAt(index), where));
    }

    /** The index of the first character of {@code value} outside {@link #isChar}, or -1 when there is none. */
    private static int firstNonChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                // nearly every character of real stanzas: settled without decoding anything
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (!isChar(c)) {
                return i;
            }
        }
        return -1;
    }
}
