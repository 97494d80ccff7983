package dev.parley.xmpp.s2s;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.string.StringEncoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by {@link OutboundStreamFuzzTest}: a remote server that acknowledged more stanzas than it was sent made us end
 * the stream with {@code undefined-condition} and our closing tag, and the outbound writer, whose drain was already
 * due, wrote the queued stanzas and a receipt request after that tag (seed {@code acknowledged-beyond-sent}).
 */
class ClosingTagGuardTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new StringEncoder(StandardCharsets.UTF_8),
            new ClosingTagGuard());

    @Test
    void aWriteAfterOurClosingTagFailsAndReachesNoPeer() {
        channel.writeAndFlush("<message id='m1'/>");
        channel.writeAndFlush("<stream:error><undefined-condition/></stream:error>" + ServerStreams.CLOSING_TAG);
        ChannelFuture late = channel.writeAndFlush("<message id='m2'/>");

        assertThat(late.cause()).hasMessage("our stream had already ended with its closing tag");
        assertThat(written()).isEqualTo("<message id='m1'/><stream:error><undefined-condition/></stream:error>"
                + ServerStreams.CLOSING_TAG);
    }

    @Test
    void aClosingTagAloneEndsTheStreamToo() {
        channel.writeAndFlush(ServerStreams.CLOSING_TAG);

        assertThat(channel.writeAndFlush("<r xmlns='urn:xmpp:sm:3'/>").isSuccess()).isFalse();
        assertThat(written()).isEqualTo(ServerStreams.CLOSING_TAG);
    }

    private String written() {
        StringBuilder written = new StringBuilder();
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            written.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        return written.toString();
    }
}
