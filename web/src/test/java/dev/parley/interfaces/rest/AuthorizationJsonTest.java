package dev.parley.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.DomainPattern;
import dev.parley.domain.model.authorization.FederationProtocol;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationJsonTest {

    private static final AuthorizationSnapshot PARTNER = new AuthorizationSnapshot(7, DomainPattern.parse("*.partner.example"),
            FederationProtocol.XMPP, AuthorizationLevel.BUSINESS, TlsPolicy.REQUIRED_VALID_CERT, "Supplier since 2024", 3,
            Instant.parse("2026-11-01T08:00:00Z"), "installer", Instant.parse("2026-11-26T01:00:00Z"), "admin");

    @Test
    void showsEveryField() {
        JsonObject json = AuthorizationJson.toJson(PARTNER);

        assertThat(json.getJsonNumber("id").longValue()).isEqualTo(7);
        assertThat(json.getString("pattern")).isEqualTo("*.partner.example");
        assertThat(json.getString("protocol")).isEqualTo("XMPP");
        assertThat(json.getString("level")).isEqualTo("BUSINESS");
        assertThat(json.getString("tlsPolicy")).isEqualTo("REQUIRED_VALID_CERT");
        assertThat(json.getString("note")).isEqualTo("Supplier since 2024");
        assertThat(json.getJsonNumber("version").longValue()).isEqualTo(3);
        assertThat(json.getString("createdAt")).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(json.getString("createdBy")).isEqualTo("installer");
        assertThat(json.getString("updatedAt")).isEqualTo("2026-11-26T01:00:00Z");
        assertThat(json.getString("updatedBy")).isEqualTo("admin");
        assertThat(json.getJsonArray("remarks")).isEmpty();
    }

    @Test
    void globalTlsPolicyAndNoNoteAreNull() {
        AuthorizationSnapshot plain = new AuthorizationSnapshot(1, DomainPattern.parse("jabber.org"), FederationProtocol.XMPP,
                AuthorizationLevel.PUBLIC, null, null, 0, Instant.EPOCH, "installer", Instant.EPOCH, "installer");

        JsonObject json = AuthorizationJson.toJson(plain);

        assertThat(json.get("tlsPolicy")).isEqualTo(JsonValue.NULL);
        assertThat(json.get("note")).isEqualTo(JsonValue.NULL);
        assertThat(AuthorizationJson.toJson(List.of(plain, PARTNER))).hasSize(2);
    }

    @Test
    void sipEntriesCarryTheirRemark() {
        AuthorizationSnapshot sip = new AuthorizationSnapshot(2, DomainPattern.parse("partner.example"), FederationProtocol.SIP,
                AuthorizationLevel.PUBLIC, null, null, 0, Instant.EPOCH, "admin", Instant.EPOCH, "admin");

        assertThat(AuthorizationJson.toJson(sip).getJsonArray("remarks").getString(0)).contains("never authorize XMPP");
    }

    @Test
    void whatGetReturnsCanBeSentBackByPut() {
        AuthorizationJson.Replacement replacement = AuthorizationJson.replacementFromJson(AuthorizationJson.toJson(PARTNER), 7);

        assertThat(replacement.expectedVersion()).isEqualTo(3);
        assertThat(replacement.change()).isEqualTo(new AuthorizationChange("*.partner.example", FederationProtocol.XMPP,
                AuthorizationLevel.BUSINESS, TlsPolicy.REQUIRED_VALID_CERT, "Supplier since 2024"));
    }

    @Test
    void postNeedsOnlyTheWritableFields() {
        AuthorizationChange change = AuthorizationJson.fromJson(JsonDocuments.parseObject(
                "{\"pattern\":\"jabber.org\",\"protocol\":\"XMPP\",\"level\":\"PUBLIC\"}"));

        assertThat(change).isEqualTo(new AuthorizationChange("jabber.org", FederationProtocol.XMPP, AuthorizationLevel.PUBLIC,
                null, null));
    }

    @Test
    void reportsEveryTypeProblemAtOnce() {
        JsonObject json = JsonDocuments.parseObject("{\"pattern\":42,\"protocol\":\"IRC\",\"level\":\"FRIENDS\","
                + "\"tlsPolicy\":\"MAYBE\",\"note\":[],\"colour\":\"red\"}");

        assertThatThrownBy(() -> AuthorizationJson.fromJson(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "Unknown field 'colour'",
                        "pattern must be a string, not 42",
                        "protocol must be one of [XMPP, SIP], not 'IRC'",
                        "level must be one of [BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER, PERSONAL], not 'FRIENDS'",
                        "tlsPolicy must be one of [NONE, OPTIONAL, REQUIRED_IGNORE_CERT_ERRORS, REQUIRED_VALID_CERT],"
                                + " not 'MAYBE'",
                        "note must be a string, not []"));
    }

    @Test
    void putNeedsTheVersionReadAndTheRightId() {
        JsonObject withoutVersion = JsonDocuments.parseObject(
                "{\"id\":8,\"pattern\":\"jabber.org\",\"protocol\":\"XMPP\",\"level\":\"PUBLIC\"}");

        assertThatThrownBy(() -> AuthorizationJson.replacementFromJson(withoutVersion, 7))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactly(
                        "version is required: the version of the authorization as it was read, so that a concurrent"
                                + " change is refused instead of overwritten",
                        "id 8 in the body does not match authorization 7 of the address"));
        assertThatThrownBy(() -> AuthorizationJson.replacementFromJson(JsonDocuments.parseObject(
                "{\"version\":\"3\",\"pattern\":\"jabber.org\",\"protocol\":\"XMPP\",\"level\":\"PUBLIC\"}"), 7))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .containsExactly("version must be a whole number, not \"3\""));
    }
}
