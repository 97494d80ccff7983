package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.StreamTranscript;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A remote server talking to the inbound pipeline on an embedded channel. */
final class RemotePeer {

    static final ListenerConfig CONFIG = ListenerConfig.of(InetAddress.getLoopbackAddress(), 0,
            Set.of("example.com", "Chat.Example.ORG"));

    private final EmbeddedChannel channel;
    private final StringBuilder answered = new StringBuilder();

    RemotePeer(ListenerConfig config) {
        channel = new EmbeddedChannel(new S2sChannelInitializer(config,
                new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE)));
    }

    RemotePeer() {
        this(CONFIG);
    }

    /** The initial header of a remote server with these extra attributes. */
    static String header(String attributes) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams' " + attributes + ">";
    }

    RemotePeer send(String xml) {
        return send(xml.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    RemotePeer send(byte[] bytes, int bytesPerRead) {
        for (int offset = 0; offset < bytes.length && channel.isOpen(); offset += bytesPerRead) {
            int end = (int) Math.min((long) offset + bytesPerRead, bytes.length);
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, offset, end)));
        }
        return this;
    }

    RemotePeer waitFor(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        return this;
    }

    /** Everything the server wrote so far. */
    String answered() {
        for (ByteBuf buffer; (buffer = channel.readOutbound()) != null; ) {
            answered.append(buffer.toString(StandardCharsets.UTF_8));
            buffer.release();
        }
        return answered.toString();
    }

    StreamTranscript transcript() {
        return StreamTranscript.parse(answered());
    }

    boolean connected() {
        return channel.isOpen();
    }
}
