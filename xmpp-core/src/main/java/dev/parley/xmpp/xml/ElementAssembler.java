package dev.parley.xmpp.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds one first-level element from parser events, keeping only the elements still open.
 * Owned by one decoder and so by one channel; not thread-safe.
 */
final class ElementAssembler {

    private final Deque<OpenElement> open = new ArrayDeque<>();

    /** How many elements are open; 0 between stanzas, 1 directly inside a stanza's start tag. */
    int depth() {
        return open.size();
    }

    void start(String name, String namespace, List<XmlAttribute> attributes) {
        OpenElement parent = open.peek();
        if (parent != null) {
            parent.flushText();
        }
        open.push(new OpenElement(name, namespace, attributes));
    }

    void text(String characters) {
        open.element().text(characters);
    }

    /**
     * Closes the innermost element; returns it only when it was the outermost one, i.e. a whole
     * stanza, and null otherwise (not an {@code Optional}: this runs for every end tag).
     */
    XmlElement end() {
        XmlElement element = open.pop().build();
        OpenElement parent = open.peek();
        if (parent == null) {
            return element;
        }
        parent.add(element);
        return null;
    }

    private static final class OpenElement {
        private final String name;
        private final String namespace;
        private final List<XmlAttribute> attributes;
        // most elements of a stanza hold one text or one child, or nothing: no list until needed
        private List<XmlNode> children = List.of();
        // The parser may hand one run of text over in several pieces (one per network read);
        // collecting them keeps a single XmlText per run in the tree. Most runs come in one piece,
        // kept as it is; a builder only for the rest.
        private String text;
        private StringBuilder moreText;

        private OpenElement(String name, String namespace, List<XmlAttribute> attributes) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
        }

        private void text(String characters) {
            if (characters.isEmpty()) {
                return;
            }
            if (text == null) {
                text = characters;
            } else {
                if (moreText == null) {
                    moreText = new StringBuilder(text.length() + characters.length()).append(text);
                }
                moreText.append(characters);
            }
        }

        private void flushText() {
            if (text != null) {
                add(new XmlText(moreText != null ? moreText.toString() : text));
                text = null;
                moreText = null;
            }
        }

        private void add(XmlNode child) {
            if (children.isEmpty()) {
                children = List.of(child);
            } else {
                if (children.size() == 1) {
                    children = new ArrayList<>(children);
                }
                children.add(child);
            }
        }

        private XmlElement build() {
            flushText();
            return new XmlElement(name, namespace, attributes, children);
        }
    }
}
