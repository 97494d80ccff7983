package dev.parley.connector.ra;

import dev.parley.connector.api.FederationListener;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;

/** Activates an MDB implementing {@link FederationListener} on the adapter; there is nothing to configure. */
@Activation(messageListeners = FederationListener.class)
public class FederationActivationSpec implements ActivationSpec {

    private ResourceAdapter adapter;

    @Override
    public void validate() {
        // No properties: every activation receives all inbound stanzas and events.
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = adapter;
    }
}
