package dev.parley.xmpp.component;

import static dev.parley.xmpp.component.LinkElements.attribute;
import static dev.parley.xmpp.component.LinkElements.required;

import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What Parley tells the Parley XMPP Proxy about federation, so that the proxy applies it where the S2S streams are:
 * the global TLS policy and which remote domains federate (with their own TLS policies). Travels on the link as
 * {@code <policy xmlns='urn:parley:proxy:0' part='1' parts='3'/>} elements of the link's own, each with at most
 * {@link #RULES_PER_PART} rules so that each stays far below the link's size limit for one element however many
 * authorizations there are; the host applies the policy once it has every part ({@link PolicyParts}). Sent only to a
 * host that declares that namespace in its stream header (a stock XMPP server hosting the component does not, and
 * gets none).
 *
 * @param globalTls the TLS policy for domains without one of their own
 * @param domains   which domains federate
 */
public record ProxyPolicy(TlsPolicy globalTls, DomainPolicy domains) {

    /** The namespace of the link's own elements, and the Parley XMPP Proxy's mark in its stream header. */
    public static final String NAMESPACE = "urn:parley:proxy:0";
    static final String ELEMENT = "policy";
    /** Even with domains of the longest length DNS allows, this many rules take well under the default 256 KiB. */
    static final int RULES_PER_PART = 200;

    public ProxyPolicy {
        Objects.requireNonNull(globalTls, "globalTls");
        Objects.requireNonNull(domains, "domains");
    }

    /** The elements that carry it, in the order they travel; at least one, for a policy without rules. */
    public List<XmlElement> toElements() {
        List<DomainPolicy.Rule> all = domains.rules();
        int parts = Math.max(1, (all.size() + RULES_PER_PART - 1) / RULES_PER_PART);
        List<XmlElement> elements = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            List<XmlNode> rules = new ArrayList<>();
            for (DomainPolicy.Rule rule : all.subList(part * RULES_PER_PART,
                    Math.min(all.size(), (part + 1) * RULES_PER_PART))) {
                rules.add(ruleElement(rule));
            }
            elements.add(new XmlElement(ELEMENT, NAMESPACE, List.of(attribute("tls", globalTls.name()),
                    attribute("blocked-everywhere", String.valueOf(domains.blockedEverywhere())),
                    attribute("part", String.valueOf(part + 1)), attribute("parts", String.valueOf(parts))), rules));
        }
        return elements;
    }

    private static XmlElement ruleElement(DomainPolicy.Rule rule) {
        List<XmlAttribute> attributes = new ArrayList<>(List.of(attribute("domain", rule.domain()),
                attribute("wildcard", String.valueOf(rule.wildcard())),
                attribute("allowed", String.valueOf(rule.allowed()))));
        rule.tlsOverride().ifPresent(tls -> attributes.add(attribute("tls", tls.name())));
        return new XmlElement("rule", NAMESPACE, attributes, List.of());
    }

    /** Whether {@code element} carries a policy. */
    static boolean isPolicy(XmlElement element) {
        return element.namespace().equals(NAMESPACE) && element.name().equals(ELEMENT);
    }

    /**
     * The rules one part of a policy carries.
     *
     * @throws IllegalArgumentException saying what is wrong with them
     */
    static List<DomainPolicy.Rule> rules(XmlElement part) {
        List<DomainPolicy.Rule> rules = new ArrayList<>();
        for (XmlElement rule : part.elements()) {
            if (!rule.namespace().equals(NAMESPACE) || !rule.name().equals("rule")) {
                throw new IllegalArgumentException("a policy holds rules only, not <" + rule.name() + "/>");
            }
            String domain = required(rule, "domain");
            if (domain.isBlank()) {
                throw new IllegalArgumentException("a rule's domain must not be empty");
            }
            rules.add(new DomainPolicy.Rule(domain, bool(rule, "wildcard"), bool(rule, "allowed"),
                    rule.attribute("tls").map(ProxyPolicy::tlsPolicy)));
        }
        return rules;
    }

    /** The policy of {@code first} part's global settings and {@code rules}. */
    static ProxyPolicy of(XmlElement first, List<DomainPolicy.Rule> rules) {
        return new ProxyPolicy(tlsPolicy(required(first, "tls")),
                new DomainPolicy(rules, bool(first, "blocked-everywhere")));
    }

    private static boolean bool(XmlElement element, String name) {
        String value = required(element, name);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("'" + name + "' must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static TlsPolicy tlsPolicy(String name) {
        try {
            return TlsPolicy.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown TLS policy '" + name + "'", e);
        }
    }

    /** For logs: never long, whatever the number of rules. */
    @Override
    public String toString() {
        return "ProxyPolicy[TLS " + globalTls + ", " + domains + "]";
    }
}
