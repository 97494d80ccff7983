package dev.parley.xmpp.component;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one link a listener keeps up: a newly authenticated one replaces the one before (a component that reconnects
 * after a half-dead connection must not wait for the old one to time out), which ends with {@code conflict}.
 */
final class ComponentLinks {

    private final ComponentHost host;
    private final AtomicReference<ComponentLink> current = new AtomicReference<>();

    ComponentLinks(ComponentHost host) {
        this.host = host;
    }

    Optional<ComponentLink> current() {
        return Optional.ofNullable(current.get());
    }

    void up(ComponentLink link) {
        ComponentLink replaced = current.getAndSet(link);
        if (replaced != null) {
            replaced.end(StreamError.of(StreamErrorCondition.CONFLICT, "replaced by a new link from "
                    + link.remoteAddress()));
        }
        host.linkUp(link);
    }

    void stanza(ComponentLink link, long sequence, XmlElement stanza) {
        host.stanza(link, sequence, stanza);
    }

    void policy(ComponentLink link, ProxyPolicy policy) {
        host.policy(link, policy);
    }

    void closeSession(ComponentLink link, String id) {
        host.closeSession(link, id);
    }

    void down(ComponentLink link) {
        current.compareAndSet(link, null);
        host.linkDown(link, link.endReason());
    }

    void refused(SocketAddress peer, String reason) {
        host.refused(peer, reason);
    }
}
