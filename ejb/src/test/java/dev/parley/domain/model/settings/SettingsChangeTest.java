package dev.parley.domain.model.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.api.Test;

class SettingsChangeTest {

    private static SettingsChange direct(int port, String bindAddress) {
        return new SettingsChange(true, FederationMode.DIRECT, port, bindAddress, null, 5275, null, TlsPolicy.OPTIONAL,
                AuthorizationLevel.PERSONAL, 3600, false, null);
    }

    @Test
    void acceptsCompleteDirectSettings() {
        assertThat(direct(5269, "127.0.0.1").problems(false)).isEmpty();
        assertThat(direct(65535, "::").problems(false)).isEmpty();
    }

    @Test
    void refusesPortsOutOfRangeNamingTheValue() {
        assertThat(direct(0, "127.0.0.1").problems(false)).containsExactly("s2sPort must be between 1 and 65535, not 0");
        assertThat(direct(70000, "127.0.0.1").problems(false))
                .containsExactly("s2sPort must be between 1 and 65535, not 70000");
    }

    @Test
    void refusesBindAddressThatIsNoIpAddress() {
        assertThat(direct(5269, "xmpp.example.com").problems(false))
                .containsExactly("s2sBindAddress: 'xmpp.example.com' is not an IP address");
    }

    @Test
    void listsEveryMissingField() {
        SettingsChange empty = new SettingsChange(null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(empty.problems(false)).hasSize(8)
                .anySatisfy(p -> assertThat(p).startsWith("enabled is required"))
                .anySatisfy(p -> assertThat(p).startsWith("mode is required"))
                .anySatisfy(p -> assertThat(p).startsWith("tlsPolicy is required"))
                .anySatisfy(p -> assertThat(p).startsWith("s2sPort is required"))
                .anySatisfy(p -> assertThat(p).startsWith("proxyPort is required"))
                .anySatisfy(p -> assertThat(p).startsWith("s2sBindAddress is required"))
                .anySatisfy(p -> assertThat(p).startsWith("maxLevel is required"))
                .anySatisfy(p -> assertThat(p).startsWith("outboundRetryWindow is required"));
    }

    @Test
    void proxyModeNeedsHostAndPassword() {
        SettingsChange proxy = new SettingsChange(true, FederationMode.PROXY, 5269, "127.0.0.1", null, 5275, null,
                TlsPolicy.REQUIRED_VALID_CERT, AuthorizationLevel.PERSONAL, 3600, false, null);

        assertThat(proxy.problems(false)).containsExactly(
                "proxyHost is required in PROXY mode", "proxyPassword is required in PROXY mode");
    }

    @Test
    void proxyModeKeepsAStoredPasswordWhenNoneIsGiven() {
        SettingsChange proxy = new SettingsChange(true, FederationMode.PROXY, 5269, "127.0.0.1", "dmz-proxy.corp.example",
                5275, null, TlsPolicy.OPTIONAL, AuthorizationLevel.PERSONAL, 3600, false, null);

        assertThat(proxy.problems(true)).isEmpty();
    }

    @Test
    void clearingThePasswordInProxyModeIsRefused() {
        SettingsChange proxy = new SettingsChange(true, FederationMode.PROXY, 5269, "127.0.0.1", "10.0.0.7", 5275, "",
                TlsPolicy.OPTIONAL, AuthorizationLevel.PERSONAL, 3600, false, null);

        assertThat(proxy.problems(true)).containsExactly("proxyPassword is required in PROXY mode");
    }

    @Test
    void refusesProxyHostThatIsNoHostName() {
        SettingsChange proxy = new SettingsChange(false, FederationMode.DIRECT, 5269, "127.0.0.1", "not a host!", 5275,
                null, TlsPolicy.NONE, AuthorizationLevel.PERSONAL, 3600, false, null);

        assertThat(proxy.problems(false)).containsExactly("proxyHost 'not a host!' is neither a host name nor an IP address");
    }

    @Test
    void everyLevelMayBeTheGlobalMaximum() {
        for (AuthorizationLevel max : AuthorizationLevel.values()) {
            assertThat(new SettingsChange(true, FederationMode.DIRECT, 5269, "127.0.0.1", null, 5275, null,
                    TlsPolicy.OPTIONAL, max, 3600, false, null).problems(false)).isEmpty();
        }
    }

    @Test
    void outboundRetryWindowIsAtMostAWeek() {
        assertThat(withRetryWindow(0).problems(false)).isEmpty();
        assertThat(withRetryWindow(604_800).problems(false)).isEmpty();
        assertThat(withRetryWindow(604_801).problems(false))
                .containsExactly("outboundRetryWindow must be between 0 and 604800 seconds, not 604801");
        assertThat(withRetryWindow(-1).problems(false))
                .containsExactly("outboundRetryWindow must be between 0 and 604800 seconds, not -1");
    }

    private static SettingsChange withRetryWindow(int seconds) {
        return new SettingsChange(true, FederationMode.DIRECT, 5269, "127.0.0.1", null, 5275, null, TlsPolicy.OPTIONAL,
                AuthorizationLevel.PUBLIC, seconds, false, null);
    }

    @Test
    void namesTheSettingEachProblemIsAbout() {
        SettingsChange change = new SettingsChange(true, FederationMode.PROXY, 70000, "not-an-address", null, 5275, "",
                TlsPolicy.OPTIONAL, AuthorizationLevel.PERSONAL, -1, false, null);

        assertThat(change.settingsProblems(false)).extracting(p -> p.field().orElseThrow()).containsExactlyInAnyOrder(
                SettingsField.OUTBOUND_RETRY_WINDOW, SettingsField.S2S_PORT, SettingsField.S2S_BIND_ADDRESS,
                SettingsField.PROXY_HOST, SettingsField.PROXY_PASSWORD);
    }
}
