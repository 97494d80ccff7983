package dev.parley.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The refusals of the interop matrix: what cannot be delivered comes back to its sender as the right stanza error,
 * with a reason a person understands, and is never delivered in a weaker way.
 */
class RefusalsInteropIT {

    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final String AGENT = "agent@" + EngineUnderTest.DOMAIN;
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    @Test
    void bouncesWithRemoteServerNotFoundForADomainThatDoesNotExist() throws Exception {
        try (PeerNetwork network = PeerNetwork.start(DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT));
             EngineUnderTest parley = new EngineUnderTest(network)) {

            parley.sendChat(AGENT, "bob@nowhere.test", "anyone there?");

            XmlElement bounce = awaitBounce(parley, "bob@nowhere.test");
            assertThat(condition(bounce)).hasValue("remote-server-not-found");
            assertThat(text(bounce)).contains("nowhere.test");
        }
    }

    @Test
    void bouncesWithRemoteServerNotFoundWhenThePeerIsDown() throws Exception {
        try (PeerNetwork network = PeerNetwork.start(ProsodyPeer.plan("prosody.test", PeerSecurity.NO_TLS_DIALBACK),
                DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT));
             EngineUnderTest parley = new EngineUnderTest(network)) {
            // prosody.test resolves, but no server runs there.

            parley.sendChat(AGENT, "alice@prosody.test", "are you up?");

            XmlElement bounce = awaitBounce(parley, "alice@prosody.test");
            assertThat(condition(bounce)).hasValue("remote-server-not-found");
            assertThat(text(bounce)).contains("prosody.test").contains(network.address("prosody.test").getHostAddress());
        }
    }

    @Test
    void withoutTlsNothingIsExchangedWithAPeerThatRequiresIt() throws Exception {
        PeerSecurity requiresTls = PeerSecurity.STARTTLS_SELF_SIGNED_DIALBACK;
        try (PeerNetwork network = PeerNetwork.start(ProsodyPeer.plan("prosody.test", requiresTls),
                DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT));
             ProsodyPeer prosody = new ProsodyPeer(network, "prosody.test", requiresTls, TestCa.create(network.runDir().resolve("ca")))) {
            prosody.start();
            prosody.register("alice", "alice-secret");
            try (EngineUnderTest parley = new EngineUnderTest(network);
                 XmppUser alice = XmppUser.login(prosody, "alice", "alice-secret")) {

                parley.sendChat(AGENT, alice.jid(), "in clear text?");
                XmlElement bounce = awaitBounce(parley, alice.jid());
                assertThat(condition(bounce)).hasValue("remote-server-not-found");
                assertThat(text(bounce)).contains("requires TLS");

                alice.send(AGENT, "in clear text to you?");
                assertThat(alice.awaitError(AGENT, ANSWER)).as("Prosody's bounce to alice").isNotBlank();
                assertThat(parley.engine().sessions()).as("no stream was authenticated").noneSatisfy(
                        session -> assertThat(session.state()).isEqualTo(SessionState.AUTHENTICATED));
            }
        }
    }

    private static XmlElement awaitBounce(EngineUnderTest parley, String from) throws InterruptedException {
        XmlElement bounce = parley.await(s -> "error".equals(s.attribute("type").orElse(null))
                && from.equals(EngineUnderTest.bareFrom(s)), ANSWER, "error from " + from);
        assertThat(bounce.attribute("to")).hasValueSatisfying(to -> assertThat(to).startsWith(AGENT));
        return bounce;
    }

    private static Optional<String> condition(XmlElement bounce) {
        return error(bounce).flatMap(e -> e.elements().stream()
                .filter(c -> STANZAS.equals(c.namespace()) && !c.name().equals("text")).findFirst().map(XmlElement::name));
    }

    private static String text(XmlElement bounce) {
        return error(bounce).flatMap(e -> e.elements().stream().filter(c -> c.name().equals("text")).findFirst())
                .map(XmlElement::text).orElse("");
    }

    private static Optional<XmlElement> error(XmlElement stanza) {
        return stanza.elements().stream().filter(e -> e.name().equals("error")).findFirst();
    }
}
