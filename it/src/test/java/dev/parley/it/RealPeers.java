package dev.parley.it;

import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.EjabberdPeer;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.HostedComponent;
import dev.parley.it.peers.ParleyProxyPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProcessPeer;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.SubjectAltNames;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real Prosody and ejabberd servers federating with the server under test: one DNS for them all (which also names
 * Parley's S2S address), a test CA they share, and the server processes. Authorizing them and switching federation on
 * are the test's part, as some tests install certificates first.
 */
final class RealPeers implements AutoCloseable {

    /** Which real server serves a domain: the one place that knows how to plan and make each. */
    enum Kind {
        PROSODY,
        EJABBERD;

        DomainPlan plan(String domain, PeerSecurity security) {
            return this == PROSODY ? ProsodyPeer.plan(domain, security) : EjabberdPeer.plan(domain, security);
        }

        ProcessPeer create(PeerNetwork network, String domain, PeerSecurity security, TestCa ca) {
            return this == PROSODY ? new ProsodyPeer(network, domain, security, ca)
                    : new EjabberdPeer(network, domain, security, ca);
        }
    }

    private final PeerNetwork network;
    private final TestCa ca;
    private final Map<String, FederationPeer> peers;
    private final Optional<ParleyProxyPeer> proxy;

    private RealPeers(PeerNetwork network, TestCa ca, Map<String, FederationPeer> peers,
                      Optional<ParleyProxyPeer> proxy) {
        this.network = network;
        this.ca = ca;
        this.peers = peers;
        this.proxy = proxy;
    }

    /** Starts Prosody for {@code domain}, securing its streams as {@code security} says. */
    static RealPeers prosody(String domain, PeerSecurity security) {
        return start(security, Map.of(domain, Kind.PROSODY));
    }

    /** Starts Prosody for {@code prosodyDomain} and ejabberd for {@code ejabberdDomain}, on one DNS. */
    static RealPeers prosodyAndEjabberd(String prosodyDomain, String ejabberdDomain, PeerSecurity security) {
        Map<String, Kind> domains = new LinkedHashMap<>();
        domains.put(prosodyDomain, Kind.PROSODY);
        domains.put(ejabberdDomain, Kind.EJABBERD);
        return start(security, domains);
    }

    /** Starts one server of its kind per domain, in the map's order, each securing its streams as {@code security} says. */
    static RealPeers start(PeerSecurity security, Map<String, Kind> domains) {
        return start(security, domains, ParleyDomain.PARLEY, "", "");
    }

    /**
     * Like {@link #start(PeerSecurity, Map)}, but Parley's domain is served by a Parley XMPP Proxy, which the DNS names
     * instead of Parley and which expects Parley's link with {@code linkSecret}, inside TLS with a certificate of the
     * test CA ({@link #ca()}) for Parley's domain, the name under which Parley finds the proxy.
     */
    static RealPeers behindParleyProxy(String linkSecret, PeerSecurity security, Map<String, Kind> domains) {
        return start(security, domains, ParleyDomain.PARLEY_PROXY, linkSecret, "");
    }

    /**
     * Like {@link #start(PeerSecurity, Map)}, but Parley's domain is hosted by the server of {@code hostDomain} (one of
     * {@code domains}, Prosody or ejabberd) as an external component (XEP-0114) with {@code componentSecret}: the DNS
     * names that server for it, and Parley links to its component port ({@link #componentHost()}).
     */
    static RealPeers behindComponentHost(String hostDomain, String componentSecret, PeerSecurity security,
                                         Map<String, Kind> domains) {
        if (!domains.containsKey(hostDomain)) {
            throw new IllegalArgumentException("The component host " + hostDomain + " is none of " + domains.keySet());
        }
        return start(security, domains, ParleyDomain.COMPONENT_HOST, componentSecret, hostDomain);
    }

    /** Who serves Parley's domain towards the peers. */
    private enum ParleyDomain { PARLEY, PARLEY_PROXY, COMPONENT_HOST }

    /**
     * {@code secret} is the Parley XMPP Proxy's link password or the component secret; {@code componentHost} the domain
     * of the peer that hosts Parley's as a component, empty unless one does.
     */
    private static RealPeers start(PeerSecurity security, Map<String, Kind> domains, ParleyDomain servedBy,
                                   String secret, String componentHost) {
        HostedComponent parleyAsComponent = new HostedComponent(ItEnvironment.XMPP_DOMAIN, secret);
        List<DomainPlan> plans = new ArrayList<>();
        domains.forEach((domain, kind) -> plans.add(kind.plan(domain, security)));
        plans.add(switch (servedBy) {
            case PARLEY -> DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                    .at(ItEnvironment.loopback(ItEnvironment.address()));
            case PARLEY_PROXY -> ParleyProxyPeer.plan(ItEnvironment.XMPP_DOMAIN);
            case COMPONENT_HOST -> parleyAsComponent.plan(security);
        });
        PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), plans.toArray(DomainPlan[]::new));
        TestCa ca = TestCa.create(network.runDir().resolve("ca"));
        Map<String, FederationPeer> peers = new LinkedHashMap<>();
        domains.forEach((domain, kind) -> {
            FederationPeer peer = kind.create(network, domain, security, ca);
            if (domain.equals(componentHost)) {
                peer.hostComponent(parleyAsComponent);
            }
            peers.put(domain, peer);
        });
        Optional<ParleyProxyPeer> proxy = servedBy == ParleyDomain.PARLEY_PROXY
                ? Optional.of(new ParleyProxyPeer(network, ItEnvironment.XMPP_DOMAIN, secret, Optional.of(
                        ca.issue(ItEnvironment.XMPP_DOMAIN, CertificateKind.VALID, SubjectAltNames.DNS_NAME_ONLY))))
                : Optional.empty();
        RealPeers started = new RealPeers(network, ca, peers, proxy);
        try {
            proxy.ifPresent(ParleyProxyPeer::start);
            peers.values().forEach(FederationPeer::start);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Where the server hosting Parley's domain as a component listens for Parley's link. */
    InetSocketAddress componentHost() {
        return new InetSocketAddress(network.address(ItEnvironment.XMPP_DOMAIN), HostedComponent.PORT);
    }

    /** The Parley XMPP Proxy serving Parley's domain, for the tests that started one. */
    ParleyProxyPeer proxy() {
        return proxy.orElseThrow(() -> new IllegalStateException("these peers run without a Parley XMPP Proxy"));
    }

    /** Registers {@code user} on the (first) server and logs a client in as them. */
    XmppUser user(String user, String password) {
        return user(peers.keySet().iterator().next(), user, password);
    }

    /** Registers {@code user} on the server of {@code domain} and logs a client in as them. */
    XmppUser user(String domain, String user, String password) {
        FederationPeer peer = peers.get(domain);
        peer.register(user, password);
        return XmppUser.login(peer, user, password);
    }

    /** The CA the servers trust, which also issues Parley's certificate where a test wants one. */
    TestCa ca() {
        return ca;
    }

    /** Stops the servers, keeping their DNS; safe to call again. */
    void stopServers() {
        peers.values().forEach(FederationPeer::close);
        proxy.ifPresent(ParleyProxyPeer::close);
    }

    @Override
    public void close() {
        stopServers();
        network.close();
    }
}
