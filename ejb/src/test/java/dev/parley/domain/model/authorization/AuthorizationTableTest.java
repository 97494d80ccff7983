package dev.parley.domain.model.authorization;

import static dev.parley.domain.model.authorization.AuthorizationLevel.BLOCKED;
import static dev.parley.domain.model.authorization.AuthorizationLevel.BUSINESS;
import static dev.parley.domain.model.authorization.AuthorizationLevel.PERSONAL;
import static dev.parley.domain.model.authorization.AuthorizationLevel.PUBLIC;
import static dev.parley.domain.model.authorization.AuthorizationLevel.TEAM_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.authorization.AuthorizationTable.Entry;
import dev.parley.domain.model.authorization.AuthorizationTable.Grant;
import dev.parley.xmpp.tls.TlsPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationTableTest {

    private static Entry xmpp(String pattern, AuthorizationLevel level) {
        return new Entry(DomainPattern.parse(pattern), FederationProtocol.XMPP, level, Optional.empty());
    }

    private static Entry xmpp(String pattern, AuthorizationLevel level, TlsPolicy tls) {
        return new Entry(DomainPattern.parse(pattern), FederationProtocol.XMPP, level, Optional.of(tls));
    }

    private static AuthorizationTable table(Entry... entries) {
        return AuthorizationTable.of(List.of(entries), PERSONAL);
    }

    @Test
    void refusesDomainsWithoutAuthorizationInEitherDirection() {
        AuthorizationTable table = table(xmpp("jabber.org", PUBLIC));

        assertThat(table.grantFor("evil.example")).isEmpty();
        assertThat(table.levelFor("evil.example")).isEqualTo(BLOCKED);
        assertThat(table.refusal("evil.example"))
                .contains("federation with evil.example is not authorized on this server (no domain authorization)");
        assertThat(AuthorizationTable.empty().refusal("jabber.org")).isPresent();
    }

    @Test
    void grantsAnExactlyAuthorizedDomainItsLevel() {
        AuthorizationTable table = table(xmpp("jabber.org", BUSINESS));

        assertThat(table.grantFor("jabber.org"))
                .contains(new Grant(DomainPattern.parse("jabber.org"), BUSINESS, Optional.empty()));
        assertThat(table.refusal("jabber.org")).isEmpty();
        assertThat(table.grantFor("conference.jabber.org")).isEmpty();
    }

    @Test
    void wildcardCoversSubdomainsButNotItsDomain() {
        AuthorizationTable table = table(xmpp("*.partner.example", TEAM_MEMBER));

        assertThat(table.levelFor("chat.partner.example")).isEqualTo(TEAM_MEMBER);
        assertThat(table.levelFor("eu.chat.partner.example")).isEqualTo(TEAM_MEMBER);
        assertThat(table.grantFor("partner.example")).isEmpty();
        assertThat(table.grantFor("otherpartner.example")).isEmpty();
    }

    @Test
    void exactBlockedBeatsAWildcardAllow() {
        AuthorizationTable table = table(xmpp("*.partner.example", PERSONAL), xmpp("legacy.partner.example", BLOCKED));

        assertThat(table.grantFor("legacy.partner.example")).isEmpty();
        assertThat(table.refusal("legacy.partner.example")).contains(
                "federation with legacy.partner.example is blocked by the domain authorization for legacy.partner.example");
        assertThat(table.levelFor("chat.partner.example")).isEqualTo(PERSONAL);
    }

    @Test
    void exactAllowBeatsAWildcardBlock() {
        AuthorizationTable table = table(xmpp("*.evil.example", BLOCKED), xmpp("reformed.evil.example", PUBLIC));

        assertThat(table.levelFor("reformed.evil.example")).isEqualTo(PUBLIC);
        assertThat(table.grantFor("spam.evil.example")).isEmpty();
        assertThat(table.refusal("spam.evil.example"))
                .contains("federation with spam.evil.example is blocked by the domain authorization for *.evil.example");
    }

    @Test
    void deeperWildcardBeatsShallowerWhicheverComesFirst() {
        Entry shallow = xmpp("*.example.com", PUBLIC);
        Entry deep = xmpp("*.eu.example.com", TEAM_MEMBER);

        for (AuthorizationTable table : List.of(table(shallow, deep), table(deep, shallow))) {
            assertThat(table.grantFor("chat.eu.example.com")).map(Grant::pattern)
                    .contains(DomainPattern.parse("*.eu.example.com"));
            assertThat(table.levelFor("a.b.eu.example.com")).isEqualTo(TEAM_MEMBER);
            assertThat(table.levelFor("eu.example.com")).isEqualTo(PUBLIC);
            assertThat(table.levelFor("us.example.com")).isEqualTo(PUBLIC);
        }
    }

    @Test
    void deeperWildcardBlockBeatsShallowerAllow() {
        AuthorizationTable table = table(xmpp("*.example.com", PERSONAL), xmpp("*.guests.example.com", BLOCKED));

        assertThat(table.refusal("x.guests.example.com")).contains(
                "federation with x.guests.example.com is blocked by the domain authorization for *.guests.example.com");
        assertThat(table.levelFor("staff.example.com")).isEqualTo(PERSONAL);
    }

    @Test
    void globalMaximumCapsEveryLevel() {
        AuthorizationTable table = AuthorizationTable.of(
                List.of(xmpp("jabber.org", PERSONAL), xmpp("*.partner.example", BUSINESS), xmpp("xmpp.jp", PUBLIC)),
                BUSINESS);

        assertThat(table.levelFor("jabber.org")).isEqualTo(BUSINESS);
        assertThat(table.levelFor("chat.partner.example")).isEqualTo(BUSINESS);
        assertThat(table.levelFor("xmpp.jp")).isEqualTo(PUBLIC);
        assertThat(table.grantFor("jabber.org")).map(Grant::pattern).contains(DomainPattern.parse("jabber.org"));
    }

    @Test
    void globalMaximumBlockedStopsAllFederation() {
        AuthorizationTable table = AuthorizationTable.of(List.of(xmpp("jabber.org", PERSONAL), xmpp("*.example", PUBLIC)),
                BLOCKED);

        assertThat(table.grantFor("jabber.org")).isEmpty();
        assertThat(table.grantFor("a.example")).isEmpty();
        assertThat(table.refusal("jabber.org"))
                .contains("federation with jabber.org is blocked on this server (the global maximum level is BLOCKED)");
        assertThat(table.refusal("unknown.test"))
                .contains("federation with unknown.test is not authorized on this server (no domain authorization)");
    }

    @Test
    void sipEntriesNeverAuthorizeXmpp() {
        Entry sip = new Entry(DomainPattern.parse("sip-partner.example"), FederationProtocol.SIP, PERSONAL, Optional.empty());
        AuthorizationTable table = table(sip, xmpp("*.example", BLOCKED));

        assertThat(table.grantFor("sip-partner.example")).isEmpty();
        assertThat(table.refusal("sip-partner.example"))
                .contains("federation with sip-partner.example is blocked by the domain authorization for *.example");
        assertThat(table.entries()).extracting(Entry::protocol).containsOnly(FederationProtocol.XMPP);
        assertThat(table(sip).refusal("sip-partner.example")).hasValueSatisfying(
                reason -> assertThat(reason).endsWith("(no domain authorization)"));
    }

    @Test
    void sipEntryDoesNotHideTheXmppEntryForTheSamePattern() {
        Entry sipBlock = new Entry(DomainPattern.parse("partner.example"), FederationProtocol.SIP, BLOCKED, Optional.empty());

        assertThat(table(sipBlock, xmpp("partner.example", BUSINESS)).levelFor("partner.example")).isEqualTo(BUSINESS);
        assertThat(table(xmpp("partner.example", BUSINESS), sipBlock).levelFor("partner.example")).isEqualTo(BUSINESS);
    }

    @Test
    void internationalizedDomainsMatchInTheirALabelForm() {
        AuthorizationTable table = table(xmpp("*.Bücher.example", PUBLIC), xmpp("münchen.example", BUSINESS));

        assertThat(table.levelFor("shop.xn--bcher-kva.example")).isEqualTo(PUBLIC);
        assertThat(table.levelFor("xn--mnchen-3ya.example")).isEqualTo(BUSINESS);
    }

    @Test
    void tlsPolicyComesFromTheDecidingAuthorizationOnly() {
        AuthorizationTable table = table(xmpp("*.example.com", PUBLIC, TlsPolicy.REQUIRED_VALID_CERT),
                xmpp("legacy.example.com", PUBLIC), xmpp("old.example.com", BLOCKED, TlsPolicy.NONE));

        assertThat(table.tlsPolicyFor("chat.example.com")).contains(TlsPolicy.REQUIRED_VALID_CERT);
        assertThat(table.grantFor("chat.example.com")).map(Grant::tlsOverride).contains(Optional.of(TlsPolicy.REQUIRED_VALID_CERT));
        // The exact entry decides, and it sets none: the global policy applies, not the wildcard's.
        assertThat(table.tlsPolicyFor("legacy.example.com")).isEmpty();
        assertThat(table.tlsPolicyFor("old.example.com")).isEmpty();
        assertThat(table.tlsPolicyFor("nowhere.test")).isEmpty();
    }

    @Test
    void lookupsTakeCanonicalDomainsOnly() {
        AuthorizationTable table = table(xmpp("jabber.org", PUBLIC));

        assertThat(table.grantFor("JABBER.org")).isEmpty();
        assertThat(table.grantFor("jabber.org.")).isEmpty();
    }

    @Test
    void duplicatePatternsKeepTheStricterLevel() {
        AuthorizationTable table = table(xmpp("jabber.org", PERSONAL), xmpp("jabber.org", PUBLIC));

        assertThat(table.levelFor("jabber.org")).isEqualTo(PUBLIC);
        assertThat(table.entries()).hasSize(1);
    }

    @Test
    void tablesWithTheSameEntriesAndMaximumAreEqual() {
        AuthorizationTable one = AuthorizationTable.of(List.of(xmpp("b.example", PUBLIC), xmpp("*.a.example", BUSINESS)), BUSINESS);
        AuthorizationTable two = AuthorizationTable.of(List.of(xmpp("*.a.example", BUSINESS), xmpp("b.example", PUBLIC)), BUSINESS);

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(AuthorizationTable.of(one.entries(), PERSONAL));
        assertThat(one.entries()).extracting(entry -> entry.pattern().text()).containsExactly("*.a.example", "b.example");
        assertThat(one.maxLevel()).isEqualTo(BUSINESS);
    }
}
