package dev.parley.application.internal;

import dev.parley.application.CertificateService;
import dev.parley.application.FederationAudit;
import dev.parley.application.FederationConfigurationChanged;
import dev.parley.application.FederationRuntime;
import dev.parley.application.FederationSettingsService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.FederationSettings;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import dev.parley.domain.model.settings.InvalidSettingsException;
import dev.parley.domain.model.settings.SettingsChange;
import dev.parley.domain.model.settings.SettingsField;
import dev.parley.domain.model.settings.SettingsProblem;
import dev.parley.domain.model.settings.SettingsSnapshot;
import dev.parley.infrastructure.security.SecretSealer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Stores the federation settings and makes the running engine follow them. */
@Stateless
public class DefaultFederationSettingsService implements FederationSettingsService {

    @Inject
    FederationSettingsRepository repository;

    @Inject
    SecretSealer sealer;

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Inject
    FederationRuntime runtime;

    @Inject
    FederationAudit audit;

    @Inject
    Event<FederationConfigurationChanged> changed;

    @Inject
    CertificateService certificates;

    @Inject
    ServedDomain servedDomain;

    @Resource
    SessionContext context;

    @Override
    public SettingsSnapshot current() {
        return repository.get().snapshot();
    }

    @Override
    public SettingsSnapshot update(SettingsChange change, String who) throws InvalidSettingsException {
        FederationSettings settings = repository.get();
        List<SettingsProblem> problems = change.settingsProblems(settings.hasProxyPassword());
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        String sealedPassword = change.proxyPassword() == null ? null
                : change.proxyPassword().isEmpty() ? "" : sealer.seal(change.proxyPassword(), SecretSealer.Purpose.PROXY_PASSWORD);
        settings.apply(change, sealedPassword, who, Instant.now(Clock.systemUTC()));
        // The snapshot carries the new version number, which JPA assigns at flush.
        entityManager.flush();
        audit.record(AuditRecord.settingsChanged(Instant.now(Clock.systemUTC()),
                who + " changed the federation settings: " + settings.snapshot().summary()));
        try {
            certificateWhereTlsIsRequired(change, who);
            // Applied before commit: settings the engine cannot run with (a port in use, an address
            // not on this machine) are refused and not stored. After the commit (or a rollback) the
            // committed state is applied again, which settles overlapping changes.
            runtime.apply();
        } catch (InvalidSettingsException e) {
            context.setRollbackOnly();
            throw e;
        } finally {
            changed.fire(new FederationConfigurationChanged(who));
        }
        return settings.snapshot();
    }

    /**
     * Federation on in direct mode under a global policy that requires TLS needs a certificate to offer STARTTLS with:
     * without one every remote server's stream to us is refused, the dialback verifications of our own streams
     * included, so nothing federates. A fresh install has none, so such a save makes a self-signed one for the served
     * domain (audited). Remote servers that ignore certificate errors take it and prove our domain by dialback; the
     * administrator replaces it with a CA's under Certificates.
     */
    private void certificateWhereTlsIsRequired(SettingsChange change, String who) throws InvalidSettingsException {
        if (!change.enabled() || change.mode() != FederationMode.DIRECT || !change.tlsPolicy().requiresTls()
                || certificates.credential().isPresent()) {
            return;
        }
        String domain = servedDomain.name();
        try {
            certificates.installSelfSigned(KeyAlgorithm.EC_P256, List.of(domain), who);
        } catch (InvalidCertificateException e) {
            throw new InvalidSettingsException(List.of(SettingsProblem.of(SettingsField.TLS_POLICY, "TLS is required,"
                    + " no certificate is installed, and none could be made for " + domain + " (" + e.getMessage()
                    + "): install one under Certificates, or choose a policy that does not require TLS")));
        }
        audit.record(AuditRecord.settingsChanged(Instant.now(Clock.systemUTC()), who + " switched federation on with"
                + " TLS required and no certificate installed: a self-signed certificate for " + domain
                + " was made, for remote servers that ignore certificate errors; install a CA's under Certificates"));
    }
}
