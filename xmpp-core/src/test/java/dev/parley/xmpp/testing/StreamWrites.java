package dev.parley.xmpp.testing;

import dev.parley.xmpp.stream.StreamHeader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pipeline on an embedded channel wrote, one text per write as it reached the wire, and the properties the fuzz
 * tests check on it. Judged write by write, never on the whole text: a bounce carries the stanza it answers, and so
 * whatever a peer put in it (an {@code <internal-server-error/>} element, a {@code </stream:stream>} inside a child).
 */
public final class StreamWrites {

    private StreamWrites() {
    }

    /** Takes the channel's outbound buffers, one text each. */
    public static List<String> drain(EmbeddedChannel channel) {
        List<String> writes = new ArrayList<>();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            if (out instanceof ByteBuf buffer) {
                writes.add(buffer.toString(StandardCharsets.UTF_8));
                buffer.release();
            }
        }
        return writes;
    }

    /** Whether a write follows the one that ended with our closing tag. */
    public static boolean writtenAfterClosingTag(List<String> writes) {
        for (int i = 0; i < writes.size() - 1; i++) {
            if (writes.get(i).endsWith(StreamHeader.CLOSING_TAG)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether we answered {@code internal-server-error}, an exception of our own: as a stream error, as a proxy link's
     * verdict, or as the error we append to a stanza we bounce (its last {@code <error>}, behind the stanza's own
     * children).
     */
    public static boolean answersInternalServerError(List<String> writes) {
        for (String write : writes) {
            if (write.startsWith("<message") || write.startsWith("<presence") || write.startsWith("<iq")) {
                int ours = write.lastIndexOf("<error ");
                if (ours >= 0 && write.indexOf("<internal-server-error", ours) >= 0) {
                    return true;
                }
            } else if (write.contains("<internal-server-error") || write.contains("condition='internal-server-error'")) {
                return true;
            }
        }
        return false;
    }
}
