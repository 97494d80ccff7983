package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Stanzas taken from an established link's queue whose write then fails are bounced, not lost. */
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
    private final EmbeddedChannel channel = new EmbeddedChannel(new FailingWrites());
    private final OutboundLink link = link(inbox);

    private static OutboundLink link(Inbox inbox) {
        LoopbackDns dns = new LoopbackDns();
        Clock clock = Clock.systemUTC();
        EngineConfig config = EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns);
        return new OutboundLink("1-test", "b.test", "a.test", config, DialbackKeys.random(), new Bouncer(inbox),
                new FailureLog(10, clock), new FederationEvents(FederationEventListener.ignoring(), clock),
                new RetryBackoff(() -> SessionHealth.DEFAULTS, clock), closed -> { }, Instant.now());
    }

    /** The link authenticates by dialback on the channel whose writes fail, and writes what was queued. */
    private void authenticateAndWrite() {
        link.ready(channel, new NegotiatedStream("s1", Optional.empty(), false, true));
        link.received(Dialback.resultAnswer("b.test", "a.test", DialbackType.VALID));
        channel.runPendingTasks();
    }

    @Test
    void bouncesStanzaWhoseWriteFailsButNeverAnErrorStanza() throws InterruptedException {
        link.send("a.test", Outgoing.of(Stanzas.message("alice@a.test/phone", "bob@b.test", "m1", "hello")));
        link.send("a.test", Outgoing.of(Stanzas.message("alice@a.test", "bob@b.test", "e1", "error", "an error reply")));

        authenticateAndWrite();

        XmlElement bounce = inbox.next();
        assertThat(bounce.attribute("id")).hasValue("m1");
        assertThat(bounce.attribute("to")).hasValue("alice@a.test/phone");
        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-timeout");
        assertThat(Stanzas.errorText(bounce))
                .isEqualTo("the connection to b.test failed while sending: Connection reset by peer");
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void aSubmittedStanzaWhoseWriteFailsIsReportedBouncedAndNotReturnedToTheListener() {
        CompletableFuture<Delivery> fate = new CompletableFuture<>();
        link.send("a.test", Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"), fate));

        authenticateAndWrite();

        assertThat(fate).isCompletedWithValue(new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                "the connection to b.test failed while sending: Connection reset by peer"));
        assertThat(inbox.drain()).isEmpty();
    }
}
