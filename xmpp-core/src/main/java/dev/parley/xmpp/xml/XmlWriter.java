package dev.parley.xmpp.xml;

/**
 * Renders {@link XmlElement}s as XML text that any conforming parser reads back to the same tree:
 * every text and attribute value escaped, every namespace declared where it first differs from
 * the surrounding {@link NamespaceScope}. Never emits comments, DTDs or processing instructions,
 * so the output stays within XMPP's restricted XML (RFC 6120 §11.1).
 */
public final class XmlWriter {

    private XmlWriter() {
    }

    /** The element as XML text, for writing into a stream whose declarations are {@code scope}. */
    public static String write(XmlElement element, NamespaceScope scope) {
        // Most stanzas fit: a builder that starts at 16 characters copies itself five times on the way to a message.
        StringBuilder out = new StringBuilder(512);
        write(element, scope, out);
        return out.toString();
    }

    private static void write(XmlElement element, NamespaceScope scope, StringBuilder out) {
        String prefix = scope.prefixes().get(element.namespace());
        NamespaceScope inner = scope;
        String qualifiedName;
        String declaration = "";
        if (element.namespace().equals(scope.defaultNamespace()) || prefix == null) {
            qualifiedName = element.name();
            if (!element.namespace().equals(scope.defaultNamespace())) {
                declaration = " xmlns='" + escapeAttribute(element.namespace()) + "'";
                inner = scope.withDefault(element.namespace());
            }
        } else {
            qualifiedName = prefix + ':' + element.name();
        }
        out.append('<').append(qualifiedName).append(declaration);
        int generated = 0;
        for (XmlAttribute attribute : element.attributes()) {
            out.append(' ');
            if (attribute.namespace().equals(XmlAttribute.XML_NAMESPACE)) {
                out.append("xml:");
            } else if (!attribute.namespace().isEmpty()) {
                String attributePrefix = scope.prefixes().get(attribute.namespace());
                if (attributePrefix == null) {
                    // Unprefixed attributes are in no namespace, so a namespaced one needs a prefix
                    // of its own; declared on this element only, which is always correct.
                    attributePrefix = "a" + generated++;
                    out.append("xmlns:").append(attributePrefix).append("='");
                    escape(attribute.namespace(), true, out);
                    out.append("' ");
                }
                out.append(attributePrefix).append(':');
            }
            out.append(attribute.name()).append("='");
            escape(attribute.value(), true, out);
            out.append('\'');
        }
        if (element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (XmlNode child : element.children()) {
            if (child instanceof XmlElement nested) {
                write(nested, inner, out);
            } else if (child instanceof XmlText text) {
                escape(text.text(), false, out);
            }
        }
        out.append("</").append(qualifiedName).append('>');
    }

    /** Character data with {@code & < > " '} escaped, and CR kept (a parser would turn it into LF). */
    public static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, false, out);
        return out.toString();
    }

    /**
     * An attribute value with {@code & < > " '} escaped, and tab, CR and LF as character references,
     * since a parser would otherwise normalise them to spaces.
     */
    public static String escapeAttribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        escape(value, true, out);
        return out.toString();
    }

    /** Appends {@code value} escaped; in one piece when nothing in it needs a second look, as in most values. */
    private static void escape(String value, boolean attribute, StringBuilder out) {
        if (plain(value)) {
            out.append(value);
            return;
        }
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (!XmlCharacters.isChar(c)) {
                        // No escape exists for these in XML 1.0; writing them would break the stream.
                        throw new IllegalArgumentException(String.format("U+%04X cannot appear in XML", c));
                    }
                    out.appendCodePoint(c);
                }
            }
        });
    }

    /** Whether every character is one written as it is: no markup, no white space but the space, no surrogate. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean asIs = c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\''
                    || c >= 0xE000 && c <= 0xFFFD;
            if (!asIs) {
                return false;
            }
        }
        return true;
    }
}
