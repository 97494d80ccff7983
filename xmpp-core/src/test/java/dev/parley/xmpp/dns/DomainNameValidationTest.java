package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.ResolutionOutcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.dns.S2sResolutionException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that cannot exist in DNS are refused before any query is sent. */
class DomainNameValidationTest {

    private UnansweringDnsServer silent;
    private DnsClient dns;

    @BeforeEach
    void listen() throws Exception {
        silent = new UnansweringDnsServer();
        dns = new DnsClient(silent.resolverConfig(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        silent.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "exa mple.test", "-leading.test", "trailing-.test", "under_score.test",
            "a..b.test", "a@b.test", "label-of-sixty-four-characters-is-one-too-many-for-dns-0123456789.test"})
    void rejectsAnInvalidDomainWithoutQuerying(String domain) throws Exception {
        S2sResolutionException failure = failureOf(new DnsS2sTargetResolver(dns).targets(domain));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure).hasMessageContaining("is not a valid domain name");
        assertThat(silent.receivedAnything()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exa mple.test", "a..b.test", "under_score.test"})
    void rejectsAnInvalidHostWithoutQuerying(String host) throws Exception {
        S2sResolutionException failure = failureOf(new DnsHostResolver(dns).addresses(host));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure).hasMessageContaining("'" + host + "' is not a valid domain name");
        assertThat(silent.receivedAnything()).isFalse();
    }
}
