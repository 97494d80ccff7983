package dev.parley.xmpp.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

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
        open.element().text.append(characters);
    }

    /** Closes the innermost element; returns it only when it was the outermost one, i.e. a whole stanza. */
    Optional<XmlElement> end() {
        XmlElement element = open.pop().build();
        OpenElement parent = open.peek();
        if (parent == null) {
            return Optional.of(element);
        }
        parent.children.add(element);
        return Optional.empty();
    }

    private static final class OpenElement {
        private final String name;
        private final String namespace;
        private final List<XmlAttribute> attributes;
        private final List<XmlNode> children = new ArrayList<>();
        // The parser may hand one run of text over in several pieces (one per network read);
        // collecting them here keeps a single XmlText per run in the tree.
        private final StringBuilder text = new StringBuilder();

        private OpenElement(String name, String namespace, List<XmlAttribute> attributes) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
        }

        private void flushText() {
            if (!text.isEmpty()) {
                children.add(new XmlText(text.toString()));
                text.setLength(0);
            }
        }

        private XmlElement build() {
            flushText();
            return new XmlElement(name, namespace, attributes, children);
        }
    }
}
