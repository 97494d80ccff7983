package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One question to an authoritative server over a stream of its own (XEP-0220 §2.2): "did you issue
 * this key for that stream?" Sends {@code db:verify} once the stream is negotiated, completes with
 * the answer's type, and closes the stream; it never carries stanzas.
 */
final class DialbackVerification implements OutboundStreamEvents {

    private final String receiving;
    private final String originating;
    private final String streamId;
    private final String key;
    private final CompletableFuture<DialbackType> answer = new CompletableFuture<>();
    private volatile Channel channel;

    DialbackVerification(String receiving, String originating, String streamId, String key) {
        this.receiving = receiving;
        this.originating = originating;
        this.streamId = streamId;
        this.key = key;
    }

    CompletableFuture<DialbackType> answer() {
        return answer;
    }

    /**
     * The connection is made; kept from here on, not only once negotiated, so that a time-out during the negotiation
     * (a server that accepts and never answers) can close it. Connected after the time-out: closed at once.
     */
    void connected(Channel connection) {
        channel = connection;
        if (answer.isDone()) {
            ServerStreams.close(connection);
        }
    }

    @Override
    public void ready(Channel negotiated, NegotiatedStream stream) {
        if (answer.isDone()) {
            // Timed out (or failed) while negotiating: the stream is being closed, there is nobody to ask for.
            return;
        }
        channel = negotiated;
        negotiated.writeAndFlush(XmlWriter.write(Dialback.verifyRequest(receiving, originating, streamId, key),
                ServerStreams.SCOPE));
    }

    @Override
    public void received(XmlElement element) {
        Optional<DialbackType> type = element.attribute("type").flatMap(DialbackType::parse);
        if (!Dialback.isVerify(element) || type.isEmpty() || !element.attribute("id").filter(streamId::equals).isPresent()) {
            return;
        }
        if (type.get() == DialbackType.ERROR) {
            answer.completeExceptionally(new RemoteDomainException(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                    "the authoritative server of " + originating + " answered our verification with an error"));
        } else {
            answer.complete(type.get());
        }
        ServerStreams.close(channel);
    }

    @Override
    public void failed(StanzaErrorCondition condition, String reason) {
        answer.completeExceptionally(new RemoteDomainException(condition, reason));
    }

    @Override
    public void closed(String why) {
        answer.completeExceptionally(new RemoteDomainException(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                "the authoritative server of " + originating + " closed the stream without answering"));
    }

    /** Gives up waiting; the stream, if any, is closed. */
    void timeOut(String reason) {
        if (answer.completeExceptionally(new RemoteDomainException(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, reason))
                && channel != null) {
            ServerStreams.close(channel);
        }
    }
}
