package dev.parley.infrastructure.messaging.jms;

/** JNDI names of the queues the server configuration creates (ear/src/main/wildfly/parley.cli). */
public final class ParleyQueues {

    /** Stanzas from local users and enterprise applications, to remote domains. */
    public static final String TO_FEDERATION = "java:global/jms/parley/ToFederation";
    /** Stanzas from remote domains (and bounces), to the UC messaging module. */
    public static final String FROM_FEDERATION = "java:global/jms/parley/FromFederation";
    /** Messages that could not be routed, with the reason. */
    public static final String DEAD_LETTER = "java:global/jms/parley/DeadLetter";

    private ParleyQueues() {
    }
}
