package dev.parley.connector.ra;

import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationRuntimeSettings;
import dev.parley.connector.api.FederationSettingsException;
import dev.parley.connector.api.FederationStatus;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionInfo;
import jakarta.resource.Referenceable;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import dev.parley.xmpp.diagnostics.ProbeReport;
import java.util.List;
import javax.naming.Reference;

/** The administered object behind {@link FederationControl#JNDI_NAME}: the adapter's engine, seen from the application. */
@AdministeredObject(adminObjectInterfaces = FederationControl.class)
public class FederationControlObject implements FederationControl, ResourceAdapterAssociation, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private transient ParleyResourceAdapter adapter;
    private Reference reference;

    @Override
    public void apply(FederationRuntimeSettings settings) throws FederationSettingsException {
        host().apply(settings);
    }

    @Override
    public FederationStatus status() {
        return host().status();
    }

    @Override
    public List<SessionInfo> sessions() {
        return host().sessions();
    }

    @Override
    public boolean closeSession(String id) {
        return host().closeSession(id);
    }

    @Override
    public List<ConnectionFailure> recentFailures() {
        return host().recentFailures();
    }

    @Override
    public ProbeReport testFederation(String domain) {
        return host().testFederation(domain);
    }

    private EngineHost host() {
        if (adapter == null) {
            throw new IllegalStateException("The federation control object is not associated with Parley's adapter");
        }
        return adapter.engineHost();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = (ParleyResourceAdapter) adapter;
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
