package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stream.StreamIds;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * XEP-0199 pings between servers: the vocabulary, and the pings of ours that still wait for an
 * answer. Server-to-server streams run one way each (RFC 6120 §4.2), so the answer to a ping sent on
 * an outbound stream usually comes back on an inbound one; this is where the two sides meet.
 */
final class ServerPings {

    static final String NAMESPACE = "urn:xmpp:ping";

    /** A ping of ours: who it went to, from which local domain, and whom to tell about the answer. */
    private record Pending(String localDomain, String remoteDomain, Runnable answered) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** {@code <iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>} from our domain to theirs. */
    static XmlElement request(String from, String to, String id) {
        return new XmlElement("iq", XmppNamespaces.SERVER, List.of(XmlAttribute.of("type", "get"),
                XmlAttribute.of("id", id), XmlAttribute.of("from", from), XmlAttribute.of("to", to)),
                List.of(XmlElement.empty("ping", NAMESPACE)));
    }

    /** Whether {@code element} is a ping addressed to a server, not to one of its users or resources. */
    static boolean isServerPing(XmlElement element) {
        return isIq(element) && element.attribute("type").filter("get"::equals).isPresent()
                && element.elements().size() == 1
                && element.elements().get(0).name().equals("ping")
                && element.elements().get(0).namespace().equals(NAMESPACE)
                && address(element, "to").filter(to -> to.localpart().isEmpty() && to.resourcepart().isEmpty()).isPresent();
    }

    /** The empty {@code result} that answers {@code ping} (XEP-0199 §7). */
    static XmlElement result(XmlElement ping) {
        return new XmlElement("iq", XmppNamespaces.SERVER, List.of(XmlAttribute.of("type", "result"),
                XmlAttribute.of("id", ping.attribute("id").orElse("")),
                XmlAttribute.of("from", ping.attribute("to").orElseThrow()),
                XmlAttribute.of("to", ping.attribute("from").orElseThrow())), List.of());
    }

    /** Remembers a ping about to go out; {@code answered} runs when its answer arrives. Returns its id. */
    String register(String localDomain, String remoteDomain, Runnable answered) {
        String id = "ping-" + StreamIds.next();
        pending.put(id, new Pending(Domains.canonical(localDomain), Domains.canonical(remoteDomain), answered));
        return id;
    }

    /** The ping timed out or its stream ended: a late answer is then an ordinary stanza no longer. */
    void forget(String id) {
        pending.remove(id);
    }

    /**
     * Whether {@code element} answers one of our pings: an iq {@code result} or {@code error} (both prove
     * that the peer is alive) with its id, from the domain pinged to the domain that pinged. Tells the
     * pinger and returns true if so; such an answer is ours and never goes to the host.
     */
    boolean answer(XmlElement element) {
        Optional<String> type = element.attribute("type");
        if (!isIq(element) || type.filter(t -> t.equals("result") || t.equals("error")).isEmpty()) {
            return false;
        }
        Optional<String> id = element.attribute("id");
        Pending ping = id.map(pending::get).orElse(null);
        if (ping == null
                || !address(element, "from").map(Jid::domainpart).filter(ping.remoteDomain()::equals).isPresent()
                || !address(element, "to").map(Jid::domainpart).filter(ping.localDomain()::equals).isPresent()
                || !pending.remove(id.get(), ping)) {
            return false;
        }
        ping.answered().run();
        return true;
    }

    /** The attribute as a JID; empty when absent or malformed, which the stanza gate deals with. */
    private static Optional<Jid> address(XmlElement element, String attribute) {
        try {
            return element.attribute(attribute).map(Jid::parse);
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }

    private static boolean isIq(XmlElement element) {
        return element.namespace().equals(XmppNamespaces.SERVER) && element.name().equals("iq");
    }
}
