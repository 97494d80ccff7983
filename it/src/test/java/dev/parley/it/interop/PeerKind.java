package dev.parley.it.interop;

import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.EjabberdPeer;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;

/** The two real servers of the interop matrix, each on its own test domain, in whichever security mode a row needs. */
enum PeerKind {
    PROSODY("prosody.test"),
    EJABBERD("ejabberd.test");

    final String domain;

    PeerKind(String domain) {
        this.domain = domain;
    }

    DomainPlan plan(PeerSecurity security) {
        return this == PROSODY ? ProsodyPeer.plan(domain, security) : EjabberdPeer.plan(domain, security);
    }

    FederationPeer create(PeerNetwork network, PeerSecurity security, TestCa ca) {
        return this == PROSODY ? new ProsodyPeer(network, domain, security, ca) : new EjabberdPeer(network, domain, security, ca);
    }
}
