package dev.parley.domain.model.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.api.Test;

class DnsRecordsToPublishTest {

    private static SettingsSnapshot settings(FederationMode mode, int port, String bindAddress) {
        return new SettingsSnapshot(true, mode, port, bindAddress, null, 5275, false, TlsPolicy.OPTIONAL,
                AuthorizationLevel.PERSONAL, 3600, 1, null, null, false, false);
    }

    @Test
    void pointsTheSrvRecordAtTheDomainOnAPublicAddress() {
        DnsRecordsToPublish advice = DnsRecordsToPublish.of("corp.example",
                settings(FederationMode.DIRECT, 5270, "192.0.2.10"));

        assertThat(advice.records()).containsExactly(
                "_xmpp-server._tcp.corp.example. 3600 IN SRV 0 5 5270 xmpp.corp.example.",
                "xmpp.corp.example. 3600 IN A 192.0.2.10");
        assertThat(advice.remarks()).singleElement().asString().startsWith("xmpp.corp.example. is a suggestion");
    }

    @Test
    void asksForThePublicAddressesWhenListeningOnAllOfThem() {
        DnsRecordsToPublish advice = DnsRecordsToPublish.of("corp.example",
                settings(FederationMode.DIRECT, 5269, "::"));

        assertThat(advice.records()).containsExactly(
                "_xmpp-server._tcp.corp.example. 3600 IN SRV 0 5 5269 xmpp.corp.example.",
                "xmpp.corp.example. 3600 IN A PUBLIC-IPV4", "xmpp.corp.example. 3600 IN AAAA PUBLIC-IPV6");
        assertThat(advice.remarks()).hasSize(2);
        assertThat(advice.remarks().get(0)).contains("every address").contains("TCP port 5269");
    }

    @Test
    void saysThatALoopbackOrPrivateListenerIsUnreachable() {
        assertThat(DnsRecordsToPublish.of("corp.example", settings(FederationMode.DIRECT, 5270, "127.0.0.1")).remarks())
                .first().asString().contains("cannot reach").contains("loopback");
        DnsRecordsToPublish privateAddress = DnsRecordsToPublish.of("corp.example",
                settings(FederationMode.DIRECT, 5270, "10.1.2.3"));
        assertThat(privateAddress.records()).contains("xmpp.corp.example. 3600 IN A PUBLIC-ADDRESS");
        assertThat(privateAddress.remarks()).first().asString().contains("10.1.2.3").contains("forward TCP port 5270");
    }

    @Test
    void pointsAtTheProxyInProxyMode() {
        DnsRecordsToPublish advice = DnsRecordsToPublish.of("corp.example",
                settings(FederationMode.PROXY, 5269, "127.0.0.1"));

        assertThat(advice.records()).containsExactly(
                "_xmpp-server._tcp.corp.example. 3600 IN SRV 0 5 5269 xmpp.corp.example.",
                "xmpp.corp.example. 3600 IN A PROXY-PUBLIC-IPV4");
        assertThat(advice.remarks()).singleElement().asString().contains("XMPP Proxy");
    }
}
