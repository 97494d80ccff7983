package dev.parley.connector.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }
}
