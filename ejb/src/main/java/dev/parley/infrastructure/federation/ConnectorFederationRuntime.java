package dev.parley.infrastructure.federation;

import dev.parley.application.CertificateService;
import dev.parley.application.DomainAuthorizationService;
import dev.parley.application.FederationRuntime;
import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationRuntimeSettings;
import dev.parley.connector.api.FederationSettingsException;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import dev.parley.domain.model.settings.InvalidSettingsException;
import dev.parley.domain.model.settings.SettingsProblem;
import dev.parley.domain.model.settings.SettingsSnapshot;
import dev.parley.xmpp.net.IpAddressLiteral;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Applies the stored settings, the domain authorizations and the S2S certificate with the trusted
 * CAs to the engine through the adapter's control object. The authorizations travel as an
 * immutable table: the engine consults it on its I/O threads, where no database may be asked.
 */
@Stateless
public class ConnectorFederationRuntime implements FederationRuntime {

    @Resource(lookup = FederationControl.JNDI_NAME)
    FederationControl control;

    @Inject
    FederationSettingsRepository settings;

    @Inject
    DomainAuthorizationService authorizations;

    @Inject
    CertificateService certificates;

    @Override
    public void apply() throws InvalidSettingsException {
        SettingsSnapshot current = settings.get().snapshot();
        AuthorizationTable table = authorizations.table();
        // Proxy mode hands S2S to the DMZ proxy, whose link this version does not have yet: the engine stays off.
        boolean direct = current.enabled() && current.mode() == FederationMode.DIRECT;
        FederationRuntimeSettings runtime = new FederationRuntimeSettings(direct,
                IpAddressLiteral.parse(current.s2sBindAddress()), current.s2sPort(), current.tlsPolicy(),
                table::tlsPolicyFor, table::refusal, certificates.credential(), certificates.trustedCaCertificates());
        try {
            control.apply(runtime);
        } catch (FederationSettingsException e) {
            throw new InvalidSettingsException(List.of(SettingsProblem.general(e.getMessage())));
        }
    }
}
