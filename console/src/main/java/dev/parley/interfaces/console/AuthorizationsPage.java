package dev.parley.interfaces.console;

import dev.parley.application.DomainAuthorizationService;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The domain authorizations page: every authorization, searched by domain or note and shown a page at a time, each
 * with its edit link and delete button. The list is kept with the view, so that a button acts on the row the
 * administrator saw even when others changed the list meanwhile.
 */
@Named
@ViewScoped
public class AuthorizationsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @Inject
    DomainAuthorizationService authorizations;

    @Inject
    Administrator administrator;

    private String query;
    private int page = 1;
    private List<AuthorizationSnapshot> matching = List.of();

    /** Reads the list for the search and page of the address (view action, not on post-backs). */
    public void load() {
        matching = AuthorizationSearch.matching(authorizations.list(), query);
        page = Math.max(1, Math.min(page, getPageCount()));
    }

    public String delete(AuthorizationSnapshot authorization) {
        try {
            authorizations.delete(authorization.id(), administrator.getName());
            Messages.done("Deleted the authorization of " + authorization.pattern().displayText() + " ("
                    + authorization.protocol() + ").");
        } catch (AuthorizationNotFoundException e) {
            Messages.done("The authorization of " + authorization.pattern().displayText()
                    + " was deleted already, by another administrator.");
        } catch (AuthorizationConflictException e) {
            Messages.problem(null, e.getMessage());
            return null;
        }
        return "/authorizations.xhtml?faces-redirect=true&includeViewParams=true";
    }

    /** The authorizations on the page shown. */
    public List<AuthorizationSnapshot> getRows() {
        int from = Math.min((page - 1) * PAGE_SIZE, matching.size());
        return matching.subList(from, Math.min(from + PAGE_SIZE, matching.size()));
    }

    public int getMatchCount() {
        return matching.size();
    }

    public int getPageCount() {
        return Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? null : query.strip().toLowerCase(Locale.ROOT);
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
