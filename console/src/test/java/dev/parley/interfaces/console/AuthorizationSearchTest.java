package dev.parley.interfaces.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.DomainPattern;
import dev.parley.domain.model.authorization.FederationProtocol;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationSearchTest {

    private static AuthorizationSnapshot entry(long id, String pattern, String note) {
        return new AuthorizationSnapshot(id, DomainPattern.parse(pattern), FederationProtocol.XMPP,
                AuthorizationLevel.PUBLIC, null, note, 0, Instant.EPOCH, "admin", null, null);
    }

    private static final List<AuthorizationSnapshot> ALL = List.of(
            entry(1, "jabber.org", "public service"),
            entry(2, "*.partner.example", "supplier, contract 2026"),
            entry(3, "bücher.example", null));

    @Test
    void anEmptySearchMatchesAll() {
        assertThat(AuthorizationSearch.matching(ALL, null)).hasSize(3);
        assertThat(AuthorizationSearch.matching(ALL, "")).hasSize(3);
    }

    @Test
    void findsByDomainOrNote() {
        assertThat(AuthorizationSearch.matching(ALL, "partner")).extracting(AuthorizationSnapshot::id).containsExactly(2L);
        assertThat(AuthorizationSearch.matching(ALL, "contract")).extracting(AuthorizationSnapshot::id).containsExactly(2L);
        assertThat(AuthorizationSearch.matching(ALL, "nowhere")).isEmpty();
    }

    @Test
    void findsAnInternationalizedDomainByEitherSpelling() {
        assertThat(AuthorizationSearch.matching(ALL, "bücher")).extracting(AuthorizationSnapshot::id).containsExactly(3L);
        assertThat(AuthorizationSearch.matching(ALL, "xn--bcher")).extracting(AuthorizationSnapshot::id).containsExactly(3L);
    }
}
