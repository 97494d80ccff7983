package dev.parley.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.EjabberdPeer;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import dev.parley.xmpp.s2s.SessionDirection;
import java.time.Duration;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The matrix row "no TLS + dialback": a real user on Prosody and on ejabberd chats with Parley's engine both ways,
 * once with the engine opening the first stream (it connects out) and once with the peer opening it (it connects in).
 */
class PlainDialbackInteropIT {

    private static final PeerSecurity SECURITY = PeerSecurity.NO_TLS_DIALBACK;
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final String AGENT = "agent@" + EngineUnderTest.DOMAIN;

    enum Peer {
        PROSODY("prosody.test", ProsodyPeer::plan, (network, ca) -> new ProsodyPeer(network, "prosody.test", SECURITY, ca)),
        EJABBERD("ejabberd.test", EjabberdPeer::plan, (network, ca) -> new EjabberdPeer(network, "ejabberd.test", SECURITY, ca));

        final String domain;
        final BiFunction<String, PeerSecurity, DomainPlan> plan;
        final BiFunction<PeerNetwork, TestCa, FederationPeer> create;

        Peer(String domain, BiFunction<String, PeerSecurity, DomainPlan> plan,
             BiFunction<PeerNetwork, TestCa, FederationPeer> create) {
            this.domain = domain;
            this.plan = plan;
            this.create = create;
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void engineConnectsOutFirstThenPeerAnswers(Peer kind) throws Exception {
        try (PeerNetwork network = PeerNetwork.start(kind.plan.apply(kind.domain, SECURITY),
                DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT));
             FederationPeer peer = kind.create.apply(network, TestCa.create(network.runDir().resolve("ca")));
             EngineUnderTest parley = startBoth(network, peer);
             XmppUser alice = XmppUser.login(peer, "alice", "alice-secret")) {

            parley.sendChat(AGENT + "/desk", alice.jid(), "hello from Parley");
            assertThat(alice.awaitMessage(AGENT, DELIVERY)).isEqualTo("hello from Parley");

            alice.send(AGENT, "hello from " + kind);
            var reply = parley.await(s -> alice.jid().equals(EngineUnderTest.bareFrom(s)), DELIVERY, "reply from " + alice.jid());
            assertThat(EngineUnderTest.body(reply)).isEqualTo("hello from " + kind);
            assertThat(reply.attribute("to")).hasValue(AGENT);

            assertThat(parley.engine().sessions()).extracting(s -> s.direction())
                    .contains(SessionDirection.OUTBOUND, SessionDirection.INBOUND);
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void peerConnectsInFirstThenEngineAnswers(Peer kind) throws Exception {
        try (PeerNetwork network = PeerNetwork.start(kind.plan.apply(kind.domain, SECURITY),
                DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT));
             FederationPeer peer = kind.create.apply(network, TestCa.create(network.runDir().resolve("ca")));
             EngineUnderTest parley = startBoth(network, peer);
             XmppUser alice = XmppUser.login(peer, "alice", "alice-secret")) {

            alice.send(AGENT, "first word from " + kind);
            var message = parley.await(s -> alice.jid().equals(EngineUnderTest.bareFrom(s)), DELIVERY, "message from " + alice.jid());
            assertThat(EngineUnderTest.body(message)).isEqualTo("first word from " + kind);

            parley.sendChat(AGENT, alice.jid(), "answer from Parley");
            assertThat(alice.awaitMessage(AGENT, DELIVERY)).isEqualTo("answer from Parley");
        }
    }

    private static EngineUnderTest startBoth(PeerNetwork network, FederationPeer peer) {
        peer.start();
        peer.register("alice", "alice-secret");
        return new EngineUnderTest(network);
    }
}
