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

    /** @throws IllegalArgumentException when the attribute is missing or not a number from 1 to {@code highest} */
    static long positive(XmlElement element, String name, long highest) {
        String value = required(element, name);
        try {
            long number = Long.parseLong(value);
            if (number >= 1 && number <= highest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below, with the value.
        }
        throw new IllegalArgumentException("<" + element.name() + "/>'s '" + name + "' must be a number from 1 to "
                + highest + ", not '" + value + "'");
    }

    /** @throws IllegalArgumentException naming the element and the attribute it lacks */
    static String required(XmlElement element, String name) {
        return element.attribute(name).orElseThrow(() -> new IllegalArgumentException("<" + element.name()
                + "/> lacks '" + name + "'"));
    }
}
