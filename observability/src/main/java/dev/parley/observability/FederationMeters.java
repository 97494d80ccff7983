package dev.parley.observability;

import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationStatus;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.search.Search;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parley's federation meters, in WildFly's Micrometer registry (Prometheus at the management interface's
 * {@code /metrics}): open S2S sessions by direction and whether the engine runs (read from the adapter at each
 * scrape), stanzas received from remote servers, stanzas sent by how they ended (written, retried or bounced, and
 * why), and
 * federation events by kind (streams opened and closed, refusals, connection failures). The application counts what
 * passes through it, so the figures are what users got, not what the engine saw. Here, in the EAR's {@code lib/},
 * because WildFly gives a registry to the top-level deployment. Meters are made through the registry's own
 * {@code counter} and {@code gauge} methods: WildFly's application registry exports those, not what a builder
 * registers.
 */
@ApplicationScoped
public class FederationMeters {

    static final String SESSIONS = "parley.s2s.sessions";
    static final String ENGINE_RUNNING = "parley.s2s.engine.running";
    static final String RECEIVED = "parley.stanzas.received";
    static final String SENT = "parley.stanzas.sent";
    static final String EVENTS = "parley.federation.events";

    @Inject
    MeterRegistry registry;

    @Resource(lookup = FederationControl.JNDI_NAME)
    FederationControl control;

    /**
     * The counters made so far, by name and tags: the registry's {@code counter} searches all of the server's meters
     * each time (measured: a fifth of the outbound path's own CPU), so each is looked up once.
     */
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    private record CounterKey(String name, Tags tags) {
    }

    /** Creates this bean with the application, so that the gauges are there before anything is counted. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        registry.getMeters();
    }

    @PostConstruct
    void registerGauges() {
        for (SessionDirection direction : SessionDirection.values()) {
            registry.gauge(SESSIONS, Tags.of("direction", tag(direction.name())), control,
                    engine -> engine.sessions().stream().filter(session -> session.direction() == direction).count());
        }
        registry.gauge(ENGINE_RUNNING, Tags.empty(), control,
                engine -> engine.status().state() == FederationStatus.State.RUNNING ? 1 : 0);
    }

    /** {@code count} stanzas from remote servers reached the application. */
    public void stanzasReceived(int count) {
        counter(RECEIVED, Tags.empty()).increment(count);
    }

    /**
     * A stanza to a remote server ended this way: {@code written} to its stream, {@code retried} later, or
     * {@code bounced} back to its sender.
     *
     * @param condition why it was not written; null when it was
     */
    public void stanzaSent(String outcome, StanzaErrorCondition condition) {
        counter(SENT, Tags.of("outcome", outcome, "condition",
                condition == null ? "none" : condition.elementName())).increment();
    }

    /** {@code count} stanzas to remote servers were written to their streams. */
    public void stanzasWritten(int count) {
        counter(SENT, Tags.of("outcome", "written", "condition", "none")).increment(count);
    }

    /** Streams opened and closed, refusals, connection failures. */
    public void event(FederationEvent.Kind kind) {
        counter(EVENTS, Tags.of("kind", tag(kind.name()))).increment();
    }

    private Counter counter(String name, Tags tags) {
        return counters.computeIfAbsent(new CounterKey(name, tags), key -> registry.counter(name, tags));
    }

    /** The figures as of now, for the console's charts. */
    public FederationFigures figures() {
        return new FederationFigures(sum(RECEIVED, null), sum(SENT, "written"), sum(SENT, "retried"),
                sum(SENT, "bounced"), sessions(SessionDirection.INBOUND), sessions(SessionDirection.OUTBOUND));
    }

    private long sum(String counter, String outcome) {
        Search search = registry.find(counter);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return Math.round(search.counters().stream().mapToDouble(Counter::count).sum());
    }

    private long sessions(SessionDirection direction) {
        Gauge sessions = registry.find(SESSIONS).tag("direction", tag(direction.name())).gauge();
        return sessions == null ? 0 : Math.round(sessions.value());
    }

    private static String tag(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
