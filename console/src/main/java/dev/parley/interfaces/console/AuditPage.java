package dev.parley.interfaces.console;

import dev.parley.application.FederationAudit;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditQueryText;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.audit.InvalidAuditQueryException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The audit trail page: the API's filters (remote domain, kind, since, until, how many) as a plain GET form, so that
 * a search is an address that can be bookmarked or sent to a colleague; newest first.
 */
@Named
@RequestScoped
public class AuditPage {

    @Inject
    FederationAudit audit;

    private String domain;
    private String kind;
    private String since;
    private String until;
    private String limit;
    private List<AuditRecord> entries = List.of();

    /** Runs the search of the address (view action); a wrong field is named and nothing is listed. */
    public void load() {
        try {
            entries = audit.find(AuditQueryText.parse(domain, kind, since, until, limit));
        } catch (InvalidAuditQueryException e) {
            Messages.problems(e.problems());
        }
    }

    public List<AuditRecord> getEntries() {
        return entries;
    }

    public AuditKind[] getKinds() {
        return AuditKind.values();
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }
}
