package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a broken stream that was up leaves for the next one to the same remote domain: every stanza it had not had
 * confirmed, in order, to be written again (at least once, never silently lost), unless it has now seen
 * {@link #MAX_STREAMS} streams end; then it bounces with {@code remote-server-timeout}, so that a stanza that makes the
 * peer drop the stream cannot loop, and so do its sender's stanzas after it, which would otherwise overtake it on the
 * next stream while its sender tries it again.
 */
final class StreamHandover {

    private static final System.Logger LOG = System.getLogger(StreamHandover.class.getName());

    /** On how many streams that end unconfirmed a stanza may travel before it bounces. */
    static final int MAX_STREAMS = 3;

    private StreamHandover() {
    }

    /**
     * The stanzas of {@code left}, oldest first, that go out again on the next stream to {@code remoteDomain}, each
     * counting one stream more; the others bounce through {@code aftermath}. {@code why} the stream ended.
     */
    static List<Outgoing> again(List<Outgoing> left, String remoteDomain, String why, LinkAftermath aftermath) {
        List<Outgoing> again = new ArrayList<>(left.size());
        Set<String> bouncedSenders = new HashSet<>();
        for (Outgoing stanza : left) {
            Outgoing next = stanza.onceMore();
            String sender = senderOf(stanza);
            if (next.streams() >= MAX_STREAMS) {
                bouncedSenders.add(sender);
                aftermath.bounce(stanza, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, MAX_STREAMS + " streams to "
                        + remoteDomain + " ended before it confirmed the stanza; the last one: " + why);
            } else if (bouncedSenders.contains(sender)) {
                aftermath.bounce(stanza, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "an earlier stanza from the same"
                        + " sender to " + remoteDomain + " could not be confirmed; this one waits behind it to keep"
                        + " their order (the last stream: " + why + ")");
            } else {
                again.add(next);
            }
        }
        if (!again.isEmpty()) {
            LOG.log(Level.INFO, "the stream to {0} ended ({1}); {2} stanzas it had not confirmed go out again on a new one",
                    remoteDomain, why, again.size());
        }
        return again;
    }

    /** The bare address a stanza comes from, whose order is kept; as written when it is no address. */
    private static String senderOf(Outgoing stanza) {
        String from = stanza.stanza().attribute("from").orElse("");
        try {
            return Jid.parse(from).asBareJid().toString();
        } catch (InvalidJidException notAnAddress) {
            return from;
        }
    }
}
