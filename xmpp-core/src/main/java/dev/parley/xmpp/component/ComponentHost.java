package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.xml.XmlElement;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What a {@link ComponentListener} reports to the server that hosts the component. Called on I/O threads: never block. */
public interface ComponentHost {

    /** {@code link} authenticated; a link that was up for the same domain has been ended. */
    void linkUp(ComponentLink link);

    /**
     * A stanza from {@code link}, in {@code jabber:server}, its {@code from} checked to be at the link's domain, and
     * never one the host took before. Returns what becomes of it, which the component is told; empty when the host
     * takes nothing now (it is stopping): a Parley then keeps the stanza and writes it again on its next link.
     */
    Optional<CompletionStage<Delivery>> stanza(ComponentLink link, XmlElement stanza);

    /**
     * {@code link}, which was up, ended; {@code reason} says why, for the log and the status. A link replaced by a new
     * one reports its end after its successor's {@link #linkUp}.
     */
    void linkDown(ComponentLink link, String reason);

    /** Parley's policy for federation arrived on {@code link}; it replaces the one before. */
    void policy(ComponentLink link, ProxyPolicy policy);

    /** Parley asks to close the proxy's S2S session {@code id}, as an administrator did on Parley's console. */
    void closeSession(ComponentLink link, String id);

    /** A connection from {@code peer} was refused before it became a link (wrong password, wrong domain, …). */
    void refused(SocketAddress peer, String reason);
}
