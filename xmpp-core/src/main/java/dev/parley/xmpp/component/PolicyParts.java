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

    /**
     * 100,000 rules, far beyond any real set of authorizations: a peer must not make the host collect parts without
     * end (each part's domains are bounded by the link's element size limit).
     */
    static final int MAX_PARTS = 500;

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
        int parts = (int) LinkElements.positive(part, "parts", MAX_PARTS);
        int number = (int) LinkElements.positive(part, "part", parts);
        if (number == 1) {
            first = part;
            expected = parts;
            rules.clear();
        } else if (first == null || parts != expected || number != taken + 1) {
            throw new IllegalArgumentException("policy part " + number + " of " + parts + " came out of turn");
        }
        List<DomainPolicy.Rule> partRules = ProxyPolicy.rules(part);
        if (partRules.size() > ProxyPolicy.RULES_PER_PART) {
            throw new IllegalArgumentException("policy part " + number + " holds " + partRules.size()
                    + " rules, more than " + ProxyPolicy.RULES_PER_PART);
        }
        rules.addAll(partRules);
        taken = number;
        if (number < parts) {
            return Optional.empty();
        }
        ProxyPolicy whole = ProxyPolicy.of(first, rules);
        first = null;
        rules.clear();
        return Optional.of(whole);
    }

}
