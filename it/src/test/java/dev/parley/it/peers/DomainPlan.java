package dev.parley.it.peers;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@link PeerNetwork} provides for one domain: a loopback address of its own on which the given TCP ports
 * are free, and the SRV records that advertise it. Peers have theirs ({@link ProsodyPeer#plan}, {@link
 * EjabberdPeer#plan}); the server under test gets one from {@link #serverUnderTest}.
 *
 * @param name the XMPP domain, e.g. {@code prosody.test}; it must end in {@code .test}, the only zone the DNS serves
 * @param ports the TCP ports that must be free on the domain's address
 * @param srvRecords the SRV records to publish; none means peers fall back to the address on port 5269
 * @param address the domain's address when it is given (a server already running there); empty to pick a free one
 */
public record DomainPlan(String name, Set<Integer> ports, List<SrvRecord> srvRecords, Optional<InetAddress> address) {

    public DomainPlan {
        if (!name.endsWith(".test")) {
            // the DNS answers only for .test and forwards nothing: any other name would leak to real DNS elsewhere
            throw new IllegalArgumentException("Test domains must end in .test: " + name);
        }
        ports = Set.copyOf(ports);
        srvRecords = List.copyOf(srvRecords);
        Objects.requireNonNull(address, "address");
    }

    /** A domain whose address must have these ports free, without SRV records. */
    public static DomainPlan of(String name, int... ports) {
        Set<Integer> free = new TreeSet<>();
        for (int port : ports) {
            free.add(port);
        }
        return new DomainPlan(name, free, List.of(), Optional.empty());
    }

    /** The server under test: its S2S port free on its address and advertised by {@code _xmpp-server._tcp}. */
    public static DomainPlan serverUnderTest(String name, int s2sPort) {
        return of(name, s2sPort).withSrv(SrvService.XMPP_SERVER, s2sPort);
    }

    /** This plan with one more SRV record for the domain. */
    public DomainPlan withSrv(SrvService service, int port) {
        List<SrvRecord> records = new ArrayList<>(srvRecords);
        records.add(new SrvRecord(service, port));
        return new DomainPlan(name, ports, records, address);
    }

    /** This plan at {@code fixed}, where its server already runs (Parley in WildFly) instead of a free address. */
    public DomainPlan at(InetAddress fixed) {
        return new DomainPlan(name, ports, srvRecords, Optional.of(fixed));
    }
}
