package dev.parley.interfaces.console;

import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import java.util.List;
import java.util.Locale;

/** Which authorizations a search of the console matches: the text in the domain (either spelling) or the note. */
final class AuthorizationSearch {

    private AuthorizationSearch() {
    }

    /**
     * @param query lower-case text to look for; null or empty matches all
     */
    static List<AuthorizationSnapshot> matching(List<AuthorizationSnapshot> all, String query) {
        if (query == null || query.isEmpty()) {
            return all;
        }
        return all.stream().filter(authorization -> matches(authorization, query)).toList();
    }

    private static boolean matches(AuthorizationSnapshot authorization, String query) {
        return authorization.pattern().text().contains(query)
                || authorization.pattern().displayText().toLowerCase(Locale.ROOT).contains(query)
                || authorization.note() != null && authorization.note().toLowerCase(Locale.ROOT).contains(query);
    }
}
