package dev.parley.infrastructure.federation;

import dev.parley.application.CertificateService;
import dev.parley.application.DomainAuthorizationService;
import dev.parley.application.FederationRuntime;
import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationRuntimeSettings;
import dev.parley.connector.api.FederationSettingsException;
import dev.parley.connector.api.ProxyLinkSettings;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.FederationSettings;
import dev.parley.domain.model.settings.SettingsField;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import dev.parley.domain.model.settings.InvalidSettingsException;
import dev.parley.domain.model.settings.SettingsProblem;
import dev.parley.domain.model.settings.SettingsSnapshot;
import dev.parley.infrastructure.security.SecretSealer;
import dev.parley.xmpp.component.ComponentSecret;
import dev.parley.xmpp.net.IpAddressLiteral;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

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

    @Inject
    SecretSealer sealer;

    @Override
    public void apply() throws InvalidSettingsException {
        FederationSettings stored = settings.get();
        SettingsSnapshot current = stored.snapshot();
        AuthorizationTable table = authorizations.table();
        FederationRuntimeSettings runtime = new FederationRuntimeSettings(current.enabled(),
                IpAddressLiteral.parse(current.s2sBindAddress()), current.s2sPort(), current.tlsPolicy(),
                table.policy(), certificates.credential(), certificates.trustedCaCertificates(),
                proxyLink(stored, current), current.privateFederation());
        try {
            control.apply(runtime);
        } catch (FederationSettingsException e) {
            throw new InvalidSettingsException(List.of(SettingsProblem.general(e.getMessage())));
        }
    }

    /** In proxy mode, the link the settings describe, its password opened for the handshake; empty in direct mode. */
    private Optional<ProxyLinkSettings> proxyLink(FederationSettings stored, SettingsSnapshot current)
            throws InvalidSettingsException {
        if (current.mode() != FederationMode.PROXY) {
            return Optional.empty();
        }
        // The settings service refuses proxy mode without host and password, so both are there.
        String sealed = stored.sealedProxyPassword().orElseThrow();
        try {
            return Optional.of(new ProxyLinkSettings(current.proxyHost(), current.proxyPort(),
                    new ComponentSecret(sealer.open(sealed, SecretSealer.Purpose.PROXY_PASSWORD)), current.proxyTls()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidSettingsException(List.of(SettingsProblem.of(SettingsField.PROXY_PASSWORD,
                    "the stored proxy password cannot be opened (" + e.getMessage() + "); enter it again")));
        }
    }
}
