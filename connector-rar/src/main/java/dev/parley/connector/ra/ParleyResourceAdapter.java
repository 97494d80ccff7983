package dev.parley.connector.ra;

import dev.parley.connector.api.FederationListener;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.transaction.xa.XAResource;

/**
 * Hosts Parley's S2S engine in the application server. The adapter starts with the EAR but the
 * engine waits for the application to {@linkplain FederationControlObject apply} its stored
 * settings; from then on it delivers what remote servers send to the MDB activated with a
 * {@link FederationListener}, and sends what the application submits through the
 * {@link XmppManagedConnectionFactory connection factory}.
 */
@Connector(
        displayName = "Parley XMPP federation",
        vendorName = "Parley",
        eisType = "XMPP server-to-server",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class ParleyResourceAdapter implements ResourceAdapter {

    /** Between two calls of an MDB that failed on a stanza. */
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    @ConfigProperty(defaultValue = "localhost",
            description = "XMPP domain this server hosts (system property parley.xmpp.domain overrides)")
    private String xmppDomain = "localhost";

    @ConfigProperty(description = "DNS servers for remote domains, comma-separated address[:port]; empty for the system's"
                    + " (system property parley.dns.servers overrides)")
    private String dnsServers = "";

    private volatile EngineHost engineHost;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            ServerSettings.resolve(xmppDomain, dnsServers, System.getProperties());
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("Parley's adapter is misconfigured: " + e.getMessage(), e);
        }
        Executor workers = onWorkManager(context.getWorkManager());
        engineHost = new EngineHost(() -> ServerSettings.resolve(xmppDomain, dnsServers, System.getProperties()),
                refusal -> new InboundDispatcher(workers, refusal, RETRY_PAUSE));
    }

    @Override
    public void stop() {
        EngineHost host = engineHost;
        if (host != null) {
            host.stop();
        }
    }

    EngineHost engineHost() {
        EngineHost host = engineHost;
        if (host == null) {
            throw new IllegalStateException("Parley's adapter is not started");
        }
        return host;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws NotSupportedException {
        if (!(spec instanceof FederationActivationSpec)) {
            throw new NotSupportedException("Parley's adapter activates only " + FederationListener.class.getName()
                    + " endpoints, not " + spec.getClass().getName());
        }
        engineHost().inbound().activate(endpointFactory);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        EngineHost host = engineHost;
        if (host != null) {
            host.inbound().deactivate(endpointFactory);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** The server's work manager as an executor: delivery threads an adapter may own. */
    private static Executor onWorkManager(WorkManager workManager) {
        return task -> {
            try {
                workManager.scheduleWork(new Work() {
                    @Override
                    public void run() {
                        task.run();
                    }

                    @Override
                    public void release() {
                        // A delivery loop ends by itself when its lane is empty.
                    }
                });
            } catch (WorkException e) {
                throw new RejectedExecutionException("the work manager refused a delivery worker", e);
            }
        };
    }

    public String getXmppDomain() {
        return xmppDomain;
    }

    public void setXmppDomain(String xmppDomain) {
        this.xmppDomain = xmppDomain;
    }

    public String getDnsServers() {
        return dnsServers;
    }

    public void setDnsServers(String dnsServers) {
        this.dnsServers = dnsServers;
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
