package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stream.StreamHeader;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;

/**
 * Nothing follows our closing tag on a stream (RFC 6120 §4.4: no further data after it). Between writing
 * {@code </stream:stream>} and the connection's close, other parts of the pipeline may still write: the outbound
 * writer draining a queue, a receipt request, a ping's answer. Such a write fails here as on a closed connection,
 * which each writer already handles (the outbound writer hands its stanzas on to the next stream), instead of
 * reaching a peer that stopped reading at our tag. Sits behind the text encoder, where every write passes as text; on
 * S2S streams and on both ends of the proxy's component link.
 */
public final class ClosingTagGuard extends ChannelOutboundHandlerAdapter {

    public static final String NAME = "closing-tag-guard";

    /** One guard per connection: it remembers whether that one's stream ended. */
    private boolean closingTagWritten;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (closingTagWritten) {
            ReferenceCountUtil.release(msg);
            promise.tryFailure(new IOException("our stream had already ended with its closing tag"));
            return;
        }
        if (msg instanceof String text && text.endsWith(StreamHeader.CLOSING_TAG)) {
            closingTagWritten = true;
        }
        ctx.write(msg, promise);
    }
}
