package dev.parley.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The two conversations every row of the matrix runs against a peer: the engine speaks first (it connects out), or
 * the peer's user does (the peer connects in), then the other side answers. What a row adds is how the network,
 * the peer and the engine are set up, and what the sessions must show afterwards.
 *
 * @param security the peer's mode
 * @param serverUnderTest what the network reserves and advertises for the engine's domain
 * @param engine starts the engine once the peer runs, given the network and the run's test CA
 */
record TlsInteropScenario(PeerSecurity security, DomainPlan serverUnderTest,
                          BiFunction<PeerNetwork, TestCa, EngineUnderTest> engine) {

    static final Duration DELIVERY = Duration.ofSeconds(20);
    static final String AGENT = "agent@" + EngineUnderTest.DOMAIN;

    /** The engine sends first; then Alice answers; {@code sessions} checks what the engine's sessions show. */
    void engineConnectsOutFirst(PeerKind kind, Consumer<List<SessionInfo>> sessions) throws Exception {
        run(kind, (parley, alice) -> {
            parley.sendChat(AGENT + "/desk", alice.jid(), "hello from Parley");
            assertThat(alice.awaitMessage(AGENT, DELIVERY)).isEqualTo("hello from Parley");

            alice.send(AGENT, "hello from " + kind);
            XmlElement reply = parley.await(s -> alice.jid().equals(EngineUnderTest.bareFrom(s)), DELIVERY,
                    "reply from " + alice.jid());
            assertThat(EngineUnderTest.body(reply)).isEqualTo("hello from " + kind);
            assertThat(parley.engine().sessions()).extracting(SessionInfo::direction)
                    .contains(SessionDirection.OUTBOUND, SessionDirection.INBOUND);
            sessions.accept(parley.engine().sessions());
        });
    }

    /** Alice sends first; then the engine answers; {@code sessions} checks what the engine's sessions show. */
    void peerConnectsInFirst(PeerKind kind, Consumer<List<SessionInfo>> sessions) throws Exception {
        run(kind, (parley, alice) -> {
            alice.send(AGENT, "first word from " + kind);
            XmlElement message = parley.await(s -> alice.jid().equals(EngineUnderTest.bareFrom(s)), DELIVERY,
                    "message from " + alice.jid());
            assertThat(EngineUnderTest.body(message)).isEqualTo("first word from " + kind);

            parley.sendChat(AGENT, alice.jid(), "answer from Parley");
            assertThat(alice.awaitMessage(AGENT, DELIVERY)).isEqualTo("answer from Parley");
            sessions.accept(parley.engine().sessions());
        });
    }

    /** What a test does once the peer, Alice on it and the engine are up. */
    interface Conversation {
        void run(EngineUnderTest parley, XmppUser alice) throws Exception;
    }

    /** What a test does that also looks at the peer server itself, such as its log. */
    interface ConversationWithPeer {
        void run(EngineUnderTest parley, XmppUser alice, FederationPeer peer) throws Exception;
    }

    void run(PeerKind kind, Conversation conversation) throws Exception {
        withPeer(kind, (parley, alice, peer) -> conversation.run(parley, alice));
    }

    void withPeer(PeerKind kind, ConversationWithPeer conversation) throws Exception {
        try (PeerNetwork network = PeerNetwork.start(kind.plan(security), serverUnderTest)) {
            TestCa ca = TestCa.create(network.runDir().resolve("ca"));
            try (FederationPeer peer = kind.create(network, security, ca)) {
                peer.start();
                peer.register("alice", "alice-secret");
                try (EngineUnderTest parley = engine.apply(network, ca);
                     XmppUser alice = XmppUser.login(peer, "alice", "alice-secret")) {
                    conversation.run(parley, alice, peer);
                }
            }
        }
    }
}
