package dev.parley.xmpp.s2s;

import dev.parley.xmpp.s2s.FederationEvent.Kind;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A {@link FederationEventListener} that tests read from, waiting a bounded time. */
final class EventLog implements FederationEventListener {

    private final List<FederationEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(FederationEvent event) {
        events.add(event);
    }

    /** The first event of {@code kind} in {@code direction}, failing the test when none arrives within five seconds. */
    FederationEvent next(Kind kind, SessionDirection direction) throws InterruptedException {
        return next(event -> event.kind() == kind && event.direction() == direction);
    }

    /** The first event {@code matching}, failing the test when none arrives within five seconds. */
    FederationEvent next(Predicate<FederationEvent> matching) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (FederationEvent event : events) {
                if (matching.test(event)) {
                    return event;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such event within 5 s; got " + events);
    }

    /** Everything reported so far, oldest first. */
    List<FederationEvent> all() {
        return List.copyOf(events);
    }
}
