package dev.parley.xmpp.stream;

/** Namespace names of RFC 6120 used on streams. */
public final class XmppNamespaces {

    /** The namespace of {@code <stream:stream>}, {@code <stream:features>} and {@code <stream:error>}. */
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    /** The content namespace of server-to-server streams. */
    public static final String SERVER = "jabber:server";
    /** The namespace of the defined conditions and text inside {@code <stream:error>}. */
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";

    private XmppNamespaces() {
    }
}
