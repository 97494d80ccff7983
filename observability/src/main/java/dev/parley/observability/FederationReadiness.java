package dev.parley.observability;

import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} says DOWN, with the reason, while federation is switched on but the engine could not start
 * (its port taken, say): a load balancer or monitor then knows this server federates with no one. Switched off is
 * ready: that is the administrator's choice, not a fault. The engine is FAILED only then: applying settings that
 * switch federation off stops it, and a refused change is followed by applying the stored settings again.
 */
@Readiness
@ApplicationScoped
public class FederationReadiness implements HealthCheck {

    static final String NAME = "parley-federation";

    @Resource(lookup = FederationControl.JNDI_NAME)
    FederationControl control;

    @Override
    public HealthCheckResponse call() {
        FederationStatus status = control.status();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("engine", status.state().name());
        status.listening().ifPresent(address -> data.put("listening",
                address.getAddress().getHostAddress() + ":" + address.getPort()));
        status.problem().ifPresent(problem -> data.put("problem", problem));
        // A link that is down keeps Parley ready: what users send waits and is retried until it comes back.
        status.proxyLink().ifPresent(link -> data.put("proxyLink", link.endpoint() + (link.state().up() ? " up"
                : " down" + link.state().problem().map(problem -> ": " + problem).orElse(""))));
        boolean ready = status.state() != FederationStatus.State.FAILED;
        // Built directly: the builder needs the server's provider, which a unit test does not have.
        return new HealthCheckResponse(NAME, ready ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
