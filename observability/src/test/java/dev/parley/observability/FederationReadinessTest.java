package dev.parley.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.connector.api.FederationStatus;
import dev.parley.connector.api.FederationStatus.State;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Ready unless the engine failed to start with federation switched on; the reason goes with DOWN. */
class FederationReadinessTest {

    private static final String PORT_TAKEN = "cannot listen on 127.0.0.1:5269: the address is in use";

    private HealthCheckResponse check(FederationStatus status) {
        FederationReadiness readiness = new FederationReadiness();
        EngineStub engine = new EngineStub();
        engine.status = status;
        readiness.control = engine;
        return readiness.call();
    }

    @Test
    void isDownWithTheReasonWhenTheEngineFailed() {
        HealthCheckResponse response = check(new FederationStatus(State.FAILED, Optional.empty(), Set.of("parley.test"),
                Optional.of(PORT_TAKEN), Optional.empty()));

        assertThat(response.getName()).isEqualTo("parley-federation");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("engine", "FAILED").containsEntry("problem", PORT_TAKEN)
                .doesNotContainKey("listening");
    }

    @Test
    void isUpWhileRunningAndSaysWhere() {
        HealthCheckResponse response = check(new FederationStatus(State.RUNNING,
                Optional.of(new InetSocketAddress("127.0.0.1", 5269)), Set.of("parley.test"), Optional.empty(),
                Optional.empty()));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("engine", "RUNNING")
                .containsEntry("listening", "127.0.0.1:5269").doesNotContainKey("problem");
    }

    @Test
    void isUpWhileSwitchedOff() {
        HealthCheckResponse response = check(new FederationStatus(State.OFF, Optional.empty(), Set.of("parley.test"),
                Optional.empty(), Optional.empty()));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("engine", "OFF");
    }
}
