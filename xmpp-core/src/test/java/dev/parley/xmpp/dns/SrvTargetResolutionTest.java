package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.ResolutionOutcomes.failureOf;
import static dev.parley.xmpp.dns.ResolutionOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SRV records of both S2S services, served by a real dnsmasq. */
class SrvTargetResolutionTest {

    private static final int DRAWS = 300;

    private static TestDnsServer dns;
    private static DnsS2sTargetResolver resolver;

    @BeforeAll
    static void startDns() throws Exception {
        dns = TestDnsServer.builder()
                .srv("_xmpp-server._tcp.prio.test", "late.prio.test", 5270, 20, 0)
                .srv("_xmpp-server._tcp.prio.test", "early.prio.test", 5271, 10, 0)
                .srv("_xmpp-server._tcp.weight.test", "heavy.weight.test", 5269, 10, 80)
                .srv("_xmpp-server._tcp.weight.test", "light.weight.test", 5269, 10, 20)
                .srv("_xmpps-server._tcp.mixed.test", "tls.mixed.test", 5223, 20, 0)
                .srv("_xmpp-server._tcp.mixed.test", "starttls.mixed.test", 5269, 10, 0)
                .srv("_xmpps-server._tcp.tlsheavy.test", "tls.tlsheavy.test", 5223, 10, 90)
                .srv("_xmpp-server._tcp.tlsheavy.test", "starttls.tlsheavy.test", 5269, 10, 10)
                .srv("_xmpps-server._tcp.starttlsheavy.test", "tls.starttlsheavy.test", 5223, 10, 10)
                .srv("_xmpp-server._tcp.starttlsheavy.test", "starttls.starttlsheavy.test", 5269, 10, 90)
                .srvNotAvailable("_xmpps-server._tcp.nodirect.test")
                .srv("_xmpp-server._tcp.nodirect.test", "xmpp.nodirect.test", 5269, 10, 0)
                .host("nodirect.test", "127.0.0.31")
                .srvNotAvailable("_xmpp-server._tcp.declined.test")
                .host("declined.test", "127.0.0.32")
                .srv("_xmpp-server._tcp.xn--bcher-kva.test", "xmpp.xn--bcher-kva.test", 5269, 10, 0)
                .start();
        resolver = new DnsS2sTargetResolver(new DnsClient(dns.resolverConfig(Duration.ofSeconds(3))));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @Test
    void ordersTargetsByPriorityLowestFirst() throws Exception {
        assertThat(resultOf(resolver.targets("prio.test"))).containsExactly(
                new S2sTarget("early.prio.test", 5271, false), new S2sTarget("late.prio.test", 5270, false));
    }

    @Test
    void putsTargetsOfEqualPriorityFirstInProportionToTheirWeight() throws Exception {
        assertThat(shareFirst("weight.test", "heavy.weight.test")).isBetween(0.70, 0.90);
    }

    @Test
    void mixesDirectTlsAndStartTlsTargetsByPriority() throws Exception {
        assertThat(resultOf(resolver.targets("mixed.test"))).containsExactly(
                new S2sTarget("starttls.mixed.test", 5269, false), new S2sTarget("tls.mixed.test", 5223, true));
    }

    @Test
    void letsWeightsDecideBetweenDirectTlsAndStartTlsOfEqualPriority() throws Exception {
        assertThat(shareFirst("tlsheavy.test", "tls.tlsheavy.test")).isBetween(0.80, 0.97);
        assertThat(shareFirst("starttlsheavy.test", "starttls.starttlsheavy.test")).isBetween(0.80, 0.97);
    }

    @Test
    void usesStartTlsTargetsWithoutAddressFallbackWhenDirectTlsIsDeclined() throws Exception {
        assertThat(resultOf(resolver.targets("nodirect.test")))
                .containsExactly(new S2sTarget("xmpp.nodirect.test", 5269, false));
    }

    @Test
    void reportsNotFoundWhenTheDomainDeclaresTheServiceNotAvailable() throws Exception {
        S2sResolutionException failure = failureOf(resolver.targets("declined.test"));

        assertThat(failure.reason()).isEqualTo(S2sResolutionException.Reason.NOT_FOUND);
        assertThat(failure).hasMessageContaining("declined.test").hasMessageContaining("not available");
    }

    @Test
    void discoveryShowsWhatEachServiceLookupFoundAsDnsGaveIt() throws Exception {
        S2sDiscovery discovery = resultOf(resolver.discover("nodirect.test"));

        assertThat(discovery.source()).isEqualTo(S2sDiscovery.Source.SRV);
        assertThat(discovery.srvLookups()).containsExactly(
                new SrvLookup("_xmpps-server._tcp.nodirect.test", true, List.of(), true, Optional.empty()),
                new SrvLookup("_xmpp-server._tcp.nodirect.test", false, List.of(new SrvCandidate(
                        new S2sTarget("xmpp.nodirect.test", 5269, false), 10, 0)), false, Optional.empty()));
        assertThat(discovery.targets()).containsExactly(new S2sTarget("xmpp.nodirect.test", 5269, false));
        assertThat(discovery.failure()).isEmpty();
    }

    @Test
    void discoveryOfADeclinedServiceKeepsItsLookupsAndSaysWhyThereIsNoTarget() throws Exception {
        S2sDiscovery discovery = resultOf(resolver.discover("declined.test"));

        assertThat(discovery.srvLookups()).extracting(SrvLookup::declined).containsExactly(false, true);
        assertThat(discovery.targets()).isEmpty();
        assertThat(discovery.failure()).hasValueSatisfying(failure ->
                assertThat(failure).hasMessageContaining("declares it not available"));
    }

    @Test
    void looksUpInternationalizedDomainsInTheirAsciiForm() throws Exception {
        assertThat(resultOf(resolver.targets("Bücher.test")))
                .containsExactly(new S2sTarget("xmpp.xn--bcher-kva.test", 5269, false));
    }

    @Test
    void matchesDomainsCaseInsensitively() throws Exception {
        assertThat(resultOf(resolver.targets("MIXED.Test."))).hasSize(2);
    }

    private static double shareFirst(String domain, String host) throws Exception {
        int first = 0;
        for (int i = 0; i < DRAWS; i++) {
            List<S2sTarget> targets = resultOf(resolver.targets(domain));
            assertThat(targets).hasSize(2);
            if (targets.get(0).host().equals(host)) {
                first++;
            }
        }
        return (double) first / DRAWS;
    }
}
