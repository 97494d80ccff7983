package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.xml.XmlLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6120 §4.4 and §4.9: how an inbound stream ends, gracefully or with a stream error. */
class InboundStreamTerminationTest {

    private static final String OPEN = RemotePeer.header("from='remote.example' to='example.com' version='1.0'");

    @Test
    void rejectsStanzaBeforeAuthenticationWithNotAuthorized() {
        RemotePeer peer = new RemotePeer().send(OPEN)
                .send("<message from='romeo@remote.example' to='juliet@example.com'><body>hi</body></message>");

        StreamTranscript answer = peer.transcript();
        assertThat(answer.children()).hasSize(2);
        assertThat(answer.children().get(0).getLocalName()).isEqualTo("features");
        assertThat(answer.errorCondition()).hasValue("not-authorized");
        assertThat(answer.closed()).isTrue();
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void closesStreamWhenPeerCloses() {
        RemotePeer peer = new RemotePeer().send(OPEN).send(" </stream:stream>");

        StreamTranscript answer = peer.transcript();
        assertThat(answer.closed()).isTrue();
        assertThat(answer.hasOnlyEmptyFeatures()).as("closed without an error").isTrue();
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void closesStreamWithoutAnsweringWhenPeerEndsItWithAStreamError() {
        RemotePeer peer = new RemotePeer().send(OPEN).send("<stream:error><system-shutdown"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");

        StreamTranscript answer = peer.transcript();
        assertThat(answer.closed()).isTrue();
        assertThat(answer.hasOnlyEmptyFeatures()).as("an error is not answered with an error").isTrue();
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void endsStreamWithConnectionTimeoutWhenNoHeaderArrivesInTime() {
        RemotePeer peer = new RemotePeer().send("<?xml version='1.0'?><stream:str").waitFor(31);

        StreamTranscript answer = peer.transcript();
        assertThat(answer.errorCondition()).hasValue("connection-timeout");
        assertThat(answer.header("id")).isPresent();
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void keepsStreamOpenPastTheHeaderDeadlineOnceTheHeaderArrived() {
        RemotePeer peer = new RemotePeer().send(OPEN).waitFor(45);

        assertThat(peer.transcript().hasOnlyEmptyFeatures()).isTrue();
        assertThat(peer.connected()).isTrue();
    }

    @Test
    void usesTheConfiguredHeaderTimeout() {
        ListenerConfig config = new ListenerConfig(RemotePeer.CONFIG.bindAddress(), 0, RemotePeer.CONFIG.localDomains(),
                XmlLimits.DEFAULTS, InboundLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)));

        RemotePeer early = new RemotePeer(config).waitFor(4);
        RemotePeer late = new RemotePeer(config).waitFor(6);

        assertThat(early.connected()).isTrue();
        assertThat(late.transcript().errorCondition()).hasValue("connection-timeout");
    }

    @Test
    void endsAStreamNotAuthenticatedInTimeWithPolicyViolationHoweverBusyItKeepsIt() {
        RemotePeer peer = new RemotePeer().send(OPEN);
        // Whitespace keepalives move no deadline.
        for (int second = 1; second < 60; second++) {
            peer.waitFor(1).send(" ");
        }
        assertThat(peer.connected()).as("59 s after the header").isTrue();

        peer.waitFor(1);

        StreamTranscript answer = peer.transcript();
        assertThat(answer.errorCondition()).hasValue("policy-violation");
        assertThat(answer.errorText()).hasValue("no domain was authenticated on this stream within 60 s of its header");
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void countsTheTimeToAuthenticateFromTheFirstHeaderOnAndUsesTheConfiguredOne() {
        ListenerConfig config = new ListenerConfig(RemotePeer.CONFIG.bindAddress(), 0, RemotePeer.CONFIG.localDomains(),
                XmlLimits.DEFAULTS, InboundLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10)));
        RemotePeer peer = new RemotePeer(config).waitFor(20).send(OPEN).waitFor(9);
        assertThat(peer.connected()).as("29 s after connecting, 9 s after the header").isTrue();

        peer.waitFor(1);

        assertThat(peer.transcript().errorCondition()).hasValue("policy-violation");
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void rejectsDoctypeWithRestrictedXmlAfterOpeningTheStream() {
        RemotePeer peer = new RemotePeer().send("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY a 'b'>]>" + OPEN);

        StreamTranscript answer = peer.transcript();
        assertThat(answer.header("id")).as("an error before the header still opens the stream").isPresent();
        assertThat(answer.errorCondition()).hasValue("restricted-xml");
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void rejectsInvalidUtf8AsNotWellFormed() {
        RemotePeer peer = new RemotePeer().send(OPEN).send(new byte[]{'<', 'a', (byte) 0xFF, '/', '>'}, 1);

        StreamTranscript answer = peer.transcript();
        assertThat(answer.hasOnlyEmptyFeatures()).isFalse();
        assertThat(answer.errorCondition()).hasValue("not-well-formed");
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void rejectsOversizedStanzaWithPolicyViolation() {
        RemotePeer peer = new RemotePeer().send(OPEN)
                .send("<message><body>" + "x".repeat(XmlLimits.DEFAULTS.maxStanzaBytes()) + "</body></message>");

        assertThat(peer.transcript().errorCondition()).hasValue("policy-violation");
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void answersOnlyOnceWhenMoreArrivesAfterTheError() {
        RemotePeer peer = new RemotePeer().send(OPEN + "<message/><message/></stream:stream>");

        StreamTranscript answer = peer.transcript();
        assertThat(answer.children()).hasSize(2);
        assertThat(answer.errorCondition()).hasValue("not-authorized");
    }
}
