package dev.parley.domain.model.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.tls.TlsPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationCsvTest {

    private static AuthorizationSnapshot entry(String pattern, AuthorizationLevel level, TlsPolicy tls, String note) {
        return new AuthorizationSnapshot(1, DomainPattern.parse(pattern), FederationProtocol.XMPP, level, tls, note, 0,
                Instant.EPOCH, "a", Instant.EPOCH, "a");
    }

    @Test
    void writesWhatItReadsBackQuotingWhatNeedsItAndDefusingFormulas() throws Exception {
        String csv = AuthorizationCsv.write(List.of(
                entry("partner.example", AuthorizationLevel.BUSINESS, null, "sales, \"key\" account\nsince 2026"),
                entry("*.corp.example", AuthorizationLevel.PERSONAL, TlsPolicy.REQUIRED_VALID_CERT, "=HYPERLINK(\"x\")"),
                entry("quoted.example", AuthorizationLevel.PUBLIC, null, "'=not a formula")));

        assertThat(csv).startsWith("pattern,protocol,level,tlsPolicy,note\r\n"
                + "partner.example,XMPP,BUSINESS,,\"sales, \"\"key\"\" account\nsince 2026\"\r\n");
        assertThat(csv).contains("*.corp.example,XMPP,PERSONAL,REQUIRED_VALID_CERT,\"'=HYPERLINK(\"\"x\"\")\"");
        List<AuthorizationCsv.Row> rows = AuthorizationCsv.read(csv);
        assertThat(csv).contains("quoted.example,XMPP,PUBLIC,,''=not a formula\r\n");
        assertThat(rows).extracting(AuthorizationCsv.Row::line).containsExactly(2, 4, 5);
        assertThat(rows.get(2).change().note()).isEqualTo("'=not a formula");
        assertThat(rows.get(0).change()).isEqualTo(new AuthorizationChange("partner.example", FederationProtocol.XMPP,
                AuthorizationLevel.BUSINESS, null, "sales, \"key\" account\nsince 2026"));
        assertThat(rows.get(1).change().note()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    }

    @Test
    void readsAnyCaseBlankLinesAndAByteOrderMark() throws Exception {
        List<AuthorizationCsv.Row> rows = AuthorizationCsv.read("\uFEFFpattern,protocol,level,tlsPolicy,note\n"
                + "jabber.org,xmpp,public,optional,\n\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.change().level()).isEqualTo(AuthorizationLevel.PUBLIC);
            assertThat(row.change().tlsPolicy()).isEqualTo(TlsPolicy.OPTIONAL);
            assertThat(row.change().note()).isNull();
        });
    }

    @Test
    void namesWhatIsWrongWithEachRow() throws Exception {
        List<AuthorizationCsv.Row> rows = AuthorizationCsv.read("pattern,protocol,level,tlsPolicy,note\n"
                + "a.example,XMPP,FRIENDLY,SOMETIMES,x\n"
                + "b.example,XMPP\n");

        assertThat(rows.get(0).problems()).containsExactly(
                "level must be one of [BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER, PERSONAL], not 'FRIENDLY'",
                "tlsPolicy must be one of " + java.util.Arrays.toString(TlsPolicy.values()) + ", not 'SOMETIMES'");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).problems()).containsExactly("2 fields where the header has 5");
    }

    @Test
    void refusesWhatIsNoSuchFile() {
        assertThatThrownBy(() -> AuthorizationCsv.read("domain,level\nx,y\n"))
                .isInstanceOfSatisfying(InvalidAuthorizationException.class, e -> assertThat(e.problems())
                        .containsExactly("the first line must be the header pattern,protocol,level,tlsPolicy,note, not domain,level"));
        assertThatThrownBy(() -> AuthorizationCsv.read("pattern,protocol,level,tlsPolicy,note\na,XMPP,PUBLIC,,\"open"))
                .isInstanceOfSatisfying(InvalidAuthorizationException.class, e -> assertThat(e.problems())
                        .containsExactly("line 2: a quoted field is never closed"));
        assertThatThrownBy(() -> AuthorizationCsv.read(" "))
                .isInstanceOf(InvalidAuthorizationException.class);
        assertThatThrownBy(() -> AuthorizationCsv.read("\uFEFF"))
                .isInstanceOfSatisfying(InvalidAuthorizationException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("the CSV file is empty"));
    }
}
