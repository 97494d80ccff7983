package dev.parley.xmpp.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SRV lookup of one S2S service of a domain said: its usable records, that the domain declines the
 * service, or why the lookup failed. "No record" (including NXDOMAIN for the service name) is an empty list.
 *
 * @param owner     the name looked up, e.g. {@code _xmpp-server._tcp.example.com}
 * @param directTls whether it is the direct-TLS service ({@code _xmpps-server}, XEP-0368) rather than STARTTLS
 * @param records   the usable records, as DNS returned them (not yet ordered)
 * @param declined  whether the only target was "." (RFC 2782: "decidedly not available")
 * @param failure   why the lookup failed (timeout, SERVFAIL); then there are no records
 */
public record SrvLookup(String owner, boolean directTls, List<SrvCandidate> records, boolean declined,
                        Optional<S2sResolutionException> failure) {

    public SrvLookup {
        Objects.requireNonNull(owner, "owner");
        records = List.copyOf(records);
        Objects.requireNonNull(failure, "failure");
    }
}
