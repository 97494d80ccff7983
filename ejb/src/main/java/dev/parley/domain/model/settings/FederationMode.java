package dev.parley.domain.model.settings;

/** How S2S traffic leaves and enters the company. */
public enum FederationMode {
    /** Parley listens and connects out to remote domains itself. */
    DIRECT,
    /** Parley keeps one component link to the Parley XMPP Proxy in the DMZ, which holds the S2S streams. */
    PROXY
}
