package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With private federation off, a remote domain whose DNS points at a non-public address (here loopback, where every
 * test server is) is not connected to: neither for a session nor for the dialback verification of a domain that
 * claims to be it; the refusal says why. With it on, the same domains federate (every other test).
 */
@Timeout(30)
class PrivateFederationTest {

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    @Test
    void aDomainAtALoopbackAddressIsNotConnectedToAndTheBounceSaysWhy() throws Exception {
        try (ServerSocket intranetService = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dns.register("inside.test", intranetService.getLocalPort());
            S2sEngine a = engines.start(config("a.test").withPrivateFederation(false), inboxA);

            a.send(Stanzas.message("alice@a.test", "bob@inside.test", "m1", "hello"));
            XmlElement bounce = inboxA.next();

            assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-not-found");
            assertThat(Stanzas.errorText(bounce)).contains("127.0.0.1:" + intranetService.getLocalPort()
                    + ": not connected to, a loopback address (private federation is off)");
            assertThat(a.recentFailures()).singleElement().satisfies(failure ->
                    assertThat(failure.reason()).contains("a loopback address (private federation is off)"));
            intranetService.setSoTimeout(200);
            assertThat(acceptedAny(intranetService)).as("a connection to the intranet service").isFalse();
        }
    }

    @Test
    void aDomainThatClaimsToBeAtALoopbackAddressIsNotVerifiedThere() throws Exception {
        S2sEngine a = engines.start(config("a.test"), inboxA);
        EventLog eventsAtB = new EventLog();
        S2sEngine b = engines.start(config("b.test").withPrivateFederation(false), inboxB, eventsAtB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());

        // a.test connects to b.test (a allows loopback); b.test would verify a.test's key at a.test's address.
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));

        XmlElement bounce = inboxA.next();
        assertThat(inboxB.drain()).as("delivered at b.test").isEmpty();
        assertThat(Stanzas.errorText(bounce)).isEqualTo("b.test refused dialback for a.test with the error"
                + " remote-server-not-found");
        assertThat(eventsAtB.next(FederationEvent.Kind.REFUSED, SessionDirection.INBOUND).detail())
                .contains("could not connect to a.test").contains("a loopback address (private federation is off)");
    }

    private EngineConfig config(String domain) {
        return EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of(domain), dns, dns);
    }

    private static boolean acceptedAny(ServerSocket server) throws IOException {
        try {
            server.accept().close();
            return true;
        } catch (SocketTimeoutException none) {
            return false;
        }
    }
}
