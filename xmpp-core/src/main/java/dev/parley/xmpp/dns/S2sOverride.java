package dev.parley.xmpp.dns;

import java.util.List;
import java.util.Objects;

/**
 * An administrator's answer for one remote domain that replaces DNS: where its S2S service is.
 *
 * @param domain  the remote domain, kept in its lower-case ASCII (IDNA) form so that lookups match
 *                regardless of case or script
 * @param targets where to connect, in the order to try; never empty
 */
public record S2sOverride(String domain, List<S2sTarget> targets) {

    public S2sOverride {
        domain = DomainNames.toAscii(Objects.requireNonNull(domain, "domain"));
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("the override for " + domain + " names no target");
        }
    }

    /**
     * Parses targets as an administrator types them: {@code xmpp.example.org:5270},
     * {@code 192.0.2.7}, {@code [2001:db8::7]:5269}; the port defaults to 5269.
     *
     * @param directTls whether TLS starts on connect (XEP-0368) rather than by STARTTLS
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static S2sOverride parse(String domain, List<String> targets, boolean directTls) {
        return new S2sOverride(domain, targets.stream().map(target -> target(target, directTls)).toList());
    }

    private static S2sTarget target(String text, boolean directTls) {
        HostAndPort hostAndPort = HostAndPort.parse(text, DnsS2sTargetResolver.DEFAULT_PORT);
        String host = DomainNames.ipLiteral(hostAndPort.host())
                .map(address -> hostAndPort.host())
                .orElseGet(() -> hostName(hostAndPort.host(), text));
        return new S2sTarget(host, hostAndPort.port(), directTls);
    }

    private static String hostName(String host, String text) {
        try {
            return DomainNames.toAscii(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("override target '" + text + "': " + e.getMessage(), e);
        }
    }
}
