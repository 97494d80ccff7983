package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.xml.XmlElement;

/** What a {@link ComponentClient} reports. Called on its I/O thread, one call at a time: never block. */
public interface LinkListener {

    /**
     * A stanza from the host, in {@code jabber:server}. {@code taken} is to be run, once, from any thread, when the
     * stanza is stored or its sender answered: only then is it acknowledged to a Parley XMPP Proxy, which answers the
     * remote server's receipt pings and holds the remote server back by what is not yet acknowledged.
     */
    void stanza(XmlElement stanza, Runnable taken);

    /** The link came up or went down (and when it will be tried again). */
    void stateChanged(LinkState state);

    /** Something happened to an S2S stream the host (a Parley XMPP Proxy) holds. */
    void proxyEvent(FederationEvent event);

    /** The S2S sessions the host (a Parley XMPP Proxy) holds now, and its latest connection failures. */
    void proxyStatus(ProxyStatus status);
}
