package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sTargetResolver;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.s2s.EngineConfig;
import dev.parley.xmpp.tls.TlsConfig;

import java.util.Objects;

/**
 * What a {@link FederationProbe} needs to look at a remote domain as the engine would: the same resolvers, the same
 * TLS settings (our certificate, trusted CAs, the policy per remote domain), and its own timeouts. A host builds it
 * from the configuration the engine runs with, or would run with while federation is switched off.
 *
 * @param localDomain the local domain the probe's stream header names and whose certificate it presents, so that a
 *                    peer shows whether it would offer SASL EXTERNAL to us
 * @param targets     where remote domains' S2S services are
 * @param hosts       the addresses of their hosts
 * @param tls         certificates, trusted CAs and the TLS policy per remote domain
 * @param timeouts    per step and for the whole run
 * @param privateFederation whether addresses that do not belong on the public internet are connected to, as the
 *                    engine's {@link EngineConfig#privateFederation()} says
 */
public record ProbeSettings(String localDomain, S2sTargetResolver targets, HostResolver hosts, TlsConfig tls,
                            ProbeTimeouts timeouts, boolean privateFederation) {

    /** @throws IllegalArgumentException when {@code localDomain} is no valid domain */
    public ProbeSettings {
        Objects.requireNonNull(localDomain, "localDomain");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(timeouts, "timeouts");
        try {
            localDomain = Jid.ofDomain(localDomain).domainpart();
        } catch (InvalidJidException e) {
            throw new IllegalArgumentException("localDomain is not a valid domain: " + e.getMessage(), e);
        }
    }

    /**
     * The resolvers and TLS settings of {@code config}, probing from {@code localDomain}, with the default timeouts.
     *
     * @throws IllegalArgumentException when {@code config} does not serve {@code localDomain}
     */
    public static ProbeSettings of(EngineConfig config, String localDomain) {
        if (!config.serves(localDomain)) {
            throw new IllegalArgumentException(localDomain + " is not one of the local domains "
                    + config.localDomains());
        }
        return new ProbeSettings(localDomain, config.targetResolver(), config.hostResolver(), config.tls(),
                ProbeTimeouts.DEFAULTS, config.privateFederation());
    }

    public ProbeSettings withTimeouts(ProbeTimeouts limits) {
        return new ProbeSettings(localDomain, targets, hosts, tls, limits, privateFederation);
    }
}
