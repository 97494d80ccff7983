package dev.parley.xmpp.s2s;

import java.util.Optional;

/**
 * What one inbound stream is built with, read once when its connection is accepted: the stream
 * keeps it for its whole life, so that a reconfiguration applies to new streams only.
 *
 * @param config   the local domains, limits and header deadline
 * @param dialback the engine's services; empty for a bare listener that authenticates nobody
 */
record InboundSettings(ListenerConfig config, Optional<InboundDialback> dialback) {
}
