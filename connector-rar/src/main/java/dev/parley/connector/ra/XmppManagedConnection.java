package dev.parley.connector.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection to the engine. It holds no socket of its own (the engine's sessions are
 * shared by all), so it is cheap, never broken, and takes part in no transaction: a stanza on a
 * remote server's socket cannot be taken back.
 */
final class XmppManagedConnection implements ManagedConnection {

    private final XmppManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<XmppConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private PrintWriter logWriter;

    XmppManagedConnection(XmppManagedConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        XmppConnectionHandle handle = new XmppConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    EngineHost engineHost() throws ResourceException {
        return factory.engineHost();
    }

    /** Called by a handle's close: tells the pool this connection is free again. */
    void closed(XmppConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    @Override
    public void associateConnection(Object connection) {
        XmppConnectionHandle handle = (XmppConnectionHandle) connection;
        handle.moveTo(this);
        handles.add(handle);
    }

    void forget(XmppConnectionHandle handle) {
        handles.remove(handle);
    }

    @Override
    public void cleanup() {
        handles.forEach(XmppConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Sending to a remote XMPP server cannot take part in a transaction");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Sending to a remote XMPP server cannot take part in a transaction");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Parley XMPP federation";
            }

            @Override
            public String getEISProductVersion() {
                return "0.1";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return "";
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
