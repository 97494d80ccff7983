package dev.parley.xmpp.s2s;

/** Where an inbound S2S stream stands; each state names what the handler waits for. */
enum InboundStreamState {
    /** Connected, or the stream restarted after STARTTLS or SASL; waiting for the peer's stream header. */
    AWAITING_HEADER,
    /** Header answered with our header and features; the peer must now negotiate. */
    OPEN,
    /** Our closing tag is sent (after an error, a peer's close or shutdown); nothing more is read. */
    CLOSED
}
