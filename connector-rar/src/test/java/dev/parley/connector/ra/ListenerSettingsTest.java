package dev.parley.connector.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ListenerSettingsTest {

    @Test
    void usesAdapterConfigurationWithoutOverrides() {
        ListenerSettings settings = ListenerSettings.resolve("127.0.0.1", 5269, "parley.example", new Properties());

        assertThat(settings.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(5269);
        assertThat(settings.xmppDomain()).isEqualTo("parley.example");
    }

    @Test
    void systemPropertiesOverrideAdapterConfiguration() {
        Properties overrides = new Properties();
        overrides.setProperty("parley.s2s.bind-address", "127.0.0.9");
        overrides.setProperty("parley.s2s.port", "15269");
        overrides.setProperty("parley.xmpp.domain", "other.example");

        ListenerSettings settings = ListenerSettings.resolve("127.0.0.1", 5269, "parley.example", overrides);

        assertThat(settings.bindAddress().getHostAddress()).isEqualTo("127.0.0.9");
        assertThat(settings.port()).isEqualTo(15269);
        assertThat(settings.xmppDomain()).isEqualTo("other.example");
    }

    @Test
    void refusesPortOutOfRange() {
        Properties overrides = new Properties();
        overrides.setProperty("parley.s2s.port", "70000");

        assertThatThrownBy(() -> ListenerSettings.resolve("127.0.0.1", 5269, "parley.example", overrides))
                .hasMessage("S2S port must be between 1 and 65535, not 70000");
    }

    @Test
    void refusesHostNameAsBindAddress() {
        assertThatThrownBy(() -> ListenerSettings.resolve("localhost", 5269, "parley.example", new Properties()))
                .hasMessageContaining("S2S bind address")
                .hasMessageContaining("'localhost' is not an IP address");
    }
}
