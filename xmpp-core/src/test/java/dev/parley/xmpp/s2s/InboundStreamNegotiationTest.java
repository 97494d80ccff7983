package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.StreamTranscript;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6120 §4.2–4.3, §4.7: how a receiving server answers an initial stream header. */
class InboundStreamNegotiationTest {

    @Test
    void answersStreamHeaderWithFeatures() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("from='remote.example' to='example.com' version='1.0'"));

        StreamTranscript answer = peer.transcript();
        assertThat(answer.closed()).isFalse();
        assertThat(answer.defaultNamespace()).isEqualTo("jabber:server");
        assertThat(answer.header("from")).hasValue("example.com");
        assertThat(answer.header("to")).hasValue("remote.example");
        assertThat(answer.header("version")).hasValue("1.0");
        assertThat(answer.header("id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(answer.lang()).hasValue("en");
        assertThat(answer.hasOnlyEmptyFeatures()).isTrue();
        assertThat(peer.connected()).isTrue();
    }

    @Test
    void answersHeaderThatArrivesOneByteAtATime() {
        byte[] header = RemotePeer.header("from='remote.example' to='example.com' version='1.0'").getBytes(StandardCharsets.UTF_8);

        RemotePeer peer = new RemotePeer().send(header, 1);

        assertThat(peer.transcript().hasOnlyEmptyFeatures()).isTrue();
        assertThat(peer.transcript().header("from")).hasValue("example.com");
    }

    @Test
    void givesEveryStreamAFreshId() {
        String header = RemotePeer.header("to='example.com' version='1.0'");

        String first = new RemotePeer().send(header).transcript().header("id").orElseThrow();
        String second = new RemotePeer().send(header).transcript().header("id").orElseThrow();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void matchesLocalDomainsIgnoringCase() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("to='CHAT.example.org' version='1.0'"));

        assertThat(peer.transcript().hasOnlyEmptyFeatures()).isTrue();
        assertThat(peer.transcript().header("to")).isEmpty();
    }

    @Test
    void answersHigherMinorVersionWithVersionOneZero() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("to='example.com' version='1.7'"));

        assertThat(peer.transcript().header("version")).hasValue("1.0");
        assertThat(peer.transcript().hasOnlyEmptyFeatures()).isTrue();
    }

    @Test
    void answersHeaderWithoutVersionWithoutVersionAndFeatures() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("from='old.example' to='example.com'"));

        StreamTranscript answer = peer.transcript();
        assertThat(answer.header("version")).isEmpty();
        assertThat(answer.header("from")).hasValue("example.com");
        assertThat(answer.children()).isEmpty();
        assertThat(peer.connected()).isTrue();
    }

    @Test
    void rejectsUnknownHostWithHostUnknown() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("from='remote.example' to='elsewhere.example' version='1.0'"));

        StreamTranscript answer = peer.transcript();
        assertThat(answer.errorCondition()).hasValue("host-unknown");
        assertThat(answer.header("from")).as("does not reveal which domains are served").isEmpty();
        assertThat(answer.header("to")).hasValue("remote.example");
        assertThat(answer.closed()).isTrue();
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void rejectsHeaderWithoutToWithHostUnknown() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("from='remote.example' version='1.0'"));

        assertThat(peer.transcript().errorCondition()).hasValue("host-unknown");
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void rejectsWrongStreamNamespaceWithInvalidNamespace() {
        RemotePeer peer = new RemotePeer().send("<stream:stream xmlns='jabber:server' xmlns:stream='urn:not-streams'"
                + " to='example.com' version='1.0'>");

        assertThat(peer.transcript().errorCondition()).hasValue("invalid-namespace");
        assertThat(peer.connected()).isFalse();
    }

    @Test
    void rejectsClientContentNamespaceWithInvalidNamespace() {
        RemotePeer peer = new RemotePeer().send("<stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>");

        StreamTranscript answer = peer.transcript();
        assertThat(answer.errorCondition()).hasValue("invalid-namespace");
        assertThat(answer.defaultNamespace()).isEqualTo("jabber:server");
    }

    @Test
    void rejectsWrongRootElementWithBadFormat() {
        RemotePeer peer = new RemotePeer().send("<stream:session xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>");

        assertThat(peer.transcript().errorCondition()).hasValue("bad-format");
    }

    @Test
    void rejectsMajorVersionTwoWithUnsupportedVersion() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("to='example.com' version='2.0'"));

        StreamTranscript answer = peer.transcript();
        assertThat(answer.errorCondition()).hasValue("unsupported-version");
        assertThat(answer.header("version")).hasValue("1.0");
        assertThat(answer.header("from")).hasValue("example.com");
    }

    @Test
    void rejectsMalformedVersionWithUnsupportedVersion() {
        RemotePeer peer = new RemotePeer().send(RemotePeer.header("to='example.com' version='one'"));

        assertThat(peer.transcript().errorCondition()).hasValue("unsupported-version");
    }
}
