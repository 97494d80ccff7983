package dev.parley.bench.load;

import dev.parley.bench.delivery.BodyStamp;
import java.nio.charset.StandardCharsets;

/**
 * The load: chat messages from one sender to one recipient, each about 250 bytes on the wire like a short chat
 * line, with its {@link BodyStamp} at the start of the body.
 *
 * @param from the sender's full JID at the sender domain
 * @param to   the recipient's full JID at the target, so that a peer routes to exactly the bench client's resource
 */
public record MessageStanzas(String from, String to) {

    private static final String FILLER = "a load message of the Parley benchmark, sized like a line of chat between two people";

    /** The stanza with this stamp, as bytes in {@code jabber:server}. */
    public byte[] encode(BodyStamp stamp) {
        return ("<message from='" + from + "' to='" + to + "' type='chat' id='m" + stamp.sequence() + "'><body>"
                + stamp.toBody(FILLER) + "</body></message>").getBytes(StandardCharsets.UTF_8);
    }
}
