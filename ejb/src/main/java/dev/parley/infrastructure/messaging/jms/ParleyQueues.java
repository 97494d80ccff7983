package dev.parley.infrastructure.messaging.jms;

/**
 * JNDI names of the queues, the topic and the connection factory the server configuration creates
 * (ear/src/main/wildfly/parley.cli).
 */
public final class ParleyQueues {

    /** Stanzas from local users and enterprise applications, to remote domains. */
    public static final String TO_FEDERATION = "java:global/jms/parley/ToFederation";
    /** Stanzas from remote domains (and bounces), to the UC messaging module. */
    public static final String FROM_FEDERATION = "java:global/jms/parley/FromFederation";
    /**
     * A copy of every stanza put on {@link #FROM_FEDERATION}, for enterprise applications: they subscribe here instead
     * of consuming the queue, which would take stanzas away from local users.
     */
    public static final String FROM_FEDERATION_FEED = "java:global/jms/parley/FromFederationFeed";
    /** Messages that could not be routed, with the reason. */
    public static final String DEAD_LETTER = "java:global/jms/parley/DeadLetter";

    /** The server's pooled connection factory, whose sessions enlist in the caller's JTA transaction. */
    public static final String TRANSACTIONAL_FACTORY = "java:/JmsXA";
    /**
     * The in-VM factory of XA sessions that are not pooled: local delivery keeps one per lane and enlists it in each of
     * its transactions itself ({@link LaneSession}).
     */
    public static final String LANE_FACTORY = "java:/jms/parley/DeliveryLaneConnectionFactory";

    private ParleyQueues() {
    }
}
