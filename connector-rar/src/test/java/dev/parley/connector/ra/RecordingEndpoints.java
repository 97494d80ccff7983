package dev.parley.connector.ra;

import dev.parley.connector.api.FederationListener;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.xml.XmlElement;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.transaction.xa.XAResource;

/**
 * What the application server gives the adapter for an activated MDB, reduced to what the
 * dispatcher uses: endpoints that record what they are handed, and can be told to fail.
 */
final class RecordingEndpoints implements MessageEndpointFactory {

    final List<XmlElement> stanzas = new CopyOnWriteArrayList<>();
    final List<FederationEvent> events = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    private volatile Predicate<XmlElement> failOn = stanza -> false;
    private volatile boolean unavailable;

    void failOn(Predicate<XmlElement> which) {
        this.failOn = which;
    }

    void unavailable(boolean value) {
        this.unavailable = value;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource resource) throws UnavailableException {
        if (unavailable) {
            throw new UnavailableException("being undeployed");
        }
        return new Endpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource resource, long timeout) throws UnavailableException {
        return createEndpoint(resource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return true;
    }

    @Override
    public String getActivationName() {
        return "recording";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    private final class Endpoint implements MessageEndpoint, FederationListener {

        /** All or nothing, as in the MDB's transaction. */
        @Override
        public void onStanzas(List<XmlElement> handed) {
            calls.incrementAndGet();
            if (handed.stream().anyMatch(failOn)) {
                throw new IllegalStateException("the application's transaction rolled back");
            }
            stanzas.addAll(handed);
        }

        @Override
        public void onEvent(FederationEvent event) {
            events.add(event);
        }

        @Override
        public void beforeDelivery(Method method) {
        }

        @Override
        public void afterDelivery() {
        }

        @Override
        public void release() {
        }
    }
}
