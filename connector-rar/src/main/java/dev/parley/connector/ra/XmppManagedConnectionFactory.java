package dev.parley.connector.ra;

import dev.parley.connector.api.XmppConnection;
import dev.parley.connector.api.XmppConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Makes the connections behind {@link XmppConnectionFactory#JNDI_NAME}. They are all alike
 * (handles on the one engine, no credentials), so any pooled one matches any request.
 */
@ConnectionDefinition(connectionFactory = XmppConnectionFactory.class,
        connectionFactoryImpl = XmppConnectionFactoryHandle.class,
        connection = XmppConnection.class,
        connectionImpl = XmppConnectionHandle.class)
public class XmppManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient ParleyResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new XmppConnectionFactoryHandle(this, manager);
    }

    @Override
    public Object createConnectionFactory() {
        return new XmppConnectionFactoryHandle(this, (factory, info) ->
                factory.createManagedConnection(null, info).getConnection(null, info));
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new XmppManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : connections) {
            if (candidate instanceof XmppManagedConnection connection) {
                return connection;
            }
        }
        return null;
    }

    EngineHost engineHost() throws ResourceException {
        if (adapter == null) {
            throw new ResourceException("The XMPP connection factory is not associated with Parley's adapter");
        }
        return adapter.engineHost();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = (ParleyResourceAdapter) adapter;
    }

    // No configuration properties: one factory equals another only if it is the same.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
