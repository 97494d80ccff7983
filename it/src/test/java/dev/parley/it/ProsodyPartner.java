package dev.parley.it;

import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;

/**
 * A real Prosody federating with the server under test: its own DNS (which also names Parley's S2S address), a test
 * CA of its own, and the Prosody process. Authorizing it and switching federation on are the test's part, as some
 * tests install certificates first.
 */
final class ProsodyPartner implements AutoCloseable {

    private final PeerNetwork network;
    private final TestCa ca;
    private final FederationPeer prosody;

    private ProsodyPartner(PeerNetwork network, TestCa ca, FederationPeer prosody) {
        this.network = network;
        this.ca = ca;
        this.prosody = prosody;
    }

    /** Starts Prosody for {@code domain}, securing its streams as {@code security} says. */
    static ProsodyPartner start(String domain, PeerSecurity security) {
        PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), ProsodyPeer.plan(domain, security),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
        TestCa ca = TestCa.create(network.runDir().resolve("ca"));
        ProsodyPeer prosody = new ProsodyPeer(network, domain, security, ca);
        ProsodyPartner partner = new ProsodyPartner(network, ca, prosody);
        try {
            prosody.start();
        } catch (RuntimeException e) {
            partner.close();
            throw e;
        }
        return partner;
    }

    /** Registers {@code user} on Prosody and logs a client in as them. */
    XmppUser user(String user, String password) {
        prosody.register(user, password);
        return XmppUser.login(prosody, user, password);
    }

    /** The CA Prosody trusts, which also issues Parley's certificate where a test wants one. */
    TestCa ca() {
        return ca;
    }

    /** Stops Prosody; safe to call again. */
    void stopProsody() {
        prosody.close();
    }

    @Override
    public void close() {
        prosody.close();
        network.close();
    }
}
