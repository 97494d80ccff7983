package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;

import java.util.ArrayList;
import java.util.List;

/**
 * What the host must hear about once an outbound link's lock is released: bounces, settled fates and federation
 * events, in the order they happened. Filled under the lock, run after it, so that a host that calls the engine from
 * its listeners cannot deadlock it.
 */
final class LinkAftermath {

    private final Bouncer bouncer;
    private final List<Runnable> steps = new ArrayList<>();

    LinkAftermath(Bouncer bouncer) {
        this.bouncer = bouncer;
    }

    void bounce(Outgoing undeliverable, StanzaErrorCondition condition, String reason) {
        steps.add(() -> bouncer.bounce(undeliverable, condition, reason));
    }

    /** Whoever waits for the stanza's fate learns that it was written and no receipt will come. */
    void writtenWithoutReceipt(Outgoing stanza) {
        steps.add(stanza::writtenWithoutReceipt);
    }

    /** Anything else the host must hear, such as a federation event built with the facts of the moment. */
    void then(Runnable step) {
        steps.add(step);
    }

    void run() {
        steps.forEach(Runnable::run);
    }
}
