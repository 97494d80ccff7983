package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a {@link ProxyPolicy} together from the parts it travels in. They come one after another on the link (Parley
 * writes all of a policy's parts at once), so a part out of turn means a broken peer, not a reordering. Confined to
 * the link's thread.
 */
final class PolicyParts {

    /** Far beyond any real set of authorizations; a peer must not make the host collect parts without end. */
    static final int MAX_PARTS = 1_000;

    private XmlElement first;
    private int expected;
    private int taken;
    private final List<DomainPolicy.Rule> rules = new ArrayList<>();

    /**
     * Takes the next part; the whole policy once this was its last part.
     *
     * @throws IllegalArgumentException when the part is malformed or out of turn
     */
    Optional<ProxyPolicy> add(XmlElement part) {
        int number = count(part, "part");
        int parts = count(part, "parts");
        if (parts > MAX_PARTS || number > parts) {
            throw new IllegalArgumentException("policy part " + number + " of " + parts + " is out of bounds");
        }
        if (number == 1) {
            first = part;
            expected = parts;
            rules.clear();
        } else if (first == null || parts != expected || number != taken + 1) {
            throw new IllegalArgumentException("policy part " + number + " of " + parts + " came out of turn");
        }
        rules.addAll(ProxyPolicy.rules(part));
        taken = number;
        if (number < parts) {
            return Optional.empty();
        }
        ProxyPolicy whole = ProxyPolicy.of(first, rules);
        first = null;
        rules.clear();
        return Optional.of(whole);
    }

    private static int count(XmlElement part, String name) {
        String value = LinkElements.required(part, name);
        try {
            int count = Integer.parseInt(value);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Said below, with the value.
        }
        throw new IllegalArgumentException("a policy's '" + name + "' is no positive number: '" + value + "'");
    }
}
