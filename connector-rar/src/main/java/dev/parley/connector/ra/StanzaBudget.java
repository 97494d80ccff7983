package dev.parley.connector.ra;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlText;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much stanza text may wait for the application in all: lanes are bounded by count, but
 * stanzas may be up to the engine's size limit each, so count alone would let authenticated peers
 * park gigabytes while the MDB is slow or away.
 */
final class StanzaBudget {

    private final long maxChars;
    private final AtomicLong used = new AtomicLong();

    StanzaBudget(long maxChars) {
        this.maxChars = maxChars;
    }

    /** Reserves room for {@code stanza}; false, and nothing reserved, when it does not fit. */
    boolean take(XmlElement stanza) {
        long size = chars(stanza);
        long after = used.addAndGet(size);
        if (after > maxChars) {
            used.addAndGet(-size);
            return false;
        }
        return true;
    }

    /** Gives back what {@link #take} reserved for {@code stanza}. */
    void release(XmlElement stanza) {
        used.addAndGet(-chars(stanza));
    }

    long used() {
        return used.get();
    }

    /** The characters of names, attribute values and text: close to the stanza's size as XML, and deterministic. */
    static long chars(XmlElement element) {
        long total = element.name().length() + element.namespace().length();
        for (XmlAttribute attribute : element.attributes()) {
            total += attribute.name().length() + attribute.value().length();
        }
        for (XmlNode child : element.children()) {
            total += child instanceof XmlElement inner ? chars(inner) : ((XmlText) child).text().length();
        }
        return total;
    }
}
