package dev.parley.xmpp.xml;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Feeds bytes to an {@link XmlStreamDecoder} on an embedded channel, in reads of a chosen size. */
final class DecoderHarness {

    private final EmbeddedChannel channel;

    DecoderHarness(XmlLimits limits) {
        channel = new EmbeddedChannel(new XmlStreamDecoder(limits));
    }

    DecoderHarness() {
        this(XmlLimits.DEFAULTS);
    }

    /** Decodes {@code xml} in one read; a violation is thrown as the {@link XmlViolationException}. */
    List<XmlStreamEvent> feed(String xml) {
        return feed(xml.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    List<XmlStreamEvent> feed(String xml, int bytesPerRead) {
        return feed(xml.getBytes(StandardCharsets.UTF_8), bytesPerRead);
    }

    List<XmlStreamEvent> feed(byte[] bytes, int bytesPerRead) {
        for (int offset = 0; offset < bytes.length; offset += bytesPerRead) {
            int end = (int) Math.min((long) offset + bytesPerRead, bytes.length);
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, offset, end)));
        }
        return events();
    }

    List<XmlStreamEvent> events() {
        List<XmlStreamEvent> events = new ArrayList<>();
        for (Object event; (event = channel.readInbound()) != null; ) {
            events.add((XmlStreamEvent) event);
        }
        return events;
    }

    static String header() {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='example.com' from='remote.example' version='1.0'>";
    }
}
