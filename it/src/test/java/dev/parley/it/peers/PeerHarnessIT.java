package dev.parley.it.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The harness runs real Prosody and ejabberd that federate with each other in every supported security mode,
 * finding each other only through the run's DNS. Plain JUnit: no WildFly is started.
 */
class PeerHarnessIT {

    private static final String PROSODY = "prosody.test";
    private static final String EJABBERD = "ejabberd.test";
    private static final String PARLEY = "parley.test";
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(PeerSecurity.class)
    void prosodyAndEjabberdUsersChatBothWaysOverS2s(PeerSecurity security) throws Exception {
        try (PeerNetwork network = PeerNetwork.start(
                ProsodyPeer.plan(PROSODY, security),
                EjabberdPeer.plan(EJABBERD, security),
                DomainPlan.serverUnderTest(PARLEY, 5269))) {
            TestCa ca = TestCa.create(network.runDir().resolve("ca"));
            try (ProsodyPeer prosody = new ProsodyPeer(network, PROSODY, security, ca);
                    EjabberdPeer ejabberd = new EjabberdPeer(network, EJABBERD, security, ca)) {
                prosody.start();
                ejabberd.start();
                prosody.register("alice", "alice-secret");
                ejabberd.register("bob", "bob-secret");

                try (XmppUser alice = XmppUser.login(prosody, "alice", "alice-secret");
                        XmppUser bob = XmppUser.login(ejabberd, "bob", "bob-secret")) {
                    alice.send(bob.jid(), "hello from Prosody");
                    assertThat(bob.awaitMessage(alice.jid(), DELIVERY)).isEqualTo("hello from Prosody");

                    bob.send(alice.jid(), "hello from ejabberd");
                    assertThat(alice.awaitMessage(bob.jid(), DELIVERY)).isEqualTo("hello from ejabberd");
                }
            }

            String service = security.directTls() ? "_xmpps-server._tcp." : "_xmpp-server._tcp.";
            assertThat(Files.readString(network.dnsLog()))
                    .as("both peers looked each other up in the run's DNS")
                    .contains("query[SRV] " + service + EJABBERD)
                    .contains("query[SRV] " + service + PROSODY);
        }
    }
}
