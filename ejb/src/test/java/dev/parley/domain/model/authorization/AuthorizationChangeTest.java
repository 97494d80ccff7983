package dev.parley.domain.model.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.api.Test;

class AuthorizationChangeTest {

    @Test
    void acceptsACompleteChange() {
        AuthorizationChange change = new AuthorizationChange("*.Partner.example", FederationProtocol.XMPP,
                AuthorizationLevel.BUSINESS, TlsPolicy.REQUIRED_VALID_CERT, "  Our supplier  ");

        assertThat(change.problems()).isEmpty();
        assertThat(change.remarks()).isEmpty();
        assertThat(change.domainPattern().text()).isEqualTo("*.partner.example");
        assertThat(change.note()).isEqualTo("Our supplier");
    }

    @Test
    void listsEveryMissingField() {
        assertThat(new AuthorizationChange(null, null, null, null, null).problems()).containsExactly(
                "pattern is required: a domain such as example.com, or *.example.com for its subdomains",
                "protocol is required (XMPP, or SIP for an entry kept for SIP federation)",
                "level is required (BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER or PERSONAL)");
    }

    @Test
    void namesWhatIsWrongWithThePattern() {
        AuthorizationChange change = new AuthorizationChange("a.*.example", FederationProtocol.XMPP,
                AuthorizationLevel.PUBLIC, null, null);

        assertThat(change.problems())
                .containsExactly("pattern 'a.*.example' may hold '*' only as its whole first label, as in *.example.com");
    }

    @Test
    void noteIsOptionalAndLimited() {
        assertThat(withNote("   ").note()).isNull();
        assertThat(withNote("x".repeat(1024)).problems()).isEmpty();
        assertThat(withNote("x".repeat(1025)).problems()).containsExactly("note is 1025 characters long; at most 1024 are kept");
        assertThat(withNote("line one\nline two\ttabbed").problems()).isEmpty();
        assertThat(withNote("bell\u0007").problems())
                .containsExactly("note may not contain control characters other than line breaks and tabs");
    }

    @Test
    void sipEntriesAreValidButRemarkedAsNotAuthorizingXmpp() {
        AuthorizationChange sip = new AuthorizationChange("sip.partner.example", FederationProtocol.SIP,
                AuthorizationLevel.PUBLIC, null, null);

        assertThat(sip.problems()).isEmpty();
        assertThat(sip.remarks()).singleElement().asString().contains("never authorize XMPP");
    }

    @Test
    void tlsPolicyOnABlockedEntryIsRemarked() {
        AuthorizationChange blocked = new AuthorizationChange("evil.example", FederationProtocol.XMPP,
                AuthorizationLevel.BLOCKED, TlsPolicy.REQUIRED_VALID_CERT, null);

        assertThat(blocked.problems()).isEmpty();
        assertThat(blocked.remarks()).containsExactly("tlsPolicy has no effect while the level is BLOCKED");
    }

    private static AuthorizationChange withNote(String note) {
        return new AuthorizationChange("jabber.org", FederationProtocol.XMPP, AuthorizationLevel.PUBLIC, null, note);
    }
}
