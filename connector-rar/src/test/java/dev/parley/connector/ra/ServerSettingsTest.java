package dev.parley.connector.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.s2s.InboundLimits;
import java.net.InetSocketAddress;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The server's own settings: adapter configuration, overridden per server by system properties. */
class ServerSettingsTest {

    @Test
    void takesTheAdapterConfigurationWhenNoPropertyIsSet() {
        ServerSettings settings = ServerSettings.resolve("corp.example", "", new Properties());

        assertThat(settings.xmppDomain()).isEqualTo("corp.example");
        assertThat(settings.dns().usesSystemServers()).isTrue();
        assertThat(settings.inbound()).isEqualTo(InboundLimits.DEFAULTS);
    }

    @Test
    void aSystemPropertyRaisesTheInboundConnectionsPerAddressAndTheCapsAboveWithThem() {
        Properties overrides = new Properties();
        overrides.setProperty(ServerSettings.CONNECTIONS_PER_ADDRESS_PROPERTY, " 500 ");

        InboundLimits inbound = ServerSettings.resolve("corp.example", "", overrides).inbound();

        assertThat(inbound.connectionsPerAddress()).isEqualTo(500);
        assertThat(inbound.connectionsPerNetwork()).isEqualTo(500);
        assertThat(inbound.connectionsInAll()).isEqualTo(InboundLimits.DEFAULTS.connectionsInAll());
    }

    @Test
    void systemPropertiesOverrideTheDomainAndTheDnsServers() {
        Properties overrides = new Properties();
        overrides.setProperty(ServerSettings.DOMAIN_PROPERTY, " parley.test ");
        overrides.setProperty(ServerSettings.DNS_PROPERTY, "127.0.0.53:5353, 127.0.0.54");

        ServerSettings settings = ServerSettings.resolve("localhost", "", overrides);

        assertThat(settings.xmppDomain()).isEqualTo("parley.test");
        assertThat(settings.dns().servers()).containsExactly(new InetSocketAddress("127.0.0.53", 5353),
                new InetSocketAddress("127.0.0.54", 53));
    }

    @Test
    void namesTheSettingThatIsWrong() {
        Properties overrides = new Properties();
        overrides.setProperty(ServerSettings.DNS_PROPERTY, "dns.corp.example");

        assertThatThrownBy(() -> ServerSettings.resolve("localhost", "", overrides))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DNS servers (parley.dns.servers)");
        assertThatThrownBy(() -> ServerSettings.resolve(" ", "", new Properties()))
                .hasMessage("The XMPP domain must not be empty");
        for (String wrong : new String[]{"0", "many", "100001"}) {
            Properties caps = new Properties();
            caps.setProperty(ServerSettings.CONNECTIONS_PER_ADDRESS_PROPERTY, wrong);
            assertThatThrownBy(() -> ServerSettings.resolve("localhost", "", caps))
                    .hasMessage("Inbound connections per address (parley.s2s.connections-per-address): a whole number"
                            + " from 1 to 100000 is needed, not '" + wrong + "'");
        }
    }
}
