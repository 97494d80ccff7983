package dev.parley.proxy.config;

import dev.parley.proxy.logging.LogFormat;
import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.s2s.InboundLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * How each kind of value is written in the file. Every parser throws an {@link IllegalArgumentException} whose
 * message says what is wrong with the text; {@link Settings} puts the key in front of it.
 */
final class Values {

    /** The word for "no health endpoint"; a port of 0 already means "any free port". */
    static final String OFF = "off";
    /** Remote servers retry on their own; holding their stanzas longer than this only hides that Parley is gone. */
    static final int MAX_WAIT_SECONDS = 600;

    private Values() {
    }

    /** The domain in canonical form (lower-case A-labels), as the engine compares it. */
    static String domain(String text) {
        return Jid.ofDomain(text).domainpart();
    }

    /** An IP address literal; never a host name, whose address would depend on DNS at start-up. */
    static InetAddress address(String text) {
        return IpAddressLiteral.parse(text);
    }

    static int port(String text) {
        return number(text, 1, 65_535, "must be a number from 1 to 65535, not '" + text + "'");
    }

    /** How long stanzas for Parley wait for its link: whole seconds, 1 to 600. */
    static Duration waitSeconds(String text) {
        return Duration.ofSeconds(number(text, 1, MAX_WAIT_SECONDS, "must be a number of seconds from 1 to "
                + MAX_WAIT_SECONDS + ", not '" + text + "'"));
    }

    /** A port, {@code 0} for any free one, or {@link #OFF} (empty). */
    static OptionalInt healthPort(String text) {
        if (text.equalsIgnoreCase(OFF)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(number(text, 0, 65_535, "must be a number from 0 to 65535 (0: any free port) or '" + OFF
                + "', not '" + text + "'"));
    }

    /** The inbound limits with this many connections per address, for a peer running many domains behind one. */
    static InboundLimits connectionsPerAddress(String text) {
        return InboundLimits.DEFAULTS.withConnectionsPerAddress(number(text, 1,
                InboundLimits.MOST_CONNECTIONS_PER_ADDRESS, "must be a number from 1 to "
                        + InboundLimits.MOST_CONNECTIONS_PER_ADDRESS + ", not '" + text + "'"));
    }

    static boolean yesOrNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be 'true' or 'false', not '" + text + "'");
        };
    }

    /** Comma-separated {@code address[:port]} entries; none at all means the system's resolvers. */
    static ResolverConfig dnsServers(String text) {
        List<String> servers = Arrays.stream(text.split(",")).map(String::trim).filter(server -> !server.isEmpty())
                .toList();
        return servers.isEmpty() ? ResolverConfig.systemDefault()
                : ResolverConfig.parse(servers, ResolverConfig.DEFAULT_TIMEOUT, ResolverConfig.DEFAULT_RETRIES);
    }

    static LogFormat logFormat(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new IllegalArgumentException("must be 'text' or 'json', not '" + text + "'");
        };
    }

    private static int number(String text, int lowest, int highest, String problem) {
        try {
            int number = Integer.parseInt(text);
            if (number >= lowest && number <= highest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the text as written
        }
        throw new IllegalArgumentException(problem);
    }
}
