package dev.parley.xmpp.tls;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * TLS for the engine's S2S streams: what we present, whom we trust, and how much TLS each remote
 * domain needs.
 *
 * @param credentials     local domain to the credential presented for it, in order: the first is
 *                        presented when a peer names no domain (no SNI). Empty: no TLS can be offered
 * @param extraTrustedCas CAs trusted besides the JDK's default ones
 * @param globalPolicy    the policy for a peer whose domain is not known yet (an inbound stream
 *                        whose header has no {@code from}) and for any domain the lookup leaves out
 * @param policies        the host's per-remote-domain lookup; null for "the global policy"
 */
public record TlsConfig(Map<String, ServerCredential> credentials, List<X509Certificate> extraTrustedCas,
                        TlsPolicy globalPolicy, Function<String, TlsPolicy> policies) {

    public TlsConfig {
        Map<String, ServerCredential> ordered = new LinkedHashMap<>();
        credentials.forEach((domain, credential) -> ordered.put(canonical(domain), Objects.requireNonNull(credential)));
        credentials = Collections.unmodifiableMap(ordered);
        extraTrustedCas = List.copyOf(extraTrustedCas);
        Objects.requireNonNull(globalPolicy, "globalPolicy");
        Objects.requireNonNull(policies, "policies");
    }

    /** No certificate and policy {@link TlsPolicy#NONE}: plaintext streams, as before TLS existed. */
    public static TlsConfig none() {
        return new TlsConfig(Map.of(), List.of(), TlsPolicy.NONE, domain -> null);
    }

    /** {@code policy} for every domain, {@code credential} presented for all of {@code domains}. */
    public static TlsConfig of(TlsPolicy policy, ServerCredential credential, Collection<String> domains) {
        Map<String, ServerCredential> credentials = new LinkedHashMap<>();
        domains.forEach(domain -> credentials.put(domain, credential));
        return new TlsConfig(credentials, List.of(), policy, domain -> null);
    }

    /** This configuration with {@code cas} trusted as well. */
    public TlsConfig withExtraTrustedCas(List<X509Certificate> cas) {
        return new TlsConfig(credentials, cas, globalPolicy, policies);
    }

    /** This configuration with per-domain policies; where {@code lookup} answers null the global one applies. */
    public TlsConfig withPolicies(Function<String, TlsPolicy> lookup) {
        return new TlsConfig(credentials, extraTrustedCas, globalPolicy, lookup);
    }

    /** The policy for streams with {@code remoteDomain}. */
    public TlsPolicy policyFor(String remoteDomain) {
        return Optional.ofNullable(policies.apply(canonical(remoteDomain))).orElse(globalPolicy);
    }

    /** The credential for {@code localDomain}, if one is configured. */
    public Optional<ServerCredential> credentialFor(String localDomain) {
        return Optional.ofNullable(credentials.get(canonical(localDomain)));
    }

    /**
     * The engine's canonical form of a domain (as its {@code Domains.canonical}): the {@link Jid} domainpart, lower-case
     * A-labels, so that a U-label, full-width or ideographic-dot spelling finds the policy of the name it stands for.
     * Names that are no domainpart are only lower-cased; they can never equal a configured, valid name.
     */
    private static String canonical(String domain) {
        try {
            return Jid.ofDomain(domain).domainpart();
        } catch (InvalidJidException e) {
            return domain.toLowerCase(Locale.ROOT);
        }
    }
}
