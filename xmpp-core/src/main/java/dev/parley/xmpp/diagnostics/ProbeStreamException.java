package dev.parley.xmpp.diagnostics;

/** Why the probe's stream ended before a phase was through, in words that follow the peer's address. */
final class ProbeStreamException extends Exception {

    ProbeStreamException(String message) {
        super(message, null, false, false);
    }
}
