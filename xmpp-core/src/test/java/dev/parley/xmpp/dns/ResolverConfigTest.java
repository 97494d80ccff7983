package dev.parley.xmpp.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which DNS servers are asked: the configured ones only, or the system's when none are configured. */
class ResolverConfigTest {

    @Test
    void parsesServersWithAndWithoutPort() throws Exception {
        ResolverConfig config = ResolverConfig.parse(
                List.of("192.0.2.53", "192.0.2.54:5353", "[2001:db8::53]:5300", "2001:db8::54"), Duration.ofSeconds(2), 1);

        assertThat(config.servers()).containsExactly(
                new InetSocketAddress(InetAddress.getByName("192.0.2.53"), 53),
                new InetSocketAddress(InetAddress.getByName("192.0.2.54"), 5353),
                new InetSocketAddress(InetAddress.getByName("2001:db8::53"), 5300),
                new InetSocketAddress(InetAddress.getByName("2001:db8::54"), 53));
        assertThat(config.usesSystemServers()).isFalse();
    }

    @Test
    void rejectsHostNamesAsServers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResolverConfig.parse(List.of("dns.example.org:53"), Duration.ofSeconds(2), 1))
                .withMessageContaining("'dns.example.org:53'").withMessageContaining("must be an IP address");
    }

    @Test
    void rejectsANonPositiveTimeoutAndNegativeRetries() {
        assertThatIllegalArgumentException().isThrownBy(() -> ResolverConfig.parse(List.of("192.0.2.53"), Duration.ZERO, 1))
                .withMessageContaining("timeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResolverConfig.parse(List.of("192.0.2.53"), Duration.ofSeconds(1), -1))
                .withMessageContaining("retries");
    }

    @Test
    void usesTheSystemServersOnlyWhenNoneAreConfigured() {
        assertThat(ResolverConfig.systemDefault().usesSystemServers()).isTrue();
        assertThat(ResolverConfig.systemDefault().timeout()).isEqualTo(ResolverConfig.DEFAULT_TIMEOUT);
    }
}
