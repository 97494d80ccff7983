package dev.parley.it.interop;

import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.ServerCertificate;
import dev.parley.it.peers.SubjectAltNames;
import dev.parley.it.peers.TestCa;
import dev.parley.xmpp.dns.DnsClient;
import dev.parley.xmpp.dns.DnsHostResolver;
import dev.parley.xmpp.dns.DnsS2sTargetResolver;
import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.EngineConfig;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServerCredentials;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Parley's engine serving {@link #DOMAIN} on its own loopback address of the run's network, port 5269, finding the
 * peers only through the run's DNS, and collecting what it receives; with TLS settings when a test gives them.
 */
final class EngineUnderTest implements AutoCloseable {

    static final String DOMAIN = "parley.test";
    static final int S2S_PORT = 5269;
    private static final String SERVER_NAMESPACE = "jabber:server";

    private final BlockingQueue<XmlElement> received = new LinkedBlockingQueue<>();
    private final S2sEngine engine;

    /** Without TLS, as before TLS existed. */
    EngineUnderTest(PeerNetwork network) {
        this(network, S2S_PORT, config -> config);
    }

    /** With {@code tls} on the plain port 5269 (STARTTLS). */
    EngineUnderTest(PeerNetwork network, TlsConfig tls) {
        this(network, S2S_PORT, config -> config.withTls(tls));
    }

    /** On {@code plainPort}, with whatever {@code settings} add to the default configuration. */
    EngineUnderTest(PeerNetwork network, int plainPort, UnaryOperator<EngineConfig> settings) {
        DnsClient dns = new DnsClient(new ResolverConfig(List.of(network.dns()), Duration.ofSeconds(3), 1));
        EngineConfig config = EngineConfig.of(network.address(DOMAIN), plainPort, Set.of(DOMAIN),
                new DnsS2sTargetResolver(dns), new DnsHostResolver(dns));
        engine = S2sEngine.start(settings.apply(config), received::add);
    }

    /** The engine's certificate of this kind from the run's test CA: DNS name only, which ejabberd 23.01 needs. */
    static ServerCredential credential(TestCa ca, CertificateKind kind) {
        ServerCertificate issued = ca.issue(DOMAIN, kind, SubjectAltNames.DNS_NAME_ONLY);
        return ServerCredentials.fromPem(issued.key(), issued.chain());
    }

    /** {@code policy} for every peer, the engine's certificate of {@code kind}, and the run's test CA trusted. */
    static TlsConfig tls(TlsPolicy policy, TestCa ca, CertificateKind kind) {
        return TlsConfig.of(policy, credential(ca, kind), List.of(DOMAIN)).withExtraTrustedCas(List.of(ca.certificate()));
    }

    S2sEngine engine() {
        return engine;
    }

    void sendChat(String from, String to, String body) {
        engine.send(chat(from, to, body));
    }

    /** Sends a chat message and tells its fate: acknowledged by the remote server, written, or bounced. */
    CompletionStage<Delivery> submitChat(String from, String to, String body) {
        return engine.submit(chat(from, to, body));
    }

    private static XmlElement chat(String from, String to, String body) {
        return new XmlElement("message", SERVER_NAMESPACE,
                List.of(XmlAttribute.of("from", from), XmlAttribute.of("to", to), XmlAttribute.of("type", "chat")),
                List.of(new XmlElement("body", SERVER_NAMESPACE, List.of(), List.of(new XmlText(body)))));
    }

    /** The first received stanza matching, or an assertion error listing what arrived instead. */
    XmlElement await(Predicate<XmlElement> wanted, Duration timeout, String what) throws InterruptedException {
        List<XmlElement> others = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            XmlElement stanza = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (stanza != null) {
                if (wanted.test(stanza)) {
                    return stanza;
                }
                others.add(stanza);
            }
        }
        throw new AssertionError("Parley's engine received no " + what + " within " + timeout.toMillis()
                + " ms; received instead: " + (others.isEmpty() ? "nothing" : others)
                + "; failures: " + engine.recentFailures());
    }

    static String body(XmlElement stanza) {
        return stanza.elements().stream().filter(e -> e.name().equals("body")).findFirst().map(XmlElement::text)
                .orElse(null);
    }

    static String bareFrom(XmlElement stanza) {
        String from = stanza.attribute("from").orElse("");
        int slash = from.indexOf('/');
        return slash < 0 ? from : from.substring(0, slash);
    }

    @Override
    public void close() {
        engine.close();
    }
}
