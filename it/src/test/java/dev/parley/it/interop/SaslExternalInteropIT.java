package dev.parley.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.xmpp.s2s.AuthMethod;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.tls.TlsPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The matrix row "test-CA certificates + SASL EXTERNAL": certificates from the run's test CA (Parley's names its
 * domain as DNS name only, see {@code SubjectAltNames.DNS_NAME_ONLY}), only valid certificates accepted
 * (REQUIRED_VALID_CERT), and the peers offer no dialback: SASL EXTERNAL (XEP-0178) authenticates both directions.
 */
class SaslExternalInteropIT {

    // Prosody writes attributes in no fixed order (a Lua table's).
    private static final Pattern ENABLED_BY_THE_ENGINE = Pattern.compile(
            "s2sin\\S*\\s+debug\\s+Sending\\[s2sin\\]: <enabled [^>]*xmlns='urn:xmpp:sm:3'");
    private static final Pattern ACKNOWLEDGED_TO_THE_ENGINE = Pattern.compile(
            "s2sin\\S*\\s+debug\\s+Sending\\[s2sin\\]: <a (?=[^>]*xmlns='urn:xmpp:sm:3')(?=[^>]*h='[5-9]')");
    private static final Pattern PINGED_BY_THE_ENGINE = Pattern.compile(
            "Received\\[s2sin\\]: <iq [^>]*type='get'");
    private static final Pattern ACKED_ON_S2S = Pattern.compile("^\\S+ \\S+ \\S+ s2sout\\S*\\s+debug\\s+#queue = \\d+ \\(acked: (\\d+)\\)");

    private static final TlsInteropScenario SCENARIO = new TlsInteropScenario(PeerSecurity.STARTTLS_CA_SASL_EXTERNAL,
            DomainPlan.serverUnderTest(EngineUnderTest.DOMAIN, EngineUnderTest.S2S_PORT),
            (network, ca) -> new EngineUnderTest(network,
                    EngineUnderTest.tls(TlsPolicy.REQUIRED_VALID_CERT, ca, CertificateKind.VALID)));

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void engineConnectsOutFirstThenPeerAnswers(PeerKind kind) throws Exception {
        SCENARIO.engineConnectsOutFirst(kind, SaslExternalInteropIT::authenticatedByCertificates);
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void peerConnectsInFirstThenEngineAnswers(PeerKind kind) throws Exception {
        SCENARIO.peerConnectsInFirst(kind, SaslExternalInteropIT::authenticatedByCertificates);
    }

    /**
     * Prosody enables XEP-0198 stream management on its stream to the engine once SASL EXTERNAL authenticated it (its
     * default module; it does not on dialback streams, where no features follow authentication) and asks for
     * acknowledgements: the engine gives them once its host has the stanzas, and Prosody counts them acknowledged (it
     * closes a stream whose count is wrong, and returns what was not acknowledged to its senders if the stream breaks).
     */
    @Test
    void prosodyHasItsStanzasAcknowledgedByStreamManagement() throws Exception {
        SCENARIO.withPeer(PeerKind.PROSODY, (parley, alice, peer) -> {
            // What Prosody queued while its stream opened goes out before it enables stream management: not counted.
            alice.send(TlsInteropScenario.AGENT, "opening");
            parley.await(stanza -> "opening".equals(EngineUnderTest.body(stanza)), TlsInteropScenario.DELIVERY, "opening");
            for (int i = 1; i <= 5; i++) {
                alice.send(TlsInteropScenario.AGENT, "counted " + i);
            }
            for (int i = 1; i <= 5; i++) {
                String body = "counted " + i;
                parley.await(stanza -> body.equals(EngineUnderTest.body(stanza)), TlsInteropScenario.DELIVERY, body);
            }

            long deadline = System.nanoTime() + TlsInteropScenario.DELIVERY.toNanos();
            while (acknowledgedToProsody(peer.log()) < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(acknowledgedToProsody(peer.log())).as("stanzas Prosody's stream to the engine counts as"
                    + " acknowledged (its debug log)").isGreaterThanOrEqualTo(5);
            assertThat(Files.readString(peer.log())).as("no count Prosody found wrong")
                    .doesNotContain("The client says it handled");
        });
    }

    /**
     * The other way: Prosody offers stream management on the engine's stream to it once SASL EXTERNAL authenticated it,
     * the engine enables it, and Prosody's {@code <a/>} on that very stream are the receipts that tell the engine's
     * host each stanza was taken (rather than answers to pings, which would come on Prosody's stream back).
     */
    @Test
    void prosodyAcknowledgesTheEnginesStanzasByStreamManagement() throws Exception {
        SCENARIO.withPeer(PeerKind.PROSODY, (parley, alice, peer) -> {
            List<CompletableFuture<Delivery>> fates = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                fates.add(parley.submitChat(TlsInteropScenario.AGENT, alice.jid(), "acknowledged " + i)
                        .toCompletableFuture());
            }
            for (int i = 1; i <= 5; i++) {
                assertThat(alice.awaitMessage(TlsInteropScenario.AGENT, TlsInteropScenario.DELIVERY))
                        .isEqualTo("acknowledged " + i);
            }
            for (CompletableFuture<Delivery> fate : fates) {
                assertThat(fate.get(TlsInteropScenario.DELIVERY.toSeconds(), TimeUnit.SECONDS))
                        .isEqualTo(new Delivery.Acknowledged());
            }
            String log = Files.readString(peer.log());
            assertThat(log).as("Prosody's debug log").containsPattern(ENABLED_BY_THE_ENGINE)
                    .containsPattern(ACKNOWLEDGED_TO_THE_ENGINE)
                    .as("no ping asked Prosody for receipts").doesNotContainPattern(PINGED_BY_THE_ENGINE);
        });
    }

    /** What Prosody logged as acknowledged on its outgoing S2S streams: one line per {@code <a/>} it took. */
    private static int acknowledgedToProsody(Path log) throws IOException {
        int total = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher acked = ACKED_ON_S2S.matcher(line);
            if (acked.find()) {
                total += Integer.parseInt(acked.group(1));
            }
        }
        return total;
    }

    static void authenticatedByCertificates(List<SessionInfo> sessions) {
        assertThat(sessions).filteredOn(s -> s.state() == SessionState.AUTHENTICATED).isNotEmpty().allSatisfy(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.SASL_EXTERNAL);
            assertThat(s.tls()).hasValueSatisfying(tls -> assertThat(tls.certificateNote()).isEqualTo("trusted"));
        });
    }
}
