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
 * {@code <policy xmlns='urn:parley:proxy:0'/>}, an element of the link's own, sent only to a host that declares that
 * namespace in its stream header (a stock XMPP server hosting the component does not, and gets none).
 *
 * @param globalTls the TLS policy for domains without one of their own
 * @param domains   which domains federate
 */
public record ProxyPolicy(TlsPolicy globalTls, DomainPolicy domains) {

    /** The namespace of the link's own elements, and the Parley XMPP Proxy's mark in its stream header. */
    public static final String NAMESPACE = "urn:parley:proxy:0";
    static final String ELEMENT = "policy";

    public ProxyPolicy {
        Objects.requireNonNull(globalTls, "globalTls");
        Objects.requireNonNull(domains, "domains");
    }

    /** The element that carries it. */
    public XmlElement toElement() {
        List<XmlNode> rules = new ArrayList<>(domains.rules().size());
        for (DomainPolicy.Rule rule : domains.rules()) {
            List<XmlAttribute> attributes = new ArrayList<>(List.of(attribute("domain", rule.domain()),
                    attribute("wildcard", String.valueOf(rule.wildcard())),
                    attribute("allowed", String.valueOf(rule.allowed()))));
            rule.tlsOverride().ifPresent(tls -> attributes.add(attribute("tls", tls.name())));
            rules.add(new XmlElement("rule", NAMESPACE, attributes, List.of()));
        }
        return new XmlElement(ELEMENT, NAMESPACE, List.of(attribute("tls", globalTls.name()),
                attribute("blocked-everywhere", String.valueOf(domains.blockedEverywhere()))), rules);
    }

    /** Whether {@code element} carries a policy. */
    static boolean isPolicy(XmlElement element) {
        return element.namespace().equals(NAMESPACE) && element.name().equals(ELEMENT);
    }

    /**
     * Reads the policy {@code element} carries.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static ProxyPolicy read(XmlElement element) {
        if (!isPolicy(element)) {
            throw new IllegalArgumentException("not a policy: <" + element.name() + "/> in " + element.namespace());
        }
        List<DomainPolicy.Rule> rules = new ArrayList<>();
        for (XmlElement rule : element.elements()) {
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
        return new ProxyPolicy(tlsPolicy(required(element, "tls")),
                new DomainPolicy(rules, bool(element, "blocked-everywhere")));
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
