package dev.parley.xmpp.dns;

/**
 * A host and a port as an administrator types them: {@code host}, {@code host:port},
 * {@code [ipv6]:port} or a bare IPv6 address. The host is not checked here; callers know whether
 * they want an IP address or also accept names.
 *
 * @param host the host without IPv6 brackets
 * @param port the TCP or UDP port
 */
record HostAndPort(String host, int port) {

    static HostAndPort parse(String text, int defaultPort) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("host:port must not be empty");
        }
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' lacks the ']' closing the IPv6 address");
            }
            String host = trimmed.substring(1, close);
            String rest = trimmed.substring(close + 1);
            if (rest.isEmpty()) {
                return new HostAndPort(requireHost(host, text), defaultPort);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "' has text after ']' that is not ':port'");
            }
            return new HostAndPort(requireHost(host, text), port(rest.substring(1), text));
        }
        int firstColon = trimmed.indexOf(':');
        if (firstColon < 0) {
            return new HostAndPort(trimmed, defaultPort);
        }
        if (firstColon != trimmed.lastIndexOf(':')) {
            // Several colons without brackets: an IPv6 address, whose last group must not be read as a port.
            return new HostAndPort(trimmed, defaultPort);
        }
        return new HostAndPort(requireHost(trimmed.substring(0, firstColon), text),
                port(trimmed.substring(firstColon + 1), text));
    }

    private static String requireHost(String host, String text) {
        if (host.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' names no host");
        }
        return host;
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' has no valid port: '" + digits + "' is not a number");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("'" + text + "' has no valid port: " + port + " is not within 1..65535");
        }
        return port;
    }
}
