package dev.parley.xmpp.s2s;

/**
 * One generation of the engine's settings and what is built from them, swapped whole by
 * {@link S2sEngine#reconfigure}: a new stream reads the generation once and keeps it, so that it
 * never sees half of one configuration and half of the next.
 *
 * @param config    the configuration the rest was built from
 * @param connector opens outbound connections with this generation's resolvers, timeouts and TLS
 *                  (certificates, trusted CAs, policies)
 * @param inbound   what accepted connections are built with, the same TLS included
 */
record EngineSettings(EngineConfig config, OutboundConnector connector, InboundSettings inbound) {
}
