package dev.parley.infrastructure.messaging.jms;

/**
 * Local delivery's lanes: each stanza on the FromFederation queue carries the lane of its remote sender, and each lane
 * has one delivery thread, whose transactions take its stanzas one after the other, so that one sender's stanzas are
 * delivered in the order they came while the lanes' transactions run side by side. Not the broker's message groups: a
 * consumer made per transaction binds each group it is handed until it closes, and another transaction then found the
 * queue's first stanzas all bound and waited for its own.
 */
final class DeliveryLanes {

    static final int LANES = 4;
    /** The message property that holds the lane. */
    static final String PROPERTY = "parleyDeliveryLane";

    private DeliveryLanes() {
    }

    /** The lane of the stanzas from {@code bareSender}. */
    static int of(String bareSender) {
        return Math.floorMod(bareSender.hashCode(), LANES);
    }

    /**
     * The message selector of {@code lane}. The first lane also takes what has no lane (queued by a version of Parley
     * before lanes) or one beyond the lanes there are now, which no lane would take otherwise.
     */
    static String selector(int lane) {
        if (lane < 0 || lane >= LANES) {
            throw new IllegalArgumentException("Lane " + lane + " of " + LANES);
        }
        return lane == 0 ? PROPERTY + " IS NULL OR " + PROPERTY + " = 0 OR " + PROPERTY + " >= " + LANES
                : PROPERTY + " = " + lane;
    }
}
