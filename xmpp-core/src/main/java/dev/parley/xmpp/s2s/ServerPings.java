package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stream.StreamIds;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * XEP-0199 pings between servers: the vocabulary, and the pings of ours that still wait for an
 * answer, the keepalive's and those an administrator asked for ({@link RequestedPing}). Server-to-server
 * streams run one way each (RFC 6120 §4.2), so the answer to a ping sent on an outbound stream usually
 * comes back on an inbound one; this is where the two sides meet.
 *
 * <p>A ping nobody waits for any more is still recognised for {@link #LATE_ANSWERS}, so that its late
 * answer is dropped here rather than reaching the host as a stanza nobody asked for.
 *
 * <p>An inbound stream we stopped reading because the host is behind ({@link InboundBacklog}) holds the answers its
 * peer wrote meanwhile: {@link #answersHeldUp} tells the pingers, so that they do not take our own pause for the
 * peer's death, for at most {@link #LATE_ANSWERS} (an answer later than that is dropped anyway).
 */
final class ServerPings {

    static final String NAMESPACE = "urn:xmpp:ping";
    /** How long the answer to an abandoned ping is still taken for ours: beyond any peer that is merely slow. */
    static final Duration LATE_ANSWERS = Duration.ofMinutes(5);

    /** A ping of ours: who it went to, from which local domain, and whom to tell about the answer. */
    private record Pending(String localDomain, String remoteDomain, Consumer<XmlElement> answered) {
    }

    /** A ping given up on ({@code at}, {@link System#nanoTime()}), whose answer may still come. */
    private record Abandoned(String localDomain, String remoteDomain, long at) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Abandoned> abandoned = new ConcurrentHashMap<>();
    /** An inbound stream paused for the host now ({@code resumedAt} empty), or until {@link System#nanoTime()} then. */
    private record Pause(Optional<Long> resumedAt) {

        boolean within(long now, long nanos) {
            return resumedAt.map(resumed -> now - resumed < nanos).orElse(true);
        }
    }

    /** Inbound streams paused for the host now or lately; forgotten {@link #LATE_ANSWERS} after they resumed. */
    private final Map<InboundSession, Pause> pauses = new ConcurrentHashMap<>();

    /** {@code <iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>} from our domain to theirs. */
    static XmlElement request(String from, String to, String id) {
        return new XmlElement("iq", XmppNamespaces.SERVER, List.of(XmlAttribute.of("type", "get"),
                XmlAttribute.of("id", id), XmlAttribute.of("from", Jid.onTheWire(from)),
                XmlAttribute.of("to", Jid.onTheWire(to))),
                List.of(XmlElement.empty("ping", NAMESPACE)));
    }

    /** Whether {@code element} is a ping addressed to a server, not to one of its users or resources. */
    static boolean isServerPing(XmlElement element) {
        if (!isIq(element) || !element.attribute("type").filter("get"::equals).isPresent()) {
            return false;
        }
        List<XmlElement> payload = element.elements();
        return payload.size() == 1 && payload.get(0).name().equals("ping") && payload.get(0).namespace().equals(NAMESPACE)
                && address(element, "to").filter(to -> to.localpart().isEmpty() && to.resourcepart().isEmpty()).isPresent();
    }

    /** The empty {@code result} that answers {@code ping} (XEP-0199 §7). */
    static XmlElement result(XmlElement ping) {
        return new XmlElement("iq", XmppNamespaces.SERVER, List.of(XmlAttribute.of("type", "result"),
                XmlAttribute.of("id", ping.attribute("id").orElse("")),
                XmlAttribute.of("from", Jid.onTheWire(ping.attribute("to").orElseThrow())),
                XmlAttribute.of("to", Jid.onTheWire(ping.attribute("from").orElseThrow()))), List.of());
    }

    /**
     * Remembers a ping about to go out; {@code answered} gets its answer (an iq {@code result} or {@code error})
     * when it arrives, on the I/O thread that read it. Returns its id.
     */
    String register(String localDomain, String remoteDomain, Consumer<XmlElement> answered) {
        long now = System.nanoTime();
        // Swept here, where it costs little: pings are abandoned only when their streams die, so few wait here.
        abandoned.values().removeIf(late -> now - late.at() > LATE_ANSWERS.toNanos());
        String id = "ping-" + StreamIds.next();
        pending.put(id, new Pending(Domains.canonical(localDomain), Domains.canonical(remoteDomain), answered));
        return id;
    }

    /**
     * Nobody waits for the answer any more (the ping timed out, its stream ended, it was never sent): an answer
     * that still comes within {@link #LATE_ANSWERS} is dropped, told to nobody.
     */
    void abandon(String id) {
        Pending ping = pending.remove(id);
        if (ping != null) {
            abandoned.put(id, new Abandoned(ping.localDomain(), ping.remoteDomain(), System.nanoTime()));
        }
    }

    /**
     * Whether {@code element} answers one of our pings: an iq {@code result} or {@code error} (both prove
     * that the peer is alive) with its id, from the domain pinged to the domain that pinged. Tells the
     * pinger, if it still waits, and returns true if so; such an answer is ours and never goes to the host.
     */
    boolean answer(XmlElement element) {
        Optional<String> type = element.attribute("type");
        Optional<String> id = element.attribute("id");
        if (!isIq(element) || type.filter(t -> t.equals("result") || t.equals("error")).isEmpty() || id.isEmpty()) {
            return false;
        }
        Pending ping = pending.get(id.get());
        if (ping != null && answers(element, ping.localDomain(), ping.remoteDomain())
                && pending.remove(id.get(), ping)) {
            ping.answered().accept(element);
            return true;
        }
        Abandoned late = abandoned.get(id.get());
        return late != null && answers(element, late.localDomain(), late.remoteDomain())
                && abandoned.remove(id.get(), late);
    }

    /** {@code stream} is not read ({@code true}) or read again ({@code false}) for the host's sake. */
    void unread(InboundSession stream, boolean paused) {
        long now = System.nanoTime();
        pauses.values().removeIf(pause -> !pause.within(now, LATE_ANSWERS.toNanos()));
        pauses.put(stream, new Pause(paused ? Optional.empty() : Optional.of(now)));
    }

    /**
     * Whether the answer to a ping from {@code localDomain} to {@code remoteDomain}, written {@code askedAt} ({@link
     * System#nanoTime()}) and unanswered for {@code timeout}, may still be on its way: a stream from that peer is
     * paused for the host, or resumed within {@code timeout} and is still reading what waited. The ping's deadline then
     * starts again rather than take the peer for dead; never beyond {@link #LATE_ANSWERS} after the ping.
     */
    boolean answersHeldUp(String localDomain, String remoteDomain, long askedAt, Duration timeout) {
        long now = System.nanoTime();
        if (now - askedAt >= LATE_ANSWERS.toNanos()) {
            return false;
        }
        return pauses.entrySet().stream().anyMatch(pause -> pause.getValue().within(now, timeout.toNanos())
                && pause.getKey().allows(localDomain, remoteDomain));
    }

    /** Whether {@code answer} comes from the domain pinged and goes to the one that pinged. */
    private static boolean answers(XmlElement answer, String localDomain, String remoteDomain) {
        return address(answer, "from").map(Jid::domainpart).filter(remoteDomain::equals).isPresent()
                && address(answer, "to").map(Jid::domainpart).filter(localDomain::equals).isPresent();
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
