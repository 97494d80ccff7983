package dev.parley.bench.target;

import dev.parley.xmpp.dns.DnsClient;
import dev.parley.xmpp.dns.DnsHostResolver;
import dev.parley.xmpp.dns.DnsS2sTargetResolver;
import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.s2s.EngineConfig;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.s2s.StanzaListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Starts an engine as a benchmark runs it: on a loopback address, port 5269, resolving through the run's DNS. */
public final class EngineHost {

    /** Every server of the run listens here, each on its own address, so that A records alone find it. */
    public static final int S2S_PORT = 5269;

    private EngineHost() {
    }

    /**
     * An engine for {@code domain}; with a dialback secret when something outside it (the load generator's raw
     * streams) must produce keys that it confirms; with TLS when {@code tls} is given, plaintext otherwise.
     */
    public static S2sEngine start(String domain, InetAddress bind, InetSocketAddress dns, Optional<String> secret,
                                  Optional<EngineTls> tls, StanzaListener listener) {
        DnsClient client = new DnsClient(new ResolverConfig(List.of(dns), Duration.ofSeconds(3), 1));
        EngineConfig config = EngineConfig.of(bind, S2S_PORT, Set.of(domain), new DnsS2sTargetResolver(client),
                new DnsHostResolver(client));
        config = secret.map(config::withDialbackSecret).orElse(config);
        config = tls.map(settings -> settings.config(domain)).map(config::withTls).orElse(config);
        return S2sEngine.start(config, listener);
    }
}
