package dev.parley.xmpp.s2s;

/**
 * Where the engine reports {@link FederationEvent}s, e.g. for an audit trail. Called on the engine's I/O threads, so
 * it must hand work off instead of blocking; an exception it throws is logged and the engine carries on.
 */
@FunctionalInterface
public interface FederationEventListener {

    void onEvent(FederationEvent event);

    /** A listener for hosts that keep no audit trail. */
    static FederationEventListener ignoring() {
        return event -> { };
    }
}
