package dev.parley.proxy.config;

import dev.parley.proxy.logging.LogFormat;
import dev.parley.xmpp.component.ComponentListenerConfig;
import dev.parley.xmpp.component.ComponentSecret;
import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.s2s.InboundLimits;
import dev.parley.xmpp.s2s.ListenerConfig;
import dev.parley.xmpp.tls.ServerCredential;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the proxy runs with, read from its configuration file ({@code parley-xmpp-proxy.properties.example} explains
 * every key). Only {@link #load} makes one, so a {@code ProxyConfig} is always a checked one.
 *
 * @param domain    the XMPP domain Parley serves and the proxy holds S2S streams for, in canonical form
 * @param link      where Parley's link connects to, and how it authenticates
 * @param s2s       the S2S listeners and the credential and CAs of S2S TLS
 * @param dns       the resolvers that find remote servers
 * @param health    where the health endpoint listens (port 0: any free one), empty when it is off
 * @param logFormat how the log is written to the console
 */
public record ProxyConfig(String domain, Link link, S2s s2s, ResolverConfig dns, Optional<InetSocketAddress> health,
                          LogFormat logFormat) {

    /** The port for Parley's link: the XEP-0114 component port many XMPP servers use (5275). */
    public static final int DEFAULT_HEALTH_PORT = 5280;
    /**
     * Every listener binds to loopback unless told otherwise: a proxy that opens ports to the world is a decision
     * for its administrator, not a default.
     */
    private static final InetAddress LOOPBACK = IpAddressLiteral.parse("127.0.0.1");

    public ProxyConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(s2s, "s2s");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(logFormat, "logFormat");
    }

    /**
     * Parley's link.
     *
     * @param bind   the local address the link listener binds to
     * @param port   its TCP port
     * @param secret the password the link authenticates with
     * @param tls    the key and certificate for direct TLS on the link, empty for plain TCP
     * @param maxWait how long a remote server's stanza for Parley waits for the link while it is down
     */
    public record Link(InetAddress bind, int port, ComponentSecret secret, Optional<ServerCredential> tls,
                       Duration maxWait) {

        public Link {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(maxWait, "maxWait");
        }
    }

    /**
     * Server-to-server streams.
     *
     * @param bind          the local address the S2S listeners bind to
     * @param port          the TCP port of the S2S listener (STARTTLS)
     * @param directTlsPort the port of the direct-TLS listener (XEP-0368), empty for none
     * @param credential    the key and certificate of S2S TLS, empty for none
     * @param trustedCas    CAs trusted for peer certificates besides the JDK's
     * @param inbound       deadlines and connection caps for inbound connections before they authenticate
     * @param privateFederation whether remote servers may be connected to at addresses that do not belong on the
     *                      public internet: off, a remote domain's DNS cannot make the proxy connect into the DMZ or
     *                      the company network behind it
     */
    public record S2s(InetAddress bind, int port, OptionalInt directTlsPort, Optional<ServerCredential> credential,
                      List<X509Certificate> trustedCas, InboundLimits inbound, boolean privateFederation) {

        public S2s {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(inbound, "inbound");
            Objects.requireNonNull(directTlsPort, "directTlsPort");
            Objects.requireNonNull(credential, "credential");
            trustedCas = List.copyOf(trustedCas);
        }
    }

    /**
     * Reads and checks the configuration {@code file} (UTF-8 properties) with the files it names; relative paths
     * in it are taken from the file's folder.
     *
     * @throws ProxyConfigException listing every problem found, each under its key
     */
    public static ProxyConfig load(Path file) throws ProxyConfigException {
        Settings settings = Settings.read(file);
        Optional<String> domain = settings.required(Keys.DOMAIN, Values::domain);

        InetAddress linkBind = settings.withDefault(Keys.LINK_BIND, LOOPBACK, Values::address);
        int linkPort = settings.withDefault(Keys.LINK_PORT, ComponentListenerConfig.DEFAULT_PORT, Values::port);
        Optional<ComponentSecret> secret = ConfigFiles.linkSecret(settings);
        Optional<ServerCredential> linkTls = ConfigFiles.pem(settings, Keys.LINK_TLS_CERTIFICATE, Keys.LINK_TLS_KEY);
        Duration linkWait = settings.withDefault(Keys.LINK_WAIT_SECONDS, ComponentListenerConfig.DEFAULT_MAX_WAIT,
                Values::waitSeconds);

        InetAddress s2sBind = settings.withDefault(Keys.S2S_BIND, LOOPBACK, Values::address);
        int s2sPort = settings.withDefault(Keys.S2S_PORT, ListenerConfig.DEFAULT_PORT, Values::port);
        OptionalInt directTlsPort = settings.optional(Keys.S2S_DIRECT_TLS_PORT, Values::port)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        Optional<ServerCredential> s2sCredential = ConfigFiles.s2s(settings);
        List<X509Certificate> trustedCas = ConfigFiles.trustedCas(settings);
        InboundLimits inbound = settings.withDefault(Keys.S2S_CONNECTIONS_PER_ADDRESS, InboundLimits.DEFAULTS,
                Values::connectionsPerAddress);
        boolean privateFederation = settings.withDefault(Keys.S2S_PRIVATE_FEDERATION, false, Values::yesOrNo);

        ResolverConfig dns = settings.withDefault(Keys.DNS_SERVERS, ResolverConfig.systemDefault(), Values::dnsServers);
        InetAddress healthBind = settings.withDefault(Keys.HEALTH_BIND, LOOPBACK, Values::address);
        OptionalInt healthPort = settings.withDefault(Keys.HEALTH_PORT, OptionalInt.of(DEFAULT_HEALTH_PORT),
                Values::healthPort);
        LogFormat logFormat = settings.withDefault(Keys.LOG_FORMAT, LogFormat.TEXT, Values::logFormat);

        List<Listener> listeners = new ArrayList<>();
        listeners.add(new Listener(Keys.LINK_PORT, Keys.LINK_BIND, linkBind, linkPort));
        listeners.add(new Listener(Keys.S2S_PORT, Keys.S2S_BIND, s2sBind, s2sPort));
        directTlsPort.ifPresent(port -> listeners.add(new Listener(Keys.S2S_DIRECT_TLS_PORT, Keys.S2S_BIND, s2sBind, port)));
        healthPort.ifPresent(port -> listeners.add(new Listener(Keys.HEALTH_PORT, Keys.HEALTH_BIND, healthBind, port)));
        refuseSharedPorts(settings, listeners);
        settings.refuseUnknownKeys(Keys.ALL);
        settings.throwIfProblems();

        return new ProxyConfig(domain.orElseThrow(),
                new Link(linkBind, linkPort, secret.orElseThrow(), linkTls, linkWait),
                new S2s(s2sBind, s2sPort, directTlsPort, s2sCredential, trustedCas, inbound, privateFederation),
                dns,
                healthPort.isPresent() ? Optional.of(new InetSocketAddress(healthBind, healthPort.getAsInt()))
                        : Optional.empty(),
                logFormat);
    }

    /** One port the proxy will listen on, and the keys that set it. */
    private record Listener(String portKey, String bindKey, InetAddress bind, int port) {

        /** Whether both cannot be bound at once: the same port on the same address, or on every address. */
        boolean clashesWith(Listener other) {
            return port != 0 && port == other.port
                    && (bind.equals(other.bind) || bind.isAnyLocalAddress() || other.bind.isAnyLocalAddress());
        }
    }

    /**
     * Makes two listeners on one port a problem now rather than a bind failure at start-up. Listeners whose values
     * were refused (and replaced by defaults) are left out, so as not to report clashes with values never written.
     */
    private static void refuseSharedPorts(Settings settings, List<Listener> listeners) {
        for (int i = 0; i < listeners.size(); i++) {
            Listener later = listeners.get(i);
            for (Listener earlier : listeners.subList(0, i)) {
                if (later.clashesWith(earlier) && settings.valid(later.portKey(), later.bindKey(), earlier.portKey(),
                        earlier.bindKey())) {
                    settings.problem(later.portKey(), "port " + later.port() + " is also " + earlier.portKey()
                            + " (on " + earlier.bind().getHostAddress() + "); each listener needs its own");
                    break;
                }
            }
        }
    }
}
