package dev.parley.xmpp.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.s2s.AuthMethod;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.CertificateSummary;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlText;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parley's link to its proxy, both ends of XEP-0114 over loopback: handshake, stanzas both ways, refusals, recovery. */
class ComponentLinkTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String DOMAIN = "parley.test";
    private static final ComponentSecret SECRET = new ComponentSecret("correct horse battery staple");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Every name is the loopback address here: nothing is ever looked up. */
    private static final HostResolver LOOPBACK_ONLY = host -> CompletableFuture.completedFuture(List.of(LOOPBACK));

    private final List<AutoCloseable> started = new ArrayList<>();
    private final RecordingHost host = new RecordingHost();
    private final RecordingComponent component = new RecordingComponent();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void handshakeIsTheHexSha1OfStreamIdAndSecret() {
        // XEP-0114's example values; the digest computed independently with Python's hashlib.
        ComponentSecret secret = new ComponentSecret("secret");
        assertThat(Handshake.digest("3BF96D32", secret)).isEqualTo("b09ea9b3b7f586be8a08d0a3dd7466f110aeb136");
        assertThat(Handshake.verify("3BF96D32", secret, "B09EA9B3B7F586BE8A08D0A3DD7466F110AEB136")).isTrue();
        assertThat(Handshake.verify("3BF96D32", secret, "b09ea9b3b7f586be8a08d0a3dd7466f110aeb137")).isFalse();
        assertThat(Handshake.verify("3BF96D33", secret, "b09ea9b3b7f586be8a08d0a3dd7466f110aeb136")).isFalse();
        assertThat(SECRET.toString()).doesNotContain(SECRET.value());
    }

    @Test
    void stanzasTravelBothWaysInJabberServerAtEitherEnd() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(),
                LOOPBACK_ONLY, DOMAIN, SECRET));
        component.awaitState(LinkState::up);
        ComponentLink link = host.awaitUp();
        assertThat(link.domain()).isEqualTo(DOMAIN);

        assertThat(verdict(client.submit(chat("alice@parley.test/desk", "bob@remote.test", "to the proxy"), WAIT)))
                .isEqualTo(new Delivery.Written());
        XmlElement atHost = host.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atHost).isNotNull();
        assertThat(atHost.namespace()).isEqualTo(XmppNamespaces.SERVER);
        assertThat(atHost.elements().get(0).namespace()).isEqualTo(XmppNamespaces.SERVER);
        assertThat(atHost.elements().get(0).text()).isEqualTo("to the proxy");

        CompletableFuture<Delivery> toParley = new CompletableFuture<>();
        assertThat(listener.send(chat("bob@remote.test/phone", "alice@parley.test", "to Parley"), toParley::complete))
                .isTrue();
        assertThat(verdict(toParley)).as("acknowledged by Parley").isEqualTo(new Delivery.Written());
        XmlElement atComponent = component.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(atComponent).isNotNull();
        assertThat(atComponent.namespace()).isEqualTo(XmppNamespaces.SERVER);
        assertThat(atComponent.attribute("from")).contains("bob@remote.test/phone");
        assertThat(atComponent.elements().get(0).text()).isEqualTo("to Parley");
    }

    @Test
    void parleysPolicyReachesTheProxyWhichSaysItTakesOne() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(),
                LOOPBACK_ONLY, DOMAIN, SECRET));
        component.awaitState(LinkState::up);
        ProxyPolicy policy = new ProxyPolicy(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, new DomainPolicy(List.of(
                new DomainPolicy.Rule("partner.test", false, true, Optional.of(TlsPolicy.REQUIRED_VALID_CERT)),
                new DomainPolicy.Rule("example.test", true, true, Optional.empty()),
                new DomainPolicy.Rule("evil.example.test", false, false, Optional.empty())), false));

        client.setPolicy(policy);

        ProxyPolicy received = host.policies.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(received).isEqualTo(policy);
        assertThat(received.domains().tlsPolicyFor("partner.test")).contains(TlsPolicy.REQUIRED_VALID_CERT);
        assertThat(received.domains().tlsPolicyFor("chat.example.test")).isEmpty();
        assertThat(received.domains().refusal("evil.example.test")).contains(
                "federation with evil.example.test is blocked by the domain authorization for evil.example.test");
        assertThat(received.domains().refusal("other.test")).isPresent();
    }

    @Test
    void aPolicyOfManyThousandAuthorizationsTravelsInPartsAndArrivesWhole() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(),
                LOOPBACK_ONLY, DOMAIN, SECRET));
        component.awaitState(LinkState::up);
        List<DomainPolicy.Rule> rules = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rules.add(new DomainPolicy.Rule("partner-" + i + ".subsidiary.of.a.rather.large.enterprise.example",
                    i % 2 == 0, true, Optional.of(TlsPolicy.REQUIRED_VALID_CERT)));
        }
        ProxyPolicy large = new ProxyPolicy(TlsPolicy.REQUIRED_VALID_CERT, new DomainPolicy(rules, false));
        assertThat(ComponentStreams.write(large.toElements().get(0)).length() * large.toElements().size())
                .as("more than one element may carry").isGreaterThan(XmlLimits.DEFAULTS.maxStanzaBytes());

        client.setPolicy(large);

        assertThat(host.policies.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(large);
        assertThat(host.policies).isEmpty();
        assertThat(client.waiting()).isZero();
        assertThat(component.states.stream().noneMatch(state -> !state.up())).as("the link stayed up").isTrue();
    }

    @Test
    void theProxyReportsItsStreamsToParleyAndClosesOneWhenAsked() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(),
                LOOPBACK_ONLY, DOMAIN, SECRET));
        component.awaitState(LinkState::up);
        ComponentLink link = host.awaitUp();
        FederationEvent event = new FederationEvent(Instant.parse("2026-12-04T10:00:00Z"),
                FederationEvent.Kind.REFUSED, SessionDirection.INBOUND, DOMAIN, "evil.test", "[2001:db8::7]:40112",
                Optional.of(AuthMethod.DIALBACK), Optional.of("TLSv1.3 TLS_AES_128_GCM_SHA256"),
                "federation with evil.test is blocked <by> the domain authorization for evil.test");
        ProxyStatus status = new ProxyStatus(List.of(
                new SessionInfo("7-5f0c9a3e1b2d", SessionDirection.OUTBOUND, Set.of(DOMAIN), Set.of("prosody.test"),
                        Optional.of(new InetSocketAddress(LOOPBACK, 5269)), AuthMethod.SASL_EXTERNAL,
                        SessionState.AUTHENTICATED, 2, 3, Instant.parse("2026-12-04T09:00:00Z"),
                        Optional.of(new TlsDetails("TLSv1.3", "TLS_AES_256_GCM_SHA384",
                                Optional.of(new CertificateSummary("CN=prosody.test", "CN=Test CA",
                                        List.of("DNS:prosody.test", "XmppAddr:prosody.test"),
                                        Instant.parse("2027-01-01T00:00:00Z"))), "trusted"))),
                new SessionInfo("8-0123456789ab", SessionDirection.INBOUND, Set.of(), Set.of(), Optional.empty(),
                        AuthMethod.DIALBACK, SessionState.NEGOTIATING, 0, 0, Instant.parse("2026-12-04T09:30:00Z"),
                        Optional.empty())),
                List.of(new ConnectionFailure("gone.test", Instant.parse("2026-12-04T09:59:00Z"),
                        "connection refused by 127.0.0.8:5269")));

        link.report(event);
        link.report(status);

        assertThat(component.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(event);
        assertThat(component.statuses.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(status);

        assertThat(client.closeSession("7-5f0c9a3e1b2d")).isTrue();
        assertThat(host.closeRequests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("7-5f0c9a3e1b2d");
    }

    @Test
    void aWrongPasswordIsRefusedAndSaidSoAtBothEndsWithoutTheSecret() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentSecret wrong = new ComponentSecret("wrong horse battery staple");
        connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(), LOOPBACK_ONLY, DOMAIN,
                wrong)
                .withRetry(Duration.ofSeconds(5), Duration.ofSeconds(5)));

        LinkState down = component.awaitState(state -> state.problem().isPresent());
        assertThat(down.up()).isFalse();
        assertThat(down.problem().get()).contains("refused the link password").contains("not-authorized");
        assertThat(down.nextAttempt()).isPresent();
        String refusal = host.refusals.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(refusal).contains("not-authorized").doesNotContain(SECRET.value()).doesNotContain(wrong.value());
        assertThat(host.ups).isEmpty();
    }

    @Test
    void aHeaderForAnotherDomainIsRefusedWithHostUnknown() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        String answer = raw(listener, "<stream:stream xmlns='jabber:component:accept'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='other.test'>");
        assertThat(answer).contains("<host-unknown").contains("</stream:stream>");
        assertThat(host.refusals.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("host-unknown");
    }

    @Test
    void aServerStreamOnTheComponentPortIsRefused() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        String answer = raw(listener, "<stream:stream xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='parley.test' version='1.0'>");
        assertThat(answer).contains("<invalid-namespace");
    }

    @Test
    void noHandshakeInTimeEndsTheConnection() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET)
                .withHandshakeTimeout(Duration.ofMillis(300)));
        String answer = raw(listener, "<stream:stream xmlns='jabber:component:accept'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='parley.test'>");
        assertThat(answer).contains("<connection-timeout");
    }

    @Test
    void aStanzaFromOutsideTheDomainIsRefusedWithBadRequest() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(),
                LOOPBACK_ONLY, DOMAIN, SECRET));
        component.awaitState(LinkState::up);

        Delivery refused = verdict(client.submit(chat("mallory@elsewhere.test", "bob@remote.test", "spoofed"), WAIT));

        assertThat(refused).isEqualTo(new Delivery.Bounced(StanzaErrorCondition.BAD_REQUEST,
                "a stanza from this link must be from parley.test or an address at it"));
        assertThat(host.stanzas).isEmpty();
    }

    @Test
    void eachStanzaGetsTheProxysVerdict() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(),
                LOOPBACK_ONLY, DOMAIN, SECRET));
        component.awaitState(LinkState::up);
        Delivery.Bounced unreachable = new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                "nowhere.test has no XMPP server");
        host.verdicts.put("bob@nowhere.test", unreachable);
        host.silentTo.add("carol@slow.test");

        CompletionStage<Delivery> pending = client.submit(chat("alice@parley.test", "carol@slow.test", "first"), WAIT);
        assertThat(verdict(client.submit(chat("alice@parley.test", "bob@nowhere.test", "second"), WAIT)))
                .isEqualTo(unreachable);
        assertThat(verdict(client.submit(chat("alice@parley.test", "dave@remote.test", "third"), WAIT)))
                .isEqualTo(new Delivery.Written());
        assertThat(pending.toCompletableFuture()).isNotDone();
        awaitWaiting(client, 1);

        host.silent.remove("first").complete(new Delivery.Written());
        assertThat(verdict(pending)).isEqualTo(new Delivery.Written());
        assertThat(client.waiting()).isZero();
    }

    @Test
    void aStanzaTheLinkWasCutUnderIsWrittenAgainOnTheNextLinkAndTakenOnce() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(),
                LOOPBACK_ONLY, DOMAIN, SECRET).withRetry(Duration.ofMillis(100), Duration.ofMillis(200)));
        component.awaitState(LinkState::up);
        ComponentLink first = host.awaitUp();
        host.silentTo.add("carol@slow.test");
        CompletionStage<Delivery> underway = client.submit(chat("alice@parley.test", "carol@slow.test", "first"), WAIT);
        assertThat(host.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

        first.end(StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT, "cut for the test"));
        ComponentLink second = host.awaitUp();
        assertThat(second).isNotSameAs(first);
        CompletionStage<Delivery> after = client.submit(chat("alice@parley.test", "dave@remote.test", "second"), WAIT);
        assertThat(verdict(after)).isEqualTo(new Delivery.Written());
        // The first came again before the second, with its number: the host knew it and did not take it twice.
        XmlElement next = host.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(next.elements().get(0).text()).isEqualTo("second");
        assertThat(host.stanzas).isEmpty();
        assertThat(underway.toCompletableFuture()).isNotDone();

        // Its fate, known only now, reaches Parley on the link that is up.
        host.silent.remove("first").complete(new Delivery.Written());
        assertThat(verdict(underway)).isEqualTo(new Delivery.Written());
    }

    @Test
    void theProxyHearsParleyTookAStanzaOnlyOnceItAndAllBeforeItAreTakenAcrossACutLink() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(), LOOPBACK_ONLY, DOMAIN, SECRET)
                .withRetry(Duration.ofMillis(100), Duration.ofMillis(200)));
        component.awaitState(LinkState::up);
        ComponentLink first = host.awaitUp();
        component.holdBodies.add("held");
        CompletableFuture<Delivery> held = new CompletableFuture<>();
        CompletableFuture<Delivery> after = new CompletableFuture<>();

        listener.send(chat("bob@remote.test/phone", "alice@parley.test", "held"), held::complete);
        listener.send(chat("bob@remote.test/phone", "alice@parley.test", "after"), after::complete);
        assertThat(component.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(component.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        Thread.sleep(300);
        assertThat(held).as("handed to Parley's host, not taken").isNotDone();
        assertThat(after).as("taken, but after one that is not").isNotDone();

        first.end(StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT, "cut for the test"));
        host.awaitUp();
        Thread.sleep(300);
        assertThat(component.stanzas).as("written again on the new link, handed once").isEmpty();
        assertThat(held).isNotDone();

        component.held.remove("held").run();
        assertThat(verdict(held)).isEqualTo(new Delivery.Written());
        assertThat(verdict(after)).isEqualTo(new Delivery.Written());
        assertThat(listener.waiting()).isZero();
    }

    @Test
    void whileTheLinkIsDownStanzasWaitInOrderBothWays() throws Exception {
        int port = freePort();
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", port, LOOPBACK_ONLY, DOMAIN, SECRET)
                .withRetry(Duration.ofMillis(100), Duration.ofMillis(200)));
        List<CompletionStage<Delivery>> fromParley = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            fromParley.add(client.submit(chat("alice@parley.test", "bob@remote.test", "out " + i), WAIT));
        }
        component.awaitState(state -> state.problem().isPresent());
        awaitWaiting(client, 5);

        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, port, DOMAIN, SECRET));
        List<CompletableFuture<Delivery>> toParley = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            CompletableFuture<Delivery> fate = new CompletableFuture<>();
            toParley.add(fate);
            assertThat(listener.send(chat("bob@remote.test", "alice@parley.test", "in " + i), fate::complete)).isTrue();
        }

        for (int i = 1; i <= 5; i++) {
            assertThat(verdict(fromParley.get(i - 1))).isEqualTo(new Delivery.Written());
            assertThat(host.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS).elements().get(0).text())
                    .isEqualTo("out " + i);
            assertThat(verdict(toParley.get(i - 1))).isEqualTo(new Delivery.Written());
            assertThat(component.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS).elements().get(0).text())
                    .isEqualTo("in " + i);
        }
        assertThat(host.stanzas).isEmpty();
        assertThat(component.stanzas).isEmpty();
        assertThat(client.waiting()).isZero();
        assertThat(listener.waiting()).isZero();
    }

    @Test
    void aQuietLinkStaysUpOnTheHostsKeepalives() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        connect(ComponentClientConfig.of("127.0.0.1", listener.localAddress().getPort(), LOOPBACK_ONLY, DOMAIN, SECRET)
                .withSilenceLimit(Duration.ofSeconds(6)));
        component.awaitState(LinkState::up);

        Thread.sleep(8_000);

        assertThat(component.states).as("no change since it came up").isEmpty();
    }

    @Test
    void aVerdictForAnotherRunOfParleyIsNotTakenForOneOfThisRun() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        int port = listener.localAddress().getPort();
        ComponentClient before = connect(ComponentClientConfig.of("127.0.0.1", port, LOOPBACK_ONLY, DOMAIN, SECRET)
                .withRetry(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        component.awaitState(LinkState::up);
        host.silentTo.add("carol@slow.test");
        CompletionStage<Delivery> earlier = before.submit(chat("alice@parley.test", "carol@slow.test", "first"), WAIT);
        assertThat(host.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

        // Parley restarted (or its link settings changed): a new run links, numbering from 1 again.
        RecordingComponent restarted = new RecordingComponent();
        ComponentClient after = ComponentClient.start(ComponentClientConfig.of("127.0.0.1", port, LOOPBACK_ONLY,
                DOMAIN, SECRET), restarted);
        started.add(after);
        restarted.awaitState(LinkState::up);
        CompletionStage<Delivery> later = after.submit(chat("alice@parley.test", "carol@slow.test", "second"), WAIT);
        assertThat(host.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS).elements().get(0).text())
                .as("number 1 of the new run is not taken for number 1 of the old").isEqualTo("second");

        host.silent.remove("first").complete(new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                "the old run's stanza"));
        Thread.sleep(500);
        assertThat(later.toCompletableFuture()).isNotDone();
        host.silent.remove("second").complete(new Delivery.Written());
        assertThat(verdict(later)).isEqualTo(new Delivery.Written());
        assertThat(earlier.toCompletableFuture()).isNotDone();
    }

    @Test
    void aParleyProxyThatFallsSilentIsTakenForDead() throws Exception {
        try (ServerSocket silentHost = new ServerSocket(0, 1, LOOPBACK)) {
            connect(ComponentClientConfig.of("127.0.0.1", silentHost.getLocalPort(), LOOPBACK_ONLY, DOMAIN, SECRET)
                    .withRetry(Duration.ofSeconds(30), Duration.ofSeconds(30)).withSilenceLimit(Duration.ofSeconds(6)));
            try (Socket link = silentHost.accept()) {
                // A Parley XMPP Proxy's answers (it declares its namespace), then nothing, as behind a firewall that
                // dropped the connection without a word.
                OutputStream out = link.getOutputStream();
                out.write(("<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams'"
                        + " xmlns:parley='urn:parley:proxy:0' from='parley.test' id='silent1'>").getBytes(StandardCharsets.UTF_8));
                out.write("<handshake/>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                component.awaitState(LinkState::up);

                LinkState dead = component.awaitState(state -> !state.up(), Duration.ofSeconds(15));
                assertThat(dead.problem().get()).contains("sent nothing for 6 s");
            }
        }
    }

    @Test
    void aStanzaWaitsForTheLinkNoLongerThanItWasGiven() throws Exception {
        ComponentClient client = connect(ComponentClientConfig.of("127.0.0.1", freePort(), LOOPBACK_ONLY, DOMAIN,
                SECRET).withRetry(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        Delivery waitedInVain = verdict(client.submit(chat("alice@parley.test", "bob@remote.test", "in vain"),
                Duration.ofMillis(300)));
        assertThat(waitedInVain).isInstanceOfSatisfying(Delivery.Bounced.class, bounced -> {
            assertThat(bounced.condition()).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
            assertThat(bounced.text()).contains("was down for longer than the stanza could wait")
                    .contains("could not connect");
        });
        assertThat(client.waiting()).isZero();

        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET)
                .withMaxWait(Duration.ofMillis(300)));
        CompletableFuture<Delivery> toParley = new CompletableFuture<>();
        assertThat(listener.send(chat("bob@remote.test", "alice@parley.test", "in vain"), toParley::complete)).isTrue();
        assertThat(verdict(toParley)).isInstanceOfSatisfying(Delivery.Bounced.class, bounced ->
                assertThat(bounced.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        assertThat(listener.waiting()).isZero();
    }

    @Test
    void aNewLinkReplacesTheOldAndTheClientComesBackAfterTheHostRestarts() throws Exception {
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET));
        int port = listener.localAddress().getPort();
        connect(ComponentClientConfig.of("127.0.0.1", port, LOOPBACK_ONLY, DOMAIN, SECRET)
                .withRetry(Duration.ofMillis(200), Duration.ofMillis(400)));
        component.awaitState(LinkState::up);
        ComponentLink first = host.awaitUp();

        RecordingComponent second = new RecordingComponent();
        started.add(ComponentClient.start(ComponentClientConfig.of("127.0.0.1", port, LOOPBACK_ONLY, DOMAIN, SECRET)
                .withRetry(Duration.ofSeconds(30), Duration.ofSeconds(30)), second));
        second.awaitState(LinkState::up);
        assertThat(host.awaitUp()).isNotSameAs(first);
        assertThat(host.downs.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("conflict");

        // The first client lost its link to the second; it keeps trying, and takes the link back in turn.
        listener.close();
        started.remove(listener);
        component.awaitState(state -> !state.up());
        ComponentListener restarted = listen(ComponentListenerConfig.of(LOOPBACK, port, DOMAIN, SECRET));
        assertThat(restarted.localAddress().getPort()).isEqualTo(port);
        component.awaitState(LinkState::up);
    }

    @Test
    void theLinkCanRunInsideTlsWithTheProxysCertificateChecked() throws Exception {
        TestPki pki = TestPki.create("Link CA");
        ComponentListener listener = listen(ComponentListenerConfig.of(LOOPBACK, 0, DOMAIN, SECRET)
                .withTls(pki.leaf("localhost").dns("localhost").issue()));
        int port = listener.localAddress().getPort();

        ComponentClient trusting = connect(ComponentClientConfig.of("localhost", port, LOOPBACK_ONLY, DOMAIN, SECRET)
                .withTls(List.of(pki.certificate())));
        component.awaitState(LinkState::up);
        assertThat(verdict(trusting.submit(chat("alice@parley.test", "bob@remote.test", "encrypted"), WAIT)))
                .isEqualTo(new Delivery.Written());
        assertThat(host.stanzas.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

        RecordingComponent doubting = new RecordingComponent();
        started.add(ComponentClient.start(ComponentClientConfig.of("localhost", port, LOOPBACK_ONLY, DOMAIN, SECRET)
                .withTls(List.of(TestPki.create("Other CA").certificate()))
                .withRetry(Duration.ofSeconds(30), Duration.ofSeconds(30)), doubting));
        LinkState refused = doubting.awaitState(state -> state.problem().isPresent());
        assertThat(refused.up()).isFalse();
        assertThat(refused.problem().get()).containsIgnoringCase("certificat");
    }

    private ComponentListener listen(ComponentListenerConfig config) {
        ComponentListener listener = ComponentListener.start(config, host);
        started.add(listener);
        return listener;
    }

    private ComponentClient connect(ComponentClientConfig config) {
        ComponentClient client = ComponentClient.start(config, component);
        started.add(client);
        return client;
    }

    /** Sends {@code text} on a plain socket and reads until the host closes the connection. */
    private static String raw(ComponentListener listener, String text) throws Exception {
        try (Socket socket = new Socket(LOOPBACK, listener.localAddress().getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Submitting hands the stanza to the link's thread: it is counted once that thread took it. */
    private static void awaitWaiting(ComponentClient client, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (client.waiting() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(client.waiting()).isEqualTo(expected);
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private static Delivery verdict(CompletionStage<Delivery> fate) throws Exception {
        return fate.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static XmlElement chat(String from, String to, String body) {
        return new XmlElement("message", XmppNamespaces.SERVER,
                List.of(new XmlAttribute("", "from", from), new XmlAttribute("", "to", to),
                        new XmlAttribute("", "type", "chat"), new XmlAttribute("", "id", "m1")),
                List.of(new XmlElement("body", XmppNamespaces.SERVER, List.of(), List.of(new XmlText(body)))));
    }

    private static final class RecordingHost implements ComponentHost {
        final BlockingQueue<ComponentLink> ups = new LinkedBlockingQueue<>();
        final BlockingQueue<XmlElement> stanzas = new LinkedBlockingQueue<>();
        final BlockingQueue<String> downs = new LinkedBlockingQueue<>();
        final BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
        final BlockingQueue<ProxyPolicy> policies = new LinkedBlockingQueue<>();

        @Override
        public void linkUp(ComponentLink link) {
            ups.add(link);
        }

        /** The verdict for stanzas to an address; written for the others. */
        final Map<String, Delivery> verdicts = new ConcurrentHashMap<>();
        /** Addresses whose stanzas get no verdict until the test gives one, as while the remote server is reached. */
        final Set<String> silentTo = ConcurrentHashMap.newKeySet();
        /** The fates of such stanzas, by their bodies. */
        final Map<String, CompletableFuture<Delivery>> silent = new ConcurrentHashMap<>();

        @Override
        public Optional<CompletionStage<Delivery>> stanza(ComponentLink link, XmlElement stanza) {
            stanzas.add(stanza);
            String to = stanza.attribute("to").orElse("");
            if (silentTo.contains(to)) {
                CompletableFuture<Delivery> fate = new CompletableFuture<>();
                silent.put(stanza.elements().get(0).text(), fate);
                return Optional.of(fate);
            }
            return Optional.of(CompletableFuture.completedFuture(verdicts.getOrDefault(to, new Delivery.Written())));
        }

        @Override
        public void linkDown(ComponentLink link, String reason) {
            downs.add(reason);
        }

        @Override
        public void policy(ComponentLink link, ProxyPolicy policy) {
            policies.add(policy);
        }

        final BlockingQueue<String> closeRequests = new LinkedBlockingQueue<>();

        @Override
        public void closeSession(ComponentLink link, String id) {
            closeRequests.add(id);
        }

        @Override
        public void refused(SocketAddress peer, String reason) {
            refusals.add(reason);
        }

        ComponentLink awaitUp() throws InterruptedException {
            ComponentLink link = ups.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(link).as("a link came up").isNotNull();
            return link;
        }
    }

    private static final class RecordingComponent implements LinkListener {
        final BlockingQueue<XmlElement> stanzas = new LinkedBlockingQueue<>();
        final BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();
        /** Bodies of stanzas not taken until the test says so; the others are taken as they come. */
        final Set<String> holdBodies = ConcurrentHashMap.newKeySet();
        final Map<String, Runnable> held = new ConcurrentHashMap<>();

        @Override
        public void stanza(XmlElement stanza, Runnable taken) {
            stanzas.add(stanza);
            String body = stanza.elements().get(0).text();
            if (holdBodies.contains(body)) {
                held.put(body, taken);
            } else {
                taken.run();
            }
        }

        @Override
        public void stateChanged(LinkState state) {
            states.add(state);
        }

        final BlockingQueue<FederationEvent> events = new LinkedBlockingQueue<>();
        final BlockingQueue<ProxyStatus> statuses = new LinkedBlockingQueue<>();

        @Override
        public void proxyEvent(FederationEvent event) {
            events.add(event);
        }

        @Override
        public void proxyStatus(ProxyStatus status) {
            statuses.add(status);
        }

        LinkState awaitState(Predicate<LinkState> wanted) throws InterruptedException {
            return awaitState(wanted, WAIT);
        }

        LinkState awaitState(Predicate<LinkState> wanted, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                LinkState state = states.poll(100, TimeUnit.MILLISECONDS);
                if (state != null && wanted.test(state)) {
                    return state;
                }
            }
            throw new AssertionError("no such link state within " + within);
        }
    }
}
