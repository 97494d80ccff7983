package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin settings API: authentication, validation, and the round trip through JPA. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsApiIT {

    private static final URI SETTINGS = ParleyHttp.app("/api/admin/settings");
    private static final URI CERTIFICATE = ParleyHttp.app("/api/admin/certificate");
    private static final URI SIP_CERTIFICATE = ParleyHttp.app("/api/admin/certificate/sip");
    private static final URI AUDIT = ParleyHttp.app("/api/admin/audit?kind=SETTINGS_CHANGED&limit=50");

    @Test
    void refusesCallersWithoutCredentials() throws Exception {
        HttpResponse<String> response = ParleyHttp.anonymous().get(SETTINGS);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void refusesWrongPassword() throws Exception {
        assertThat(ParleyHttp.as(ItEnvironment.ADMIN_USER, "wrong").get(SETTINGS).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAuthenticatedUsersWithoutTheAdminRole() throws Exception {
        assertThat(ParleyHttp.asIntegration().get(SETTINGS).statusCode()).isEqualTo(403);
    }

    @Test
    void storesAndReturnsSettings() throws Exception {
        HttpResponse<String> put = ParleyHttp.asAdmin().put(SETTINGS, """
                {"enabled": true, "mode": "PROXY", "s2sPort": 15269, "s2sBindAddress": "127.0.0.1",
                 "proxyHost": "dmz-proxy.corp.example", "proxyPort": 5276, "proxyPassword": "s3cret-proxy",
                 "tlsPolicy": "REQUIRED_VALID_CERT",
                 "maxLevel": "BUSINESS", "outboundRetryWindow": 900}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonObject stored = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(SETTINGS));

        assertThat(stored.getBoolean("enabled")).isTrue();
        assertThat(stored.getString("mode")).isEqualTo("PROXY");
        assertThat(stored.getInt("s2sPort")).isEqualTo(15269);
        assertThat(stored.getString("proxyHost")).isEqualTo("dmz-proxy.corp.example");
        assertThat(stored.getInt("proxyPort")).isEqualTo(5276);
        assertThat(stored.getString("tlsPolicy")).isEqualTo("REQUIRED_VALID_CERT");
        assertThat(stored.getBoolean("proxyPasswordSet")).isTrue();
        assertThat(stored.getString("updatedBy")).isEqualTo(ItEnvironment.ADMIN_USER);
        assertThat(stored.toString()).doesNotContain("s3cret-proxy");
    }

    @Test
    void refusesInvalidValuesWithReasonsAndKeepsTheStoredSettings() throws Exception {
        String before = ParleyHttp.asAdmin().get(SETTINGS).body();

        HttpResponse<String> response = ParleyHttp.asAdmin().put(SETTINGS, """
                {"enabled": false, "mode": "DIRECT", "s2sPort": 70000, "s2sBindAddress": "127.0.0.1",
                 "proxyPort": 0, "tlsPolicy": "OPTIONAL",
                 "maxLevel": "PERSONAL", "outboundRetryWindow": 3600}""");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject problem = (JsonObject) ParleyHttp.json(response);
        assertThat(problem.getString("error")).isEqualTo("invalid settings");
        assertThat(problem.getJsonArray("problems").getValuesAs(v -> v.toString().replace("\"", "")))
                .containsExactlyInAnyOrder("s2sPort must be between 1 and 65535, not 70000",
                        "proxyPort must be between 1 and 65535, not 0");
        assertThat(ParleyHttp.asAdmin().get(SETTINGS).body()).isEqualTo(before);
    }

    @Test
    void switchingFederationOnWithTlsRequiredAndNoCertificateMakesASelfSignedOne() throws Exception {
        assertThat(ParleyHttp.asAdmin().delete(CERTIFICATE).statusCode()).isEqualTo(204);
        assertThat(ParleyHttp.asAdmin().delete(SIP_CERTIFICATE).statusCode()).isEqualTo(204);
        try {
            ParleyAdmin.settings(Federation.on().withTlsPolicy("REQUIRED_IGNORE_CERT_ERRORS"));

            JsonObject certificate = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(CERTIFICATE));
            assertThat(certificate.getString("subject")).isEqualTo("CN=" + ItEnvironment.XMPP_DOMAIN);
            assertThat(certificate.getString("issuer")).as("self-signed").isEqualTo(certificate.getString("subject"));
            assertThat(ParleyHttp.asAdmin().get(AUDIT).body()).contains("switched federation on with TLS required and"
                    + " no certificate installed: a self-signed certificate for " + ItEnvironment.XMPP_DOMAIN + " was made");
            assertThat(RawS2s.exchange(RawS2s.header(ItEnvironment.XMPP_DOMAIN), "</stream:features>",
                    "<stream:features/>", "</stream:stream>")).as("what a remote server is offered")
                    .contains("urn:ietf:params:xml:ns:xmpp-tls").contains("<required");
        } finally {
            ParleyAdmin.settings(Federation.on().off());
            assertThat(ParleyHttp.asAdmin().delete(CERTIFICATE).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void switchingFederationOnWithTlsOptionalMakesNoCertificate() throws Exception {
        assertThat(ParleyHttp.asAdmin().delete(CERTIFICATE).statusCode()).isEqualTo(204);
        assertThat(ParleyHttp.asAdmin().delete(SIP_CERTIFICATE).statusCode()).isEqualTo(204);
        try {
            ParleyAdmin.settings(Federation.on());

            assertThat(ParleyHttp.asAdmin().get(CERTIFICATE).statusCode()).isEqualTo(404);
        } finally {
            ParleyAdmin.settings(Federation.on().off());
        }
    }

    @Test
    void refusesBodiesThatAreNotSettingsDocuments() throws Exception {
        HttpResponse<String> broken = ParleyHttp.asAdmin().put(SETTINGS, "{\"enabled\": tr");
        HttpResponse<String> wrongTypes = ParleyHttp.asAdmin().put(SETTINGS, "{\"s2sPort\": \"5269\", \"colour\": 1}");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("The body is not valid JSON");
        assertThat(wrongTypes.statusCode()).isEqualTo(400);
        assertThat(wrongTypes.body()).contains("s2sPort must be a whole number").contains("Unknown field 'colour'");
    }

    @Test
    void serverRootLeadsToTheConsole() throws Exception {
        HttpResponse<String> root = ParleyHttp.anonymous().get(ParleyHttp.app("/"));

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("url=/console/");
    }
}
