package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.ResolutionOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Administrator overrides win over DNS for their domains and leave every other domain to DNS. */
class OverridingS2sTargetResolverTest {

    private static TestDnsServer dns;
    private static DnsS2sTargetResolver dnsResolver;

    @BeforeAll
    static void startDns() throws Exception {
        dns = TestDnsServer.builder()
                .srv("_xmpp-server._tcp.partner.test", "dns.partner.test", 5269, 10, 0)
                .srv("_xmpp-server._tcp.other.test", "dns.other.test", 5269, 10, 0)
                .start();
        dnsResolver = new DnsS2sTargetResolver(new DnsClient(dns.resolverConfig(Duration.ofSeconds(3))));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @Test
    void usesTheOverrideInsteadOfDns() throws Exception {
        OverridingS2sTargetResolver resolver = new OverridingS2sTargetResolver(
                List.of(S2sOverride.parse("partner.test", List.of("gateway.partner.test:5270", "[::1]:5269"), false)),
                dnsResolver);

        assertThat(resultOf(resolver.targets("partner.test"))).containsExactly(
                new S2sTarget("gateway.partner.test", 5270, false), new S2sTarget("::1", 5269, false));
    }

    @Test
    void matchesTheOverrideDomainCaseInsensitively() throws Exception {
        OverridingS2sTargetResolver resolver = new OverridingS2sTargetResolver(
                List.of(S2sOverride.parse("Partner.TEST", List.of("192.0.2.9"), true)), dnsResolver);

        assertThat(resultOf(resolver.targets("PARTNER.test"))).containsExactly(new S2sTarget("192.0.2.9", 5269, true));
    }

    @Test
    void saysThatAnOverrideRatherThanDnsNamesTheTargets() throws Exception {
        OverridingS2sTargetResolver resolver = new OverridingS2sTargetResolver(
                List.of(S2sOverride.parse("partner.test", List.of("gateway.partner.test"), false)), dnsResolver);

        S2sDiscovery overridden = resultOf(resolver.discover("partner.test"));
        S2sDiscovery looked = resultOf(resolver.discover("other.test"));

        assertThat(overridden.source()).isEqualTo(S2sDiscovery.Source.OVERRIDE);
        assertThat(overridden.srvLookups()).isEmpty();
        assertThat(overridden.targets()).containsExactly(new S2sTarget("gateway.partner.test", 5269, false));
        assertThat(looked.source()).isEqualTo(S2sDiscovery.Source.SRV);
    }

    @Test
    void leavesDomainsWithoutOverrideToDns() throws Exception {
        OverridingS2sTargetResolver resolver = new OverridingS2sTargetResolver(
                List.of(S2sOverride.parse("partner.test", List.of("gateway.partner.test"), false)), dnsResolver);

        assertThat(resultOf(resolver.targets("other.test"))).containsExactly(new S2sTarget("dns.other.test", 5269, false));
    }

    @Test
    void parsesHostNamesAndIpLiteralsWithAndWithoutPort() {
        S2sOverride override = S2sOverride.parse("bücher.test",
                List.of("XMPP.Example.org:5270", "xmpp.example.org", "192.0.2.1:5271", "[2001:db8::1]", "2001:db8::2"),
                false);

        assertThat(override.domain()).isEqualTo("xn--bcher-kva.test");
        assertThat(override.targets()).containsExactly(new S2sTarget("xmpp.example.org", 5270, false),
                new S2sTarget("xmpp.example.org", 5269, false), new S2sTarget("192.0.2.1", 5271, false),
                new S2sTarget("2001:db8::1", 5269, false), new S2sTarget("2001:db8::2", 5269, false));
    }

    @Test
    void rejectsMalformedTargetsNamingWhatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> parseTarget("xmpp.example.org:http"))
                .withMessageContaining("'xmpp.example.org:http'").withMessageContaining("not a number");
        assertThatIllegalArgumentException().isThrownBy(() -> parseTarget("xmpp.example.org:70000"))
                .withMessageContaining("not within 1..65535");
        assertThatIllegalArgumentException().isThrownBy(() -> parseTarget("[::1:5269"))
                .withMessageContaining("lacks the ']'");
        assertThatIllegalArgumentException().isThrownBy(() -> parseTarget("bad host:5269"))
                .withMessageContaining("'bad host:5269'").withMessageContaining("not a valid domain name");
        assertThatIllegalArgumentException().isThrownBy(() -> parseTarget(":5269"))
                .withMessageContaining("names no host");
    }

    @Test
    void rejectsAnOverrideWithoutTargets() {
        assertThatIllegalArgumentException().isThrownBy(() -> S2sOverride.parse("partner.test", List.of(), false))
                .withMessageContaining("partner.test").withMessageContaining("no target");
    }

    @Test
    void rejectsTwoOverridesForTheSameDomain() {
        List<S2sOverride> overrides = List.of(S2sOverride.parse("partner.test", List.of("a.partner.test"), false),
                S2sOverride.parse("PARTNER.test", List.of("b.partner.test"), false));

        assertThatIllegalArgumentException().isThrownBy(() -> new OverridingS2sTargetResolver(overrides, dnsResolver))
                .withMessageContaining("partner.test");
    }

    private static S2sOverride parseTarget(String target) {
        return S2sOverride.parse("partner.test", List.of(target), false);
    }
}
