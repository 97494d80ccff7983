package dev.parley.xmpp.s2s;

/**
 * What an outbound stream is for, from which the connector builds each connection attempt's handler.
 *
 * @param localDomain  the domain our header names, whose certificate we present
 * @param remoteDomain the domain we connect to
 * @param events       who uses the stream
 * @param authenticate whether to authenticate {@code localDomain} by SASL EXTERNAL where possible (a
 *                     session), or only reach the point where dialback may flow (a verification)
 */
record OutboundStreamSpec(String localDomain, String remoteDomain, OutboundStreamEvents events, boolean authenticate) {
}
