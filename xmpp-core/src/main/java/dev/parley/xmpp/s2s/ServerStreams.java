package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.stream.StreamHeader;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.NamespaceScope;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Optional;
import java.util.Set;

/** What every S2S stream this engine writes has in common, inbound and outbound. */
final class ServerStreams {

    static final String CLOSING_TAG = "</stream:stream>";
    /** The declarations of our headers when dialback is spoken: stanzas, {@code stream} and {@code db}. */
    static final NamespaceScope SCOPE = NamespaceScope.of(XmppNamespaces.SERVER)
            .withPrefix("stream", XmppNamespaces.STREAMS)
            .withPrefix(Dialback.PREFIX, Dialback.NAMESPACE);

    private static final Set<String> STANZA_NAMES = Set.of("message", "presence", "iq");

    private ServerStreams() {
    }

    /** The initiating server's header: from our domain to theirs, version 1.0, dialback declared. */
    static StreamHeader initialHeader(String from, String to) {
        return new StreamHeader(Optional.of(from), Optional.of(to), Optional.empty(), Optional.of(StreamVersion.V1_0),
                Optional.of("en"), XmppNamespaces.SERVER).withPrefix(Dialback.PREFIX, Dialback.NAMESPACE);
    }

    /** Whether {@code element} is a message, presence or iq stanza of a server stream. */
    static boolean isStanza(XmlElement element) {
        return element.namespace().equals(XmppNamespaces.SERVER) && STANZA_NAMES.contains(element.name());
    }
}
