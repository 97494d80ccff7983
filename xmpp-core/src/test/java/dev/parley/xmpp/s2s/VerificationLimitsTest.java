package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.dns.S2sTargetResolver;
import dev.parley.xmpp.testing.StreamTranscript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code db:result} makes the receiving server look up and connect to an authoritative server before the peer
 * has proven anything; so there are limits per stream and for the engine. The resolver here never answers, which
 * keeps every admitted verification waiting, and counts how many were started.
 */
@Timeout(60)
class VerificationLimitsTest {

    private final LoopbackDns dns = new LoopbackDns();
    private final AtomicInteger lookups = new AtomicInteger();
    private final S2sTargetResolver silent = domain -> {
        lookups.incrementAndGet();
        return new CompletableFuture<List<S2sTarget>>();
    };
    private S2sEngine b;

    @AfterEach
    void stop() {
        b.close();
    }

    @Test
    void verifiesPairAlreadyBeingVerifiedOnlyOnce() throws IOException, InterruptedException {
        start();
        try (RawServer peer = open()) {
            peer.send(result("a.test").repeat(3));
            awaitLookups(1);
            Thread.sleep(300);

            assertThat(lookups).hasValue(1);
        }
    }

    @Test
    void verifiesAtMostEightDomainsAtOnceOnOneStream() throws IOException, InterruptedException {
        start();
        try (RawServer peer = open()) {
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                requests.append(result("d" + i + ".test"));
            }
            peer.send(requests.toString());

            List<Element> refused = resourceConstraints(peer.readUntil(t -> resourceConstraints(t).size() >= 42));
            Thread.sleep(300);

            assertThat(refused).hasSize(42);
            assertThat(lookups).hasValue(PendingVerifications.MAX_PER_STREAM);
        }
    }

    @Test
    void verifiesAtMost256DomainsAtOnceForAllStreams() throws IOException, InterruptedException {
        start();
        List<RawServer> peers = new ArrayList<>();
        try {
            int full = OutboundSessions.MAX_VERIFICATIONS / PendingVerifications.MAX_PER_STREAM;
            for (int s = 0; s <= full; s++) {
                if (s == full) {
                    awaitLookups(OutboundSessions.MAX_VERIFICATIONS);
                }
                RawServer peer = open();
                peers.add(peer);
                StringBuilder requests = new StringBuilder();
                for (int i = 0; i < PendingVerifications.MAX_PER_STREAM; i++) {
                    requests.append(result("s" + s + "-d" + i + ".test"));
                }
                peer.send(requests.toString());
            }

            RawServer last = peers.get(peers.size() - 1);
            List<Element> refused = resourceConstraints(last.readUntil(
                    t -> resourceConstraints(t).size() >= PendingVerifications.MAX_PER_STREAM));
            Thread.sleep(300);

            assertThat(refused).hasSize(PendingVerifications.MAX_PER_STREAM);
            assertThat(lookups).hasValue(OutboundSessions.MAX_VERIFICATIONS);
        } finally {
            for (RawServer peer : peers) {
                peer.close();
            }
        }
    }

    private void awaitLookups(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lookups.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void start() {
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), silent, dns)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(40)), new Inbox());
    }

    private RawServer open() throws IOException {
        RawServer peer = new RawServer(b.localAddress().getPort());
        peer.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='a.test' to='b.test' version='1.0'"));
        peer.readUntil(t -> !t.children().isEmpty());
        return peer;
    }

    private static String result(String from) {
        return "<db:result from='" + from + "' to='b.test'>00</db:result>";
    }

    private static List<Element> resourceConstraints(StreamTranscript transcript) {
        return transcript.children().stream()
                .filter(e -> "jabber:server:dialback".equals(e.getNamespaceURI()) && "result".equals(e.getLocalName()))
                .filter(e -> e.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "resource-constraint")
                        .getLength() == 1)
                .toList();
    }
}
