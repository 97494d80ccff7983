package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.ResolutionOutcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.dns.S2sResolutionException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DNS servers that do not answer, or answer with a refusal. */
class DnsFailureTest {

    @Test
    void reportsTimeoutWithinTheConfiguredTimeWhenNoServerAnswers() throws Exception {
        Duration timeout = Duration.ofMillis(700);
        try (UnansweringDnsServer silent = new UnansweringDnsServer()) {
            DnsS2sTargetResolver resolver = new DnsS2sTargetResolver(new DnsClient(silent.resolverConfig(timeout)));
            long start = System.nanoTime();

            S2sResolutionException failure = failureOf(resolver.targets("silent.test"));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(failure).hasMessageContaining("silent.test");
            assertThat(took).isLessThan(timeout.plusMillis(300));
            assertThat(silent.receivedAnything()).isTrue();
        }
    }

    @Test
    void reportsServerFailureWhenTheServerRefusesTheQuery() throws Exception {
        // dnsmasq has no upstream servers and refuses names outside its local .test domain.
        try (TestDnsServer dns = TestDnsServer.builder().start()) {
            DnsS2sTargetResolver resolver =
                    new DnsS2sTargetResolver(new DnsClient(dns.resolverConfig(Duration.ofSeconds(3))));

            S2sResolutionException failure = failureOf(resolver.targets("elsewhere.example"));

            assertThat(failure.reason()).isEqualTo(Reason.SERVER_FAILURE);
            assertThat(failure).hasMessageContaining("elsewhere.example").hasMessageContaining("REFUSED");
        }
    }
}
