package dev.parley.it.peers;

/** Which identities a server certificate from {@link TestCa} names in its subjectAltName (RFC 9525, RFC 6120). */
public enum SubjectAltNames {
    /** A dNSName and an XmppAddr otherName (id-on-xmppAddr, UTF8String), both the domain. */
    DNS_NAME_AND_XMPP_ADDR,
    /**
     * A dNSName only. ejabberd 23.01 (p1_xmpp 1.6.1, {@code xmpp_stream_pkix:get_domains_from_san}) crashes the
     * inbound stream when the certificate it verifies for SASL EXTERNAL carries a domain XmppAddr, so any server
     * that authenticates to ejabberd with a certificate must present one of these.
     */
    DNS_NAME_ONLY
}
