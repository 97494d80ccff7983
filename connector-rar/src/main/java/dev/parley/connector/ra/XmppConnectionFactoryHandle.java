package dev.parley.connector.ra;

import dev.parley.connector.api.XmppConnection;
import dev.parley.connector.api.XmppConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The connection factory the application looks up; connections come from the server's pool. */
public final class XmppConnectionFactoryHandle implements XmppConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient XmppManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    XmppConnectionFactoryHandle(XmppManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public XmppConnection getConnection() throws ResourceException {
        return (XmppConnection) manager.allocateConnection(factory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
