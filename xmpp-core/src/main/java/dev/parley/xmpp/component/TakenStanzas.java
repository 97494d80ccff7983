package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the host took from the component, by number, so that a stanza written again on a new link after the old one
 * was cut is not sent on a second time: its fate, known or still coming, is told again instead. Kept for the
 * component's current instance only (a component that restarted numbers afresh): every stanza still on its way (the
 * engine bounds how many), and the latest {@code remembered} settled ones, enough for what the component waits for.
 * Thread-safe.
 */
final class TakenStanzas {

    private final int remembered;
    private String instance = "";
    private final Map<Long, CompletionStage<Delivery>> onTheirWay = new HashMap<>();
    private final Map<Long, Delivery> settled = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Delivery> eldest) {
            return size() > remembered;
        }
    };

    TakenStanzas(int remembered) {
        this.remembered = remembered;
    }

    /** The component linked as {@code linked}: another instance than before has nothing taken yet. */
    synchronized void instance(String linked) {
        if (!linked.equals(instance)) {
            instance = linked;
            onTheirWay.clear();
            settled.clear();
        }
    }

    /** Whether {@code named} is the instance that linked last: stanzas of another are not taken. */
    synchronized boolean isCurrent(String named) {
        return named.equals(instance);
    }

    /** The fate of stanza {@code number} of the current instance, if it was taken before. */
    synchronized Optional<CompletionStage<Delivery>> fate(long number) {
        Delivery known = settled.get(number);
        return known != null ? Optional.of(CompletableFuture.completedFuture(known))
                : Optional.ofNullable(onTheirWay.get(number));
    }

    /** Stanza {@code number} of the current instance was taken; {@code fate} completes with what became of it. */
    synchronized void taken(long number, CompletionStage<Delivery> fate) {
        String takenFrom = instance;
        onTheirWay.put(number, fate);
        fate.whenComplete((delivery, failure) -> settle(takenFrom, number, delivery));
    }

    private synchronized void settle(String takenFrom, long number, Delivery delivery) {
        if (takenFrom.equals(instance) && onTheirWay.remove(number) != null && delivery != null) {
            settled.put(number, delivery);
        }
    }
}
