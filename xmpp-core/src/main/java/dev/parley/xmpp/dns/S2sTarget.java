package dev.parley.xmpp.dns;

import java.util.Objects;

/**
 * One place to try when connecting to a remote domain's S2S service.
 *
 * @param host      the host name (or IP literal) to connect to: an SRV target, the domain itself, or an override
 * @param port      the TCP port
 * @param directTls whether TLS starts at once on connect (XEP-0368, {@code _xmpps-server}) instead of by STARTTLS
 */
public record S2sTarget(String host, int port, boolean directTls) {

    public S2sTarget {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 1..65535, was " + port);
        }
    }
}
