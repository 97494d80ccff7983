package dev.parley.xmpp.s2s;

/**
 * Where an outbound S2S stream's negotiation stands (RFC 6120 §4.3, §5, §6). TLS and SASL each end
 * in a stream restart, which goes back to {@code AWAITING_HEADER} with a fresh header of ours.
 */
enum OutboundStreamState {
    /** Our header is sent; waiting for the receiving server's header. */
    AWAITING_HEADER,
    /** Header received; waiting for {@code <stream:features/>}. */
    AWAITING_FEATURES,
    /** {@code <starttls/>} sent; waiting for {@code <proceed/>}. */
    AWAITING_PROCEED,
    /** TLS is starting (after {@code <proceed/>}, or at once on a direct-TLS connection); waiting for the handshake. */
    TLS_HANDSHAKE,
    /** {@code <auth mechanism='EXTERNAL'/>} sent; waiting for {@code <success/>} or {@code <failure/>}. */
    AWAITING_SASL_RESULT,
    /** Negotiated; dialback and stanzas may flow. */
    READY,
    /** Closed by either side or failed; nothing more is read. */
    CLOSED
}
