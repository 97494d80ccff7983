package dev.parley.xmpp.s2s;

/**
 * Where an outbound S2S stream's negotiation stands (RFC 6120 §4.3). STARTTLS will add a state
 * between {@code AWAITING_FEATURES} and {@code READY}, with a fresh header exchange after it.
 */
enum OutboundStreamState {
    /** Connected and our header sent; waiting for the receiving server's header. */
    AWAITING_HEADER,
    /** Header received; waiting for {@code <stream:features/>}. */
    AWAITING_FEATURES,
    /** Negotiated; dialback and stanzas may flow. */
    READY,
    /** Closed by either side or failed; nothing more is read. */
    CLOSED
}
