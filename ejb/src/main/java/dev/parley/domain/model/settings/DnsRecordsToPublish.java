package dev.parley.domain.model.settings;

import dev.parley.xmpp.net.IpAddressLiteral;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS records remote servers need to find this server (RFC 6120 §3.2.1: an SRV record for
 * {@code _xmpp-server._tcp.<domain>}, pointing at a host with A/AAAA records), written as zone-file lines for the
 * settings as they are, with what the administrator must fill in or fix said in words. The SRV target is a host name
 * of its own, {@code xmpp.<domain>}: the domain's own A record usually belongs to its web site, and peers check the
 * certificate against the XMPP domain, whatever host the SRV record names.
 *
 * @param records zone-file lines; a value only the administrator knows is written in capitals ({@code PUBLIC-IPV4})
 * @param remarks what to check or fill in, one sentence each
 */
public record DnsRecordsToPublish(List<String> records, List<String> remarks) {

    /** Long enough to spare resolvers, short enough to move the server within the hour. */
    static final int TTL = 3600;
    static final int DEFAULT_S2S_PORT = 5269;
    /** The host name suggested as the SRV target, under the domain. */
    static final String HOST_LABEL = "xmpp";

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
        String srv = "_xmpp-server._tcp." + domain + ". " + TTL + " IN SRV 0 5 ";
        String name = HOST_LABEL + "." + domain + ".";
        if (settings.mode() == FederationMode.PROXY) {
            records.add(srv + DEFAULT_S2S_PORT + " " + name);
            records.add(name + " " + TTL + " IN A PROXY-PUBLIC-IPV4");
            remarks.add("In proxy mode remote servers reach the XMPP Proxy in the DMZ: give the address its S2S"
                    + " listener is reachable on (and an AAAA record for its IPv6 address, if it has one).");
            return new DnsRecordsToPublish(records, remarks);
        }
        int port = settings.s2sPort();
        records.add(srv + port + " " + name);
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
        remarks.add(name + " is a suggestion: any host name of yours will do as the SRV target. Without an SRV"
                + " record, peers connect to " + domain + " itself on port 5269.");
        return new DnsRecordsToPublish(records, remarks);
    }

    private static InetAddress address(String text) {
        try {
            return IpAddressLiteral.parse(text);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
