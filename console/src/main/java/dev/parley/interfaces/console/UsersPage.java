package dev.parley.interfaces.console;

import dev.parley.application.LocalUserService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.user.UserSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/** The local users, searched by name, display name, company or department. */
@Named
@RequestScoped
public class UsersPage {

    @Inject
    LocalUserService users;

    @Inject
    ServedDomain servedDomain;

    private String query;

    public List<UserSnapshot> getRows() {
        String wanted = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return users.list().stream().filter(user -> wanted.isEmpty() || matches(user, wanted)).toList();
    }

    public String getDomain() {
        return servedDomain.name();
    }

    private static boolean matches(UserSnapshot user, String wanted) {
        return contains(user.name().value(), wanted) || contains(user.card().displayName(), wanted)
                || contains(user.card().company(), wanted) || contains(user.card().department(), wanted);
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
