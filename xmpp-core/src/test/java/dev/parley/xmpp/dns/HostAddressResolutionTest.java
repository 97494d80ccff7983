package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.ResolutionOutcomes.failureOf;
import static dev.parley.xmpp.dns.ResolutionOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.dns.S2sResolutionException.Reason;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host names to addresses, AAAA and A interleaved IPv6 first (RFC 8305 §4). */
class HostAddressResolutionTest {

    private static TestDnsServer dns;
    private static DnsHostResolver resolver;

    @BeforeAll
    static void startDns() throws Exception {
        dns = TestDnsServer.builder()
                .host("dual.test", "fd00::51", "fd00::52", "127.0.0.51", "127.0.0.52", "127.0.0.53")
                .host("v4only.test", "127.0.0.54")
                .nameWithoutAddresses("noaddress.test")
                .start();
        resolver = new DnsHostResolver(new DnsClient(dns.resolverConfig(Duration.ofSeconds(3))));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @Test
    void interleavesIpv6AndIpv4AddressesIpv6First() throws Exception {
        List<InetAddress> addresses = resultOf(resolver.addresses("dual.test"));

        assertThat(addresses).extracting(address -> address instanceof Inet6Address ? "6" : "4")
                .containsExactly("6", "4", "6", "4", "4");
        assertThat(addresses).containsExactlyInAnyOrder(InetAddress.getByName("fd00::51"),
                InetAddress.getByName("fd00::52"), InetAddress.getByName("127.0.0.51"),
                InetAddress.getByName("127.0.0.52"), InetAddress.getByName("127.0.0.53"));
    }

    @Test
    void returnsTheAddressesOfTheOnlyFamilyAHostHas() throws Exception {
        assertThat(resultOf(resolver.addresses("v4only.test"))).singleElement()
                .isInstanceOf(Inet4Address.class)
                .isEqualTo(InetAddress.getByName("127.0.0.54"));
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.7, 192.0.2.7", "2001:db8::7, 2001:db8::7", "'[2001:db8::7]', 2001:db8::7"})
    void returnsAnIpLiteralItselfWithoutALookup(String host, String expected) throws Exception {
        try (UnansweringDnsServer silent = new UnansweringDnsServer()) {
            DnsHostResolver literalOnly = new DnsHostResolver(new DnsClient(silent.resolverConfig(Duration.ofSeconds(2))));

            assertThat(literalOnly.addresses(host)).isCompletedWithValue(List.of(InetAddress.getByName(expected)));
            assertThat(silent.receivedAnything()).isFalse();
        }
    }

    @Test
    void reportsNotFoundForAHostThatDoesNotExist() throws Exception {
        S2sResolutionException failure = failureOf(resolver.addresses("missing.test"));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure).hasMessage("missing.test does not exist (NXDOMAIN)");
    }

    @Test
    void reportsNotFoundForAHostWithoutAddresses() throws Exception {
        S2sResolutionException failure = failureOf(resolver.addresses("noaddress.test"));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure).hasMessage("noaddress.test has no A or AAAA records");
    }
}
