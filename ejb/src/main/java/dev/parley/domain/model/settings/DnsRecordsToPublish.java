package dev.parley.domain.model.settings;

import dev.parley.xmpp.net.IpAddressLiteral;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS records remote servers need to find this server (RFC 6120 §3.2.1: an SRV record for
 * {@code _xmpp-server._tcp.<domain>}, pointing at a host with A/AAAA records), written as zone-file lines for the
 * settings as they are, with what the administrator must fill in or fix said in words. The SRV target is the domain
 * itself, so that the certificate only has to name the domain.
 *
 * @param records zone-file lines; a value only the administrator knows is written in capitals ({@code PUBLIC-IPV4})
 * @param remarks what to check or fill in, one sentence each
 */
public record DnsRecordsToPublish(List<String> records, List<String> remarks) {

    /** Long enough to spare resolvers, short enough to move the server within the hour. */
    static final int TTL = 3600;
    static final int DEFAULT_S2S_PORT = 5269;

    public DnsRecordsToPublish {
        records = List.copyOf(records);
        remarks = List.copyOf(remarks);
    }

    /**
     * @param domain   this server's XMPP domain, canonical
     * @param settings the federation settings as stored
     */
    public static DnsRecordsToPublish of(String domain, SettingsSnapshot settings) {
        List<String> records = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        String name = domain + ".";
        if (settings.mode() == FederationMode.PROXY) {
            records.add(name + " " + TTL + " IN SRV 0 5 " + DEFAULT_S2S_PORT + " " + name);
            records.add(name + " " + TTL + " IN A PROXY-PUBLIC-IPV4");
            remarks.add("In proxy mode remote servers reach the XMPP Proxy in the DMZ: give the address its S2S"
                    + " listener is reachable on (and an AAAA record for its IPv6 address, if it has one).");
            return new DnsRecordsToPublish(prefixSrv(records, domain), remarks);
        }
        int port = settings.s2sPort();
        records.add(name + " " + TTL + " IN SRV 0 5 " + port + " " + name);
        InetAddress bound = address(settings.s2sBindAddress());
        if (bound == null || bound.isAnyLocalAddress()) {
            records.add(name + " " + TTL + " IN A PUBLIC-IPV4");
            records.add(name + " " + TTL + " IN AAAA PUBLIC-IPV6");
            remarks.add("Parley listens on every address of this machine: give the public IPv4 address remote servers"
                    + " reach it on (behind NAT, the router's, forwarding TCP port " + port + "), and the IPv6 one if"
                    + " it has one; leave out a record for a family it has no public address of.");
        } else if (bound.isLoopbackAddress() || bound.isLinkLocalAddress() || bound.isSiteLocalAddress()) {
            records.add(name + " " + TTL + " IN " + (bound instanceof Inet6Address ? "AAAA" : "A") + " PUBLIC-ADDRESS");
            remarks.add("Parley listens on " + bound.getHostAddress() + ", which remote servers on the internet cannot"
                    + " reach" + (bound.isLoopbackAddress() ? " (loopback: only this machine can)" : "") + ": listen on"
                    + " a public address, or forward TCP port " + port + " of a public one to it, and publish that.");
        } else {
            records.add(name + " " + TTL + " IN " + (bound instanceof Inet6Address ? "AAAA" : "A") + " "
                    + bound.getHostAddress());
        }
        if (port == DEFAULT_S2S_PORT) {
            remarks.add("With port 5269 on the domain's own address the SRV record is optional (servers fall back to"
                    + " it), but publishing it saves every peer a lookup.");
        }
        return new DnsRecordsToPublish(prefixSrv(records, domain), remarks);
    }

    /** The SRV lines as RFC 2782 names them, {@code _xmpp-server._tcp.<domain>.}. */
    private static List<String> prefixSrv(List<String> records, String domain) {
        return records.stream().map(line -> line.contains(" IN SRV ") ? "_xmpp-server._tcp." + line : line).toList();
    }

    private static InetAddress address(String text) {
        try {
            return IpAddressLiteral.parse(text);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
