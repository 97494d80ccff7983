package dev.parley.it.peers;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The ports every peer uses on its own loopback address. They are the standard ones, which the peers' addresses
 * make possible, so that a peer found through A records alone (no SRV) is reached on 5269 as in production.
 */
public final class PeerPorts {

    /** Client logins, plaintext. */
    public static final int C2S = 5222;
    /** S2S with or without STARTTLS. */
    public static final int S2S = 5269;
    /** S2S with direct TLS (XEP-0368); 5270 as IANA's xmpps-server suggests. */
    public static final int S2S_DIRECT_TLS = 5270;
    /** ejabberd's HTTP admin API, which registers users while it runs. */
    static final int EJABBERD_API = 5280;

    private PeerPorts() {
    }

    /** The S2S port a peer listens on in this mode. */
    static int s2s(PeerSecurity security) {
        return security.directTls() ? S2S_DIRECT_TLS : S2S;
    }

    /** The ports a peer needs free and the SRV record that advertises its S2S port in this mode. */
    static DomainPlan plan(String domain, PeerSecurity security, int... more) {
        int[] ports = IntStream.concat(IntStream.of(C2S, s2s(security)), Arrays.stream(more)).toArray();
        SrvService service = security.directTls() ? SrvService.XMPPS_SERVER : SrvService.XMPP_SERVER;
        return DomainPlan.of(domain, ports).withSrv(service, s2s(security));
    }
}
