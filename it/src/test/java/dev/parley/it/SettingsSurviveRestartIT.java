package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings and local users live in the file-based database: a full stop and start of the server keeps them. A local
 * user's presence does not outlive their sessions: after the start they are unavailable.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsSurviveRestartIT {

    private static final String SERVER = "parley-restartable";
    private static final URI SETTINGS = ParleyHttp.app("/api/admin/settings");

    @ArquillianResource
    ContainerController server;

    @Test
    void settingsSurviveAServerRestart() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20000, 30000);
        server.start(SERVER);
        try {
            assertThat(ParleyHttp.asAdmin().put(SETTINGS, """
                    {"enabled": true, "mode": "DIRECT", "s2sPort": %d, "s2sBindAddress": "%s",
                     "proxyPort": 5275, "tlsPolicy": "REQUIRED_IGNORE_CERT_ERRORS",
                     "maxLevel": "TEAM_MEMBER", "outboundRetryWindow": 120}""".formatted(port, ItEnvironment.address())).statusCode())
                    .isEqualTo(200);
            String user = ItEnvironment.localUser("rita");
            LocalUserApi rita = new LocalUserApi(user);
            assertThat(rita.setPresence("DND", "before the restart").statusCode()).isEqualTo(200);
            server.stop(SERVER);

            server.start(SERVER);
            JsonObject settings = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(SETTINGS));
            JsonObject presence = (JsonObject) ParleyHttp.json(rita.http().get(LocalUserApi.PRESENCE));
            assertThat(presence.getString("availability")).as("rita signs in again after the restart")
                    .isEqualTo("UNAVAILABLE");
            assertThat(presence.isNull("status")).isTrue();

            assertThat(settings.getInt("s2sPort")).isEqualTo(port);
            assertThat(settings.getBoolean("enabled")).isTrue();
            assertThat(settings.getString("tlsPolicy")).isEqualTo("REQUIRED_IGNORE_CERT_ERRORS");
            assertThat(settings.getString("maxLevel")).isEqualTo("TEAM_MEMBER");
            assertThat(settings.getInt("outboundRetryWindow")).isEqualTo(120);
        } finally {
            server.stop(SERVER);
        }
    }

    @Test
    void readinessIsDownWithTheReasonWhileTheStoredPortIsTaken() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(30000, 40000);
        String settings = """
                {"enabled": true, "mode": "DIRECT", "s2sPort": %d, "s2sBindAddress": "%s", "proxyPort": 5275,
                 "tlsPolicy": "OPTIONAL", "maxLevel": "PERSONAL", "outboundRetryWindow": 3600}"""
                .formatted(port, ItEnvironment.address());
        server.start(SERVER);
        try {
            assertThat(ParleyHttp.asAdmin().put(SETTINGS, settings).statusCode()).isEqualTo(200);
            server.stop(SERVER);
            try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getByName(ItEnvironment.address()))) {
                server.start(SERVER);

                HttpResponse<String> down = ParleyHttp.anonymous().get(ParleyHttp.management("/health/ready"));
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                JsonObject check = federationCheck(down);
                assertThat(check.getString("status")).isEqualTo("DOWN");
                assertThat(check.getJsonObject("data").getString("engine")).isEqualTo("FAILED");
                assertThat(check.getJsonObject("data").getString("problem")).contains(String.valueOf(port));
            }
            assertThat(ParleyHttp.asAdmin().put(SETTINGS, settings).statusCode()).isEqualTo(200);
            HttpResponse<String> up = ParleyHttp.anonymous().get(ParleyHttp.management("/health/ready"));
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(federationCheck(up).getJsonObject("data").getString("listening")).endsWith(":" + port);
            assertThat(ParleyHttp.asAdmin().put(SETTINGS, settings.replace("\"enabled\": true", "\"enabled\": false"))
                    .statusCode()).isEqualTo(200);
        } finally {
            server.stop(SERVER);
        }
    }

    private static JsonObject federationCheck(HttpResponse<String> health) {
        return ((JsonObject) ParleyHttp.json(health)).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("parley-federation")).findFirst().orElseThrow();
    }
}
