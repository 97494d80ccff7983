package dev.parley.xmpp.tls;

import dev.parley.xmpp.testing.TestPki;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9525 identity checks for XMPP servers: DNS-ID with left-most wildcards, SRV-ID, XmppAddr, never CN. */
class ServiceIdentityTest {

    private final TestPki ca = TestPki.create("Identity CA");

    @Test
    void readsDnsNamesSrvIdsAndXmppAddrs() {
        var certificate = ca.leaf("x").dns("a.example").srv("_xmpp-server.b.example").xmppAddr("c.example").issue().certificate();

        assertThat(ServiceIdentity.presented(certificate)).extracting(PresentedIdentifier::toString)
                .containsExactly("DNS:a.example", "SRV:_xmpp-server.b.example", "XmppAddr:c.example");
        assertThat(ServiceIdentity.covers(certificate, "a.example")).isTrue();
        assertThat(ServiceIdentity.covers(certificate, "B.Example")).isTrue();
        assertThat(ServiceIdentity.covers(certificate, "c.example")).isTrue();
        assertThat(ServiceIdentity.covers(certificate, "d.example")).isFalse();
    }

    @Test
    void aWildcardCoversExactlyOneLeftMostLabel() {
        var certificate = ca.leaf("x").dns("*.example.com").issue().certificate();

        assertThat(ServiceIdentity.covers(certificate, "chat.example.com")).isTrue();
        assertThat(ServiceIdentity.covers(certificate, "example.com")).isFalse();
        assertThat(ServiceIdentity.covers(certificate, "a.chat.example.com")).isFalse();
    }

    @Test
    void partialAndTopLevelWildcardsMatchNothing() {
        assertThat(new PresentedIdentifier(PresentedIdentifier.Type.DNS_ID, "f*.example.com").matches("foo.example.com")).isFalse();
        assertThat(new PresentedIdentifier(PresentedIdentifier.Type.DNS_ID, "*.com").matches("example.com")).isFalse();
        assertThat(new PresentedIdentifier(PresentedIdentifier.Type.DNS_ID, "a.*.example.com").matches("a.b.example.com")).isFalse();
    }

    @Test
    void anSrvIdForAnotherServiceDoesNotCoverTheDomain() {
        var certificate = ca.leaf("x").srv("_xmpp-client.a.example").issue().certificate();

        assertThat(ServiceIdentity.covers(certificate, "a.example")).isFalse();
    }

    @Test
    void theCommonNameIsNotAnIdentity() {
        var certificate = ca.leaf("a.example").issue().certificate();

        assertThat(ServiceIdentity.presented(certificate)).isEmpty();
        assertThat(ServiceIdentity.covers(certificate, "a.example")).isFalse();
    }
}
