package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.stream.StreamIds;
import dev.parley.xmpp.xml.XmlElement;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one link a listener keeps up, and what travels on it beyond any one connection. A newly authenticated link
 * replaces the one before (a component that reconnects after a half-dead connection must not wait for the old one to
 * time out), which ends with {@code conflict}. Stanzas for the component wait in order in an outbox until it
 * acknowledges them, across links; stanzas from it are taken once by their numbers ({@link NumberedStanzas}).
 */
final class ComponentLinks {

    /** A component out of reach must not make the host keep an ever longer list of stanzas in memory. */
    static final int MAX_WAITING = 10_000;
    static final long MAX_WAITING_CHARS = 64L * 1024 * 1024;

    private final ComponentHost host;
    private final Clock clock;
    private final Duration maxWait;
    /** Names this run of the host: the numbers of its stanzas mean something only within it. */
    private final String instance = StreamIds.next();
    private final AtomicReference<ComponentLink> current = new AtomicReference<>();
    private final AtomicLong linksSoFar = new AtomicLong();
    private final LinkOutbox outbox = new LinkOutbox(MAX_WAITING, MAX_WAITING_CHARS);
    // The component writes again only what it has no verdict for, and holds at most that many (ComponentClient).
    private final TakenStanzas taken = new TakenStanzas(2 * ComponentClient.MAX_WAITING);

    ComponentLinks(ComponentHost host, Clock clock, Duration maxWait) {
        this.host = host;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    String instance() {
        return instance;
    }

    long nextLinkNumber() {
        return linksSoFar.incrementAndGet();
    }

    Optional<ComponentLink> current() {
        return Optional.ofNullable(current.get());
    }

    void up(ComponentLink link) {
        ComponentLink replaced = current.getAndSet(link);
        if (replaced != null) {
            replaced.end(StreamError.of(StreamErrorCondition.CONFLICT, "replaced by a new link from "
                    + link.remoteAddress()));
        }
        host.linkUp(link);
        // First what waited for a link, then what comes: the outbox keeps them in the order they were given.
        link.flush(outbox, this::written);
    }

    /** See {@link ComponentListener#send}. */
    boolean send(XmlElement stanza, Consumer<Delivery> fate) {
        if (outbox.add(ComponentStreams.write(stanza), clock.instant(), maxWait, fate).isEmpty()) {
            return false;
        }
        current().ifPresent(link -> link.flush(outbox, this::written));
        return true;
    }

    /**
     * The component, a Parley, names its run on {@code link}: numbers it sent before under another name mean nothing
     * any more.
     */
    void componentInstance(ComponentLink link, String named) {
        link.named(named);
        taken.instance(named);
    }

    /**
     * Stanza {@code number} from the component on {@code link}: handed to the host once, however often it comes; its
     * verdict goes to whichever link is up when the fate is known (the one it came on may have been cut meanwhile).
     */
    void stanza(ComponentLink link, long number, XmlElement stanza) {
        String from = link.instance();
        if (link.ended() || !taken.isCurrent(from)) {
            // A link that was replaced, still being read while it closes: its component sends this again on the link
            // it holds now, where its number means what it meant when it was written.
            return;
        }
        Optional<CompletionStage<Delivery>> known = taken.fate(number);
        if (known.isPresent()) {
            known.get().thenAccept(delivery -> verdict(from, number, delivery));
            return;
        }
        Optional<CompletionStage<Delivery>> fate = host.stanza(link, stanza);
        if (fate.isEmpty()) {
            // Not taken: the component still holds it, and writes it again on its next link.
            return;
        }
        CompletionStage<Delivery> settled = fate.get().handle((delivery, failure) -> failure == null ? delivery
                : new Delivery.Bounced(StanzaErrorCondition.INTERNAL_SERVER_ERROR, "the host failed on it"));
        taken.taken(number, settled);
        settled.thenAccept(delivery -> verdict(from, number, delivery));
    }

    /**
     * A stanza from a component that numbers none: handed to the host, which cannot tell it what became of it; one
     * the host does not take now goes back to the component as an error.
     */
    void unnumbered(ComponentLink link, XmlElement stanza, Consumer<XmlElement> returnToComponent) {
        if (host.stanza(link, stanza).isEmpty()) {
            returnToComponent.accept(stanza);
        }
    }

    /** The component acknowledged, in order, every stanza up to {@code number}. */
    void acknowledged(long number) {
        Delivery written = new Delivery.Written();
        outbox.acknowledgedUpTo(number).forEach(entry -> entry.fate.accept(written));
    }

    private void written(long number) {
        outbox.acknowledged(number, new Delivery.Written());
    }

    /** To the run of the component the stanza came from: another numbers its own stanzas alike. */
    private void verdict(String instance, long number, Delivery delivery) {
        current().filter(link -> link.instance().equals(instance)).ifPresent(link -> link.verdict(number, delivery));
    }

    /** A numbering component takes a silent link for dead: whitespace tells it this one is alive. */
    void keepAlive() {
        current().ifPresent(ComponentLink::keepAlive);
    }

    /** What waited for a link longer than it was given goes back to its sender. */
    void expire() {
        List<LinkOutbox.Entry> late = outbox.expired(clock.instant());
        if (!late.isEmpty()) {
            Delivery notLinked = new Delivery.Bounced(StanzaErrorCondition.SERVICE_UNAVAILABLE, "the component was not"
                    + " linked within " + maxWait.toSeconds() + " s");
            late.forEach(entry -> entry.fate.accept(notLinked));
        }
    }

    /** Stanzas for the component not acknowledged yet. */
    int waiting() {
        return outbox.size();
    }

    /** Everything that still waits goes back to its sender: the host is stopping. */
    void drain() {
        Delivery stopping = new Delivery.Bounced(StanzaErrorCondition.SERVICE_UNAVAILABLE, "the host is stopping");
        outbox.drain().forEach(entry -> entry.fate.accept(stopping));
    }

    void policy(ComponentLink link, ProxyPolicy policy) {
        host.policy(link, policy);
    }

    void closeSession(ComponentLink link, String id) {
        host.closeSession(link, id);
    }

    void down(ComponentLink link) {
        current.compareAndSet(link, null);
        host.linkDown(link, link.endReason());
    }

    void refused(SocketAddress peer, String reason) {
        host.refused(peer, reason);
    }
}
