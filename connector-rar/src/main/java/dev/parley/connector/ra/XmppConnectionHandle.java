package dev.parley.connector.ra;

import dev.parley.connector.api.FederationUnavailableException;
import dev.parley.connector.api.XmppConnection;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.xml.XmlElement;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the application holds: submits stanzas through its managed connection until closed. */
public final class XmppConnectionHandle implements XmppConnection {

    private volatile XmppManagedConnection connection;

    XmppConnectionHandle(XmppManagedConnection connection) {
        this.connection = connection;
    }

    @Override
    public CompletionStage<Optional<Delivery>> submit(XmlElement stanza, Duration patience)
            throws FederationUnavailableException {
        XmppManagedConnection current = connection;
        if (current == null) {
            throw new IllegalStateException("This XMPP connection is closed");
        }
        try {
            return current.engineHost().submit(stanza, patience);
        } catch (FederationUnavailableException e) {
            throw e;
        } catch (ResourceException e) {
            throw new FederationUnavailableException(e.getMessage());
        }
    }

    @Override
    public void close() {
        XmppManagedConnection current = connection;
        if (current != null) {
            connection = null;
            current.closed(this);
        }
    }

    void moveTo(XmppManagedConnection other) {
        XmppManagedConnection current = connection;
        if (current != null && current != other) {
            current.forget(this);
        }
        connection = other;
    }

    void invalidate() {
        connection = null;
    }
}
