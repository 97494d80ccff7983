package dev.parley.interfaces.console;

import dev.parley.application.CertificateService;
import dev.parley.application.ServedDomain;
import dev.parley.application.FederationSettingsService;
import dev.parley.application.FederationStatusService;
import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRules;
import dev.parley.domain.model.settings.DnsRecordsToPublish;
import dev.parley.xmpp.diagnostics.ProbeReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The federation tester: a remote domain checked step by step with a verdict, and the reverse view, the DNS records
 * to publish for this server and whether the certificate peers get covers its domain. A test is a POST (with the
 * form token): it makes connections to other servers, which a link from elsewhere must not trigger.
 */
@Named
@RequestScoped
public class TesterPage {

    @Inject
    FederationStatusService status;

    @Inject
    FederationSettingsService settings;

    @Inject
    CertificateService certificates;

    @Inject
    ServedDomain servedDomain;

    private String domain;
    private ProbeReport report;

    public String run() {
        if (domain == null || domain.isBlank()) {
            Messages.problem("tester:domain", "Enter the remote domain to test, such as partner.example.");
            return null;
        }
        report = status.testFederation(domain);
        return null;
    }

    public ProbeReport getReport() {
        return report;
    }

    public DnsRecordsToPublish getRecords() {
        return DnsRecordsToPublish.of(servedDomain.name(), settings.current());
    }

    public String getLocalDomain() {
        return servedDomain.name();
    }

    /** Whether the certificate peers get names this server's domain, in a sentence. */
    public String getCertificateCoverage() {
        String local = servedDomain.name();
        Optional<CertificateInfo> presented = certificates.presented().flatMap(certificates::current);
        if (presented.isEmpty()) {
            return "No certificate is installed: peers that require TLS (most public servers) will not federate with "
                    + local + ".";
        }
        CertificateInfo certificate = presented.get();
        boolean covers = CertificateRules.namesCover(certificate.dnsNames(), local);
        String which = certificate.role().displayName() + " (" + certificate.subject() + ")";
        return covers ? "The " + which + " names " + local + ": peers that check certificates accept it for these"
                + " records." : "The " + which + " does not name " + local + " (its DNS names: "
                + (certificate.dnsNames().isEmpty() ? "none" : String.join(", ", certificate.dnsNames()))
                + "): peers that check certificates will refuse it; install one for " + local + ".";
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }
}
