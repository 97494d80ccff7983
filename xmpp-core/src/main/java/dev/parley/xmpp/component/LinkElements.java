package dev.parley.xmpp.component;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;

/** Reading and writing the attributes of the link's own elements ({@link ProxyPolicy}, {@link ProxyReports}). */
final class LinkElements {

    private LinkElements() {
    }

    static XmlAttribute attribute(String name, String value) {
        return new XmlAttribute("", name, value);
    }

    /** @throws IllegalArgumentException naming the element and the attribute it lacks */
    static String required(XmlElement element, String name) {
        return element.attribute(name).orElseThrow(() -> new IllegalArgumentException("<" + element.name()
                + "/> lacks '" + name + "'"));
    }
}
