package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EAR deploys without errors and the server reports ready at the standard MicroProfile Health endpoint. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Test
    void readinessReportsParleyDeployed() throws Exception {
        HttpResponse<String> response = ParleyHttp.anonymous().get(ParleyHttp.management("/health/ready"));
        JsonObject health = (JsonObject) ParleyHttp.json(response);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonValue::asJsonObject))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("deployments-status");
                    assertThat(check.getString("status")).isEqualTo("UP");
                    assertThat(check.getJsonObject("data").getString("parley.ear")).isEqualTo("OK");
                })
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("parley-federation");
                    assertThat(check.getString("status")).isEqualTo("UP");
                    assertThat(check.getJsonObject("data").getString("engine")).isIn("OFF", "RUNNING");
                });
    }
}
