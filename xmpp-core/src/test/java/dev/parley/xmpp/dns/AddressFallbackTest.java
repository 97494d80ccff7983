package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.ResolutionOutcomes.failureOf;
import static dev.parley.xmpp.dns.ResolutionOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.dns.S2sResolutionException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Domains without SRV records: the domain itself on port 5269 (RFC 6120 §3.2.2), if it has an address. */
class AddressFallbackTest {

    private static TestDnsServer dns;
    private static DnsS2sTargetResolver resolver;

    @BeforeAll
    static void startDns() throws Exception {
        dns = TestDnsServer.builder()
                .host("v4only.test", "127.0.0.41")
                .host("v6only.test", "fd00::41")
                .nameWithoutAddresses("noaddress.test")
                .start();
        resolver = new DnsS2sTargetResolver(new DnsClient(dns.resolverConfig(Duration.ofSeconds(3))));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @Test
    void fallsBackToTheDomainOnPort5269WhenItHasAnIpv4Address() throws Exception {
        assertThat(resultOf(resolver.targets("v4only.test"))).containsExactly(new S2sTarget("v4only.test", 5269, false));
    }

    @Test
    void fallsBackToTheDomainOnPort5269WhenItHasAnIpv6Address() throws Exception {
        assertThat(resultOf(resolver.targets("v6only.test"))).containsExactly(new S2sTarget("v6only.test", 5269, false));
    }

    @Test
    void reportsNotFoundWhenTheDomainHasNeitherSrvNorAddressRecords() throws Exception {
        S2sResolutionException failure = failureOf(resolver.targets("noaddress.test"));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure).hasMessageStartingWith("no SRV, A or AAAA records for noaddress.test");
    }

    @Test
    void reportsNotFoundForADomainThatDoesNotExist() throws Exception {
        S2sResolutionException failure = failureOf(resolver.targets("missing.test"));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure).hasMessageContaining("missing.test").hasMessageContaining("NXDOMAIN");
    }
}
