package dev.parley.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.connector.api.FederationStatus;
import dev.parley.xmpp.s2s.AuthMethod;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FederationMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EngineStub engine = new EngineStub();
    private final FederationMeters meters = new FederationMeters();

    FederationMetersTest() {
        meters.registry = registry;
        meters.control = engine;
        meters.registerGauges();
    }

    @Test
    void gaugesReadTheEngineAtEachScrape() {
        assertThat(registry.get(FederationMeters.ENGINE_RUNNING).gauge().value()).isZero();
        assertThat(registry.get(FederationMeters.SESSIONS).tag("direction", "inbound").gauge().value()).isZero();

        engine.status = new FederationStatus(FederationStatus.State.RUNNING, Optional.empty(), Set.of("parley.test"),
                Optional.empty(), Optional.empty());
        engine.sessions.add(session("1-a", SessionDirection.INBOUND));
        engine.sessions.add(session("2-b", SessionDirection.INBOUND));
        engine.sessions.add(session("3-c", SessionDirection.OUTBOUND));

        assertThat(registry.get(FederationMeters.ENGINE_RUNNING).gauge().value()).isEqualTo(1);
        assertThat(registry.get(FederationMeters.SESSIONS).tag("direction", "inbound").gauge().value()).isEqualTo(2);
        assertThat(registry.get(FederationMeters.SESSIONS).tag("direction", "outbound").gauge().value()).isEqualTo(1);
    }

    @Test
    void countsStanzasByOutcomeAndConditionAndEventsByKind() {
        meters.stanzasReceived(1);
        meters.stanzasWritten(3);
        meters.stanzaSent("bounced", StanzaErrorCondition.NOT_ALLOWED);
        meters.stanzaSent("bounced", StanzaErrorCondition.NOT_ALLOWED);
        meters.event(FederationEvent.Kind.REFUSED);

        assertThat(registry.get(FederationMeters.RECEIVED).counter().count()).isEqualTo(1);
        assertThat(registry.get(FederationMeters.SENT).tags("outcome", "written", "condition", "none").counter().count())
                .isEqualTo(3);
        assertThat(registry.get(FederationMeters.SENT).tags("outcome", "bounced", "condition", "not-allowed").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get(FederationMeters.EVENTS).tag("kind", "refused").counter().count()).isEqualTo(1);
        assertThat(meters.figures()).isEqualTo(new FederationFigures(1, 3, 0, 2, 0, 0));
    }

    private static SessionInfo session(String id, SessionDirection direction) {
        return new SessionInfo(id, direction, Set.of("parley.test"), Set.of("remote.test"), Optional.empty(),
                AuthMethod.DIALBACK, SessionState.AUTHENTICATED, 0, 0, Instant.EPOCH, Optional.empty());
    }
}
