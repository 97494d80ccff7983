package dev.parley.interfaces.console;

import dev.parley.application.DomainAuthorizationService;
import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.FederationProtocol;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Adds one domain authorization, or edits one: the version read when the page opened goes along with the change, so
 * that a change another administrator made meanwhile is reported as a conflict instead of being overwritten.
 */
@Named
@ViewScoped
public class AuthorizationEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DomainAuthorizationService authorizations;

    @Inject
    Administrator administrator;

    private Long id;
    private long version;
    private boolean missing;
    private String pattern;
    private FederationProtocol protocol = FederationProtocol.XMPP;
    private AuthorizationLevel level = AuthorizationLevel.BUSINESS;
    private TlsPolicy tlsPolicy;
    private String note;

    /** Reads the authorization the address names (view action, not on post-backs); a new one when it names none. */
    public void load() {
        if (id == null) {
            return;
        }
        try {
            AuthorizationSnapshot stored = authorizations.get(id);
            version = stored.version();
            pattern = stored.pattern().displayText();
            protocol = stored.protocol();
            level = stored.level();
            tlsPolicy = stored.tlsPolicy();
            note = stored.note();
        } catch (AuthorizationNotFoundException e) {
            missing = true;
            Messages.problem(null, "There is no domain authorization " + id + " (any more): another administrator"
                    + " may have deleted it.");
        }
    }

    public String save() {
        AuthorizationChange change = new AuthorizationChange(pattern, protocol, level, tlsPolicy, note);
        try {
            AuthorizationSnapshot saved = id == null ? authorizations.create(change, administrator.getName())
                    : authorizations.update(id, version, change, administrator.getName());
            Messages.done((id == null ? "Added " : "Saved ") + saved.summary() + ".");
            saved.remarks().forEach(Messages::done);
        } catch (InvalidAuthorizationException e) {
            Messages.problems(e.problems());
            return null;
        } catch (AuthorizationConflictException e) {
            Messages.problem(null, conflict());
            return null;
        } catch (AuthorizationNotFoundException e) {
            missing = true;
            Messages.problem(null, "Another administrator deleted this authorization meanwhile; nothing was saved."
                    + " Add it anew if it is still wanted.");
            return null;
        }
        return "/authorizations.xhtml?faces-redirect=true";
    }

    /** What another administrator's change made of the entry, so that this one can decide again. */
    private String conflict() {
        try {
            AuthorizationSnapshot now = authorizations.get(id);
            return "Another administrator changed this authorization while you edited it" + (now.updatedBy() == null
                    ? "" : " (" + now.updatedBy() + ")") + "; it now reads: " + now.summary()
                    + ". Nothing was saved: reload the page to start from their version.";
        } catch (AuthorizationNotFoundException e) {
            return "Another administrator deleted this authorization while you edited it; nothing was saved.";
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isMissing() {
        return missing;
    }

    public FederationProtocol[] getProtocols() {
        return FederationProtocol.values();
    }

    public AuthorizationLevel[] getLevels() {
        return AuthorizationLevel.values();
    }

    public TlsPolicy[] getTlsPolicies() {
        return TlsPolicy.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public FederationProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(FederationProtocol protocol) {
        this.protocol = protocol;
    }

    public AuthorizationLevel getLevel() {
        return level;
    }

    public void setLevel(AuthorizationLevel level) {
        this.level = level;
    }

    public TlsPolicy getTlsPolicy() {
        return tlsPolicy;
    }

    public void setTlsPolicy(TlsPolicy tlsPolicy) {
        this.tlsPolicy = tlsPolicy;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
