package dev.parley.it;

import static dev.parley.it.ParleyMetrics.sample;
import static dev.parley.it.ParleyMetrics.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Parley's meters in Prometheus' format at the management interface's /metrics, as a scraper reads them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    @AfterEach
    void federationOff() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
    }

    @Test
    void showsWhetherTheEngineRunsAndItsSessions() throws Exception {
        ParleyAdmin.settings(Federation.on());
        String running = scrape();
        assertThat(sample(running, "parley_s2s_engine_running", "")).contains(1.0);
        assertThat(sample(running, "parley_s2s_sessions", "direction=\"inbound\"")).isPresent();
        assertThat(sample(running, "parley_s2s_sessions", "direction=\"outbound\"")).isPresent();
        for (String queue : new String[] {"ParleyToFederation", "ParleyFromFederation", "ParleyDeadLetter"}) {
            assertThat(sample(running, "messaging_activemq_message_count", "name=\"" + queue + "\",")).as(queue)
                    .isPresent();
        }

        ParleyAdmin.settings(Federation.on().off());
        assertThat(sample(scrape(), "parley_s2s_engine_running", "")).contains(0.0);
    }

    @Test
    void countsAStanzaBouncedAtTheRemoteDomainPolicy() throws Exception {
        ParleyAdmin.settings(Federation.on());
        String labels = "condition=\"not-allowed\",outcome=\"bounced\"";
        double before = sample(scrape(), "parley_stanzas_sent_total", labels).orElse(0.0);

        // No authorization covers this domain: the engine refuses the stanza at once, and it goes back to its sender.
        try (ParleyJms jms = ParleyJms.connect()) {
            jms.sendChat(ItEnvironment.localUser("mia"), "someone@unauthorized-" + System.nanoTime() + ".test",
                    "counted, not sent");
        }

        long deadline = System.nanoTime() + 30_000_000_000L;
        double after = before;
        while (after <= before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = sample(scrape(), "parley_stanzas_sent_total", labels).orElse(0.0);
        }
        assertThat(after).isEqualTo(before + 1);
    }
}
