package dev.parley.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyOptionsTest {

    @Test
    void helpPrintsUsageAndSucceeds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ProxyMain.run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar parley-xmpp-proxy.jar")
                .contains("--domain NAME").contains("--s2s-port PORT");
        assertThat(err.size()).isZero();
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ProxyMain.run(List.of("--colour"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ProxyMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option '--colour'");
    }

    @Test
    void parsesListenerOptions() {
        ProxyOptions options = ProxyOptions.parse(List.of("--domain", "dmz.example", "--s2s-bind", "127.0.0.7", "--s2s-port", "15269"));

        assertThat(options.domain()).isEqualTo("dmz.example");
        assertThat(options.s2sBindAddress().getHostAddress()).isEqualTo("127.0.0.7");
        assertThat(options.s2sPort()).isEqualTo(15269);
    }

    @Test
    void refusesBadPortAndMissingDomain() {
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--domain", "d", "--s2s-port", "0")))
                .hasMessage("--s2s-port must be a number from 1 to 65535, not '0'");
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--s2s-port", "5269")))
                .hasMessage("--domain is required (see --help)");
        assertThatThrownBy(() -> ProxyOptions.parse(List.of("--domain")))
                .hasMessage("--domain needs a value (see --help)");
    }
}
