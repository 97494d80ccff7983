package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent;
import io.netty.channel.embedded.EmbeddedChannel;
import org.w3c.dom.Element;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link OutboundLink} from {@code a.test} to {@code b.test} on an embedded channel, driven by hand: the test
 * authenticates it, runs the event loop's tasks, reads what was written and answers the pings asking for receipts as
 * {@code b.test} would. What the link hands on when it ends is kept for the test to see.
 */
final class EmbeddedLink {

    final EmbeddedChannel channel;
    final ServerPings pings = new ServerPings();
    final OutboundLink link;
    /** Each list a link handed on when it ended, in order. */
    final List<List<Outgoing>> handedOn = new ArrayList<>();
    private final List<Element> written = new ArrayList<>();
    private final StringBuilder transcript = new StringBuilder(RemotePeer.header("xmlns:db='jabber:server:dialback'"));

    EmbeddedLink(Bouncer bouncer, EngineConfig config, EmbeddedChannel channel) {
        this(bouncer, config, channel, CompletableFuture.completedFuture(null));
    }

    /** A link that follows ended ones, which {@code predecessors} says are settled. */
    EmbeddedLink(Bouncer bouncer, EngineConfig config, EmbeddedChannel channel, CompletableFuture<?> predecessors) {
        this.channel = channel;
        this.link = link(bouncer, config, pings, handedOn, predecessors);
    }

    /**
     * An {@link OutboundLink} from {@code a.test} to {@code b.test} whose pings go to {@code pings} and which adds
     * what it hands on when it ends to {@code handedOn}; for a test that builds the channel around it.
     */
    static OutboundLink link(Bouncer bouncer, EngineConfig config, ServerPings pings, List<List<Outgoing>> handedOn,
                             CompletableFuture<?> predecessors) {
        Clock clock = Clock.systemUTC();
        return new OutboundLink("1-test", "b.test", "a.test", config, DialbackKeys.random(), bouncer,
                new FailureLog(10, clock), new FederationEvents(FederationEventListener.ignoring(), clock),
                new RetryBackoff(() -> SessionHealth.DEFAULTS, clock), pings,
                () -> true, (ended, again) -> handedOn.add(List.copyOf(again)), Instant.now(), predecessors);
    }

    static EngineConfig config() {
        LoopbackDns dns = new LoopbackDns();
        return EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns);
    }

    /** A channel with the outbound pipeline's stream management counter, as the link finds it on a real stream. */
    static EmbeddedChannel withStreamManagement() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(OutboundStreamManagement.NAME, new OutboundStreamManagement());
        return channel;
    }

    /** Sends a chat message {@code id} from alice@a.test to bob@b.test; the stage tells its fate. */
    CompletableFuture<Delivery> submit(String id) {
        CompletableFuture<Delivery> fate = new CompletableFuture<>();
        link.send("a.test", Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", id, id), fate));
        return fate;
    }

    /** The link authenticates {@code a.test} by dialback on the channel, which queues the drain until its tasks run. */
    void authenticate() {
        authenticate(false);
    }

    /** As {@link #authenticate()}, on a stream where {@code b.test} offered stream management or not. */
    void authenticate(boolean streamManagementOffered) {
        link.ready(channel, new NegotiatedStream("s1", Optional.empty(), false, true, streamManagementOffered));
        link.received(Dialback.resultAnswer("b.test", "a.test", DialbackType.VALID));
    }

    /** {@code b.test} writes {@code element} on this stream; the event loop's tasks then run. */
    void receive(XmlElement element) {
        channel.writeInbound(new XmlStreamEvent.ElementReceived(element));
        channel.runPendingTasks();
    }

    /** The names of the stream management elements written so far, in order. */
    List<String> streamManagementWritten() {
        return written().stream().filter(element -> StreamManagement.NAMESPACE.equals(element.getNamespaceURI()))
                .map(Element::getLocalName).toList();
    }

    /** Everything written to the channel so far, read as {@code b.test} would: the top-level elements, in order. */
    List<Element> written() {
        boolean more = false;
        for (Object out; (out = channel.readOutbound()) != null; ) {
            transcript.append(out);
            more = true;
        }
        if (more) {
            written.clear();
            written.addAll(StreamTranscript.parse(transcript.toString()).children());
        }
        return List.copyOf(written);
    }

    /** The ids of the messages written so far. */
    List<String> writtenIds() {
        return written().stream().filter(element -> element.getLocalName().equals("message"))
                .map(element -> element.getAttribute("id")).toList();
    }

    /** The ids of the pings written so far that ask for a receipt. */
    List<String> pingIds() {
        return written().stream().filter(element -> element.getLocalName().equals("iq")
                        && element.getElementsByTagNameNS(ServerPings.NAMESPACE, "ping").getLength() == 1)
                .map(element -> element.getAttribute("id")).toList();
    }

    /** {@code b.test} answers the ping {@code id}, as its stream to us would bring the answer. */
    void answer(String id) {
        pings.answer(new XmlElement("iq", XmppNamespaces.SERVER, List.of(XmlAttribute.of("type", "result"),
                XmlAttribute.of("id", id), XmlAttribute.of("from", "b.test"), XmlAttribute.of("to", "a.test")),
                List.of()));
        channel.runPendingTasks();
    }

    /** Runs the event loop's tasks, then answers every receipt ping written until none is left unanswered. */
    void confirmAll() {
        channel.runPendingTasks();
        List<String> answered = new ArrayList<>();
        for (List<String> asked = pingIds(); answered.size() < asked.size(); asked = pingIds()) {
            String next = asked.get(answered.size());
            answered.add(next);
            answer(next);
        }
    }
}
