package dev.parley.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyOptionsTest {

    @Test
    void runsWithTheConfigurationFileNamed() {
        ProxyOptions options = ProxyOptions.parse(List.of("--config", "/etc/parley-xmpp-proxy/proxy.properties"));

        assertThat(options.config()).contains(Path.of("/etc/parley-xmpp-proxy/proxy.properties"));
        assertThat(options.check()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.version()).isFalse();
    }

    @Test
    void checksTheConfigurationFileWithCheck() {
        assertThat(ProxyOptions.parse(List.of("--check", "--config", "proxy.properties")).check()).isTrue();
    }

    @Test
    void helpAndVersionNeedNoConfigurationFile() {
        assertThat(ProxyOptions.parse(List.of("--help")).help()).isTrue();
        assertThat(ProxyOptions.parse(List.of("-h")).help()).isTrue();
        assertThat(ProxyOptions.parse(List.of("--version")).version()).isTrue();
    }

    @Test
    void usageNamesEveryOption() {
        assertThat(ProxyOptions.USAGE).startsWith("Usage: java -jar parley-xmpp-proxy.jar --config FILE [--check]")
                .contains("--config FILE").contains("--check").contains("--version").contains("--help");
    }

    @Test
    void refusesToRunOrCheckWithoutAConfigurationFile() {
        assertThatThrownBy(() -> ProxyOptions.parse(List.of()))
                .hasMessage("--config FILE is required (see --help)");
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--check")))
                .hasMessage("--config FILE is required (see --help)");
    }

    @Test
    void refusesAConfigOptionWithoutFileOrGivenTwice() {
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--config")))
                .hasMessage("--config needs a value (see --help)");
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--config", " ")))
                .hasMessage("--config needs a file name, not an empty one");
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--config", "a.properties", "--config", "b.properties")))
                .hasMessage("--config is given twice (see --help)");
    }

    @Test
    void refusesUnknownOptionsIncludingTheOldOnes() {
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--colour")))
                .hasMessage("Unknown option '--colour' (see --help)");
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--domain", "example.com")))
                .hasMessage("Unknown option '--domain' (see --help)");
    }
}
