package dev.parley.domain.model.authorization;

/** The federation protocol an authorization is for. */
public enum FederationProtocol {
    /** XMPP server-to-server federation: the only protocol Parley federates. */
    XMPP,
    /** Reserved for SIP federation: such entries are kept, but never authorize XMPP. */
    SIP
}
