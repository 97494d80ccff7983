package dev.parley.xmpp.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses and writes IPv4 and IPv6 address literals. Parsing: {@link InetAddress#getByName} would fall back to a DNS
 * lookup for anything that is not a literal (including "999.1.1.1"); a listener address must never
 * depend on what a resolver answers, so this refuses such text instead.
 */
public final class IpAddressLiteral {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddressLiteral() {
    }

    /**
     * @throws IllegalArgumentException naming the text when it is not an IP address literal
     */
    public static InetAddress parse(String text) {
        String literal = text == null ? "" : text.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean ipv4 = IPV4.matcher(literal).matches();
        boolean ipv6 = literal.contains(":") && IPV6_CHARACTERS.matcher(literal).matches();
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            // A literal with ':' is parsed as IPv6 and never looked up; a valid IPv4 literal neither.
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP address", e);
        }
    }

    /** {@code 192.0.2.7:5269} or {@code [2001:db8::7]:5269}: an address and port as people write them. */
    public static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@link #format(InetAddress, int)} of a socket address. */
    public static String format(InetSocketAddress address) {
        return format(address.getAddress(), address.getPort());
    }
}
