package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Server dialback (XEP-0220) for the routes of one outbound link: our {@code db:result} for a route's local domain,
 * keyed to the stream, with a deadline of its own, and the receiving server's answer read back. What an answer means
 * for the link — a route established or failed — the link decides.
 */
final class RouteDialback {

    /**
     * The receiving server's answer for one of our local domains.
     *
     * @param errorCondition for {@link DialbackType#ERROR}, the condition it gave ({@code undefined-condition} when none)
     */
    record Answer(String localDomain, DialbackType type, String errorCondition) {
    }

    private final DialbackKeys keys;
    private final String remoteDomain;
    private final Duration timeout;

    RouteDialback(DialbackKeys keys, String remoteDomain, Duration timeout) {
        this.keys = keys;
        this.remoteDomain = remoteDomain;
        this.timeout = timeout;
    }

    /**
     * Asks the receiving server on {@code channel}, whose stream has {@code streamId}, to accept the route's domain;
     * {@code unanswered} runs on the event loop once the deadline passed, answered or not.
     */
    void request(Channel channel, String streamId, OutboundRoute route, Consumer<OutboundRoute> unanswered) {
        route.markRequested();
        String key = keys.key(remoteDomain, route.localDomain(), streamId);
        channel.writeAndFlush(XmlWriter.write(Dialback.resultRequest(route.localDomain(), remoteDomain, key),
                ServerStreams.SCOPE));
        channel.eventLoop().schedule(() -> unanswered.accept(route), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Why a route whose request went unanswered fails. */
    String unansweredReason() {
        return remoteDomain + " did not answer our dialback request within " + timeout.toMillis() / 1000.0 + " s";
    }

    /** The answer {@code element} is, if it is a {@code db:result} with a type and the local domain it answers for. */
    static Optional<Answer> answer(XmlElement element) {
        Optional<DialbackType> type = element.attribute("type").flatMap(DialbackType::parse);
        Optional<String> to = element.attribute("to");
        if (!Dialback.isResult(element) || type.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        String condition = element.elements().stream().filter(child -> child.name().equals("error"))
                .flatMap(error -> error.elements().stream()).map(XmlElement::name).findFirst()
                .orElse("undefined-condition");
        return Optional.of(new Answer(Domains.canonical(to.get()), type.get(), condition));
    }
}
