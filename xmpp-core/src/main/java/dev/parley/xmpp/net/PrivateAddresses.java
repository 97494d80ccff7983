package dev.parley.xmpp.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Addresses that do not belong on the public internet: this host, its link, private networks and the like. A remote
 * domain's DNS may point at one of them (by mistake, or to make a server connect into the network it stands in), so a
 * server that federates over the internet connects to none unless told that a partner is on its intranet.
 */
public final class PrivateAddresses {

    private PrivateAddresses() {
    }

    /**
     * What kind of non-public address {@code address} is, in words for an administrator ("a loopback address"); empty
     * for a public one. An IPv4 address mapped into IPv6 arrives as the IPv4 address it is.
     */
    public static Optional<String> kindOf(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private network address");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes);
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique local address (fc00::/7)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 100 && second >= 64 && second < 128) {
            return Optional.of("a shared address of carrier-grade NAT (100.64.0.0/10)");
        }
        if (first == 0) {
            return Optional.of("an address of \"this network\" (0.0.0.0/8)");
        }
        if (first >= 240) {
            return Optional.of("a reserved address (240.0.0.0/4)");
        }
        return Optional.empty();
    }
}
