package dev.parley.it.peers;

/**
 * A domain that a peer hosts as an external component (XEP-0114), the way a stock server stands in for the Parley
 * XMPP Proxy: the peer holds the domain's S2S streams on the domain's own address and passes its stanzas to whatever
 * component connects there on {@link #PORT} with {@code secret}.
 *
 * @param domain the component's domain, which must be in the network's plan ({@link #plan})
 * @param secret the component secret (XEP-0114 handshake)
 */
public record HostedComponent(String domain, String secret) {

    /** The component port on the domain's address: Prosody's default, and what ejabberd is given too. */
    public static final int PORT = 5347;

    /** What the network must reserve for the domain: its S2S port with its SRV record, and the component port. */
    public DomainPlan plan(PeerSecurity security) {
        SrvService service = security.directTls() ? SrvService.XMPPS_SERVER : SrvService.XMPP_SERVER;
        return DomainPlan.of(domain, PeerPorts.s2s(security), PORT).withSrv(service, PeerPorts.s2s(security));
    }
}
