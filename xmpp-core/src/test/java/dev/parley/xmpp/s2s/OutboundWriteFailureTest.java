package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stanzas taken from an established link's queue whose write then fails are neither lost nor bounced: the link ends
 * and hands them on, in order, to be written on the next stream; after {@link StreamHandover#MAX_STREAMS} such streams
 * a stanza bounces.
 */
@Timeout(10)
class OutboundWriteFailureTest {

    /** A connection that breaks under every write, as a peer that resets it would. */
    private static final class FailingWrites extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IOException("Connection reset by peer"));
        }
    }

    private final Inbox inbox = new Inbox();
    private final EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inbox), EmbeddedLink.config(),
            new EmbeddedChannel(new FailingWrites()));

    @Test
    void handsOnWhatItCouldNotWriteInOrderErrorStanzasToo() {
        Outgoing message = Outgoing.of(Stanzas.message("alice@a.test/phone", "bob@b.test", "m1", "hello"));
        Outgoing error = Outgoing.of(Stanzas.message("alice@a.test", "bob@b.test", "e1", "error", "an error reply"));
        embedded.link.send("a.test", message);
        embedded.link.send("a.test", error);

        embedded.authenticate();
        embedded.channel.runPendingTasks();

        assertThat(embedded.handedOn).hasSize(1);
        assertThat(embedded.handedOn.get(0)).extracting(stanza -> stanza.stanza().attribute("id").orElseThrow())
                .containsExactly("m1", "e1");
        assertThat(embedded.handedOn.get(0)).allSatisfy(stanza -> assertThat(stanza.streams()).isEqualTo(1));
        assertThat(inbox.drain()).as("nothing bounced").isEmpty();
    }

    @Test
    void bouncesAStanzaWhoseLastStreamAlsoBrokeAndTellsASubmitterOnly() {
        CompletableFuture<Delivery> fate = new CompletableFuture<>();
        Outgoing tracked = Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"), fate);
        for (int stream = 1; stream < StreamHandover.MAX_STREAMS; stream++) {
            tracked = tracked.onceMore();
        }
        embedded.link.takeBack(List.of(tracked));

        embedded.authenticate();
        embedded.channel.runPendingTasks();

        assertThat(fate).isCompletedWithValue(new Delivery.Bounced(
                StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                StreamHandover.MAX_STREAMS + " streams to b.test ended before it confirmed the stanza; the last one: "
                        + "the connection to b.test failed while sending: Connection reset by peer"));
        assertThat(embedded.handedOn).containsExactly(List.of());
        assertThat(inbox.drain()).isEmpty();
    }
}
