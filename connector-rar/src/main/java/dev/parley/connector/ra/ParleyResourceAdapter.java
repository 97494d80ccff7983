package dev.parley.connector.ra;

import dev.parley.xmpp.s2s.ListenerConfig;
import dev.parley.xmpp.s2s.S2sListener;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;

/**
 * Starts the S2S listener when the server (or the EAR) starts and closes it, port released,
 * when it stops. Inbound delivery to message endpoints arrives with the routing work; until
 * then the adapter accepts no endpoint activations.
 */
@Connector(
        displayName = "Parley XMPP federation",
        vendorName = "Parley",
        eisType = "XMPP server-to-server",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class ParleyResourceAdapter implements ResourceAdapter {

    @ConfigProperty(defaultValue = "127.0.0.1",
            description = "Local IP address the S2S listener binds to (system property parley.s2s.bind-address overrides)")
    private String s2sBindAddress = "127.0.0.1";

    @ConfigProperty(defaultValue = "5269",
            description = "TCP port of the S2S listener (system property parley.s2s.port overrides)")
    private Integer s2sPort = 5269;

    @ConfigProperty(defaultValue = "localhost",
            description = "XMPP domain this server hosts (system property parley.xmpp.domain overrides)")
    private String xmppDomain = "localhost";

    private S2sListener listener;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            ListenerConfig config = ListenerSettings.resolve(s2sBindAddress, s2sPort, xmppDomain, System.getProperties())
                    .toListenerConfig();
            listener = S2sListener.start(config);
        } catch (RuntimeException e) {
            throw new ResourceAdapterInternalException("Parley could not open its S2S listener: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("Parley's adapter has no inbound endpoints yet");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        // Nothing was ever activated (see endpointActivation).
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public String getS2sBindAddress() {
        return s2sBindAddress;
    }

    public void setS2sBindAddress(String s2sBindAddress) {
        this.s2sBindAddress = s2sBindAddress;
    }

    public Integer getS2sPort() {
        return s2sPort;
    }

    public void setS2sPort(Integer s2sPort) {
        this.s2sPort = s2sPort;
    }

    public String getXmppDomain() {
        return xmppDomain;
    }

    public void setXmppDomain(String xmppDomain) {
        this.xmppDomain = xmppDomain;
    }

    // The JCA specification requires equals/hashCode on adapters; identity is what we mean.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
