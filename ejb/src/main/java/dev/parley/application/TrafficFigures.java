package dev.parley.application;

/**
 * The traffic of federation at one moment, as the console's charts sample it: totals since the server started, and
 * the sessions open now.
 *
 * @param received stanzas from remote servers that reached the application
 * @param written  stanzas written to remote servers
 * @param retried  stanzas to remote servers that failed once and waited for another try
 * @param bounced  stanzas to remote servers that went back to their senders
 */
public record TrafficFigures(long received, long written, long retried, long bounced, long inboundSessions,
                             long outboundSessions) {
}
