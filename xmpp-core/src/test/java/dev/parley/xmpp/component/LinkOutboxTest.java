package dev.parley.xmpp.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.s2s.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkOutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final List<Delivery> fates = new ArrayList<>();

    @Test
    void stanzasAreWrittenInOrderOncePerLinkAndAgainOnTheNext() {
        LinkOutbox outbox = new LinkOutbox(10, 1_000);
        add(outbox, "<a/>");
        add(outbox, "<b/>");

        assertThat(outbox.toWrite(1)).extracting(entry -> entry.xml).containsExactly("<a/>", "<b/>");
        add(outbox, "<c/>");
        assertThat(outbox.toWrite(1)).extracting(entry -> entry.xml).containsExactly("<c/>");
        assertThat(outbox.acknowledged(2, new Delivery.Written())).isTrue();
        assertThat(fates).containsExactly(new Delivery.Written());

        assertThat(outbox.toWrite(2)).extracting(entry -> entry.number).containsExactly(1L, 3L);
    }

    @Test
    void anAcknowledgementInOrderTakesEverythingUpToItsNumber() {
        LinkOutbox outbox = new LinkOutbox(10, 1_000);
        add(outbox, "<a/>");
        add(outbox, "<b/>");
        add(outbox, "<c/>");

        assertThat(outbox.acknowledgedUpTo(2)).extracting(entry -> entry.number).containsExactly(1L, 2L);
        assertThat(outbox.acknowledgedUpTo(2)).isEmpty();
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void aFullOutboxTakesNothingMoreByCountOrBySize() {
        LinkOutbox byCount = new LinkOutbox(2, 1_000);
        assertThat(add(byCount, "<a/>")).isTrue();
        assertThat(add(byCount, "<b/>")).isTrue();
        assertThat(add(byCount, "<c/>")).isFalse();
        byCount.acknowledged(1, new Delivery.Written());
        assertThat(add(byCount, "<c/>")).isTrue();

        LinkOutbox bySize = new LinkOutbox(10, 10);
        assertThat(add(bySize, "<aaaa/>")).isTrue();
        assertThat(add(bySize, "<bbbb/>")).isFalse();
    }

    @Test
    void onlyWhatWasNeverWrittenExpires() {
        LinkOutbox outbox = new LinkOutbox(10, 1_000);
        add(outbox, "<written/>");
        outbox.toWrite(7);
        add(outbox, "<waiting/>");
        Instant late = NOW.plus(Duration.ofMinutes(2));

        assertThat(outbox.expired(NOW.plusSeconds(59))).isEmpty();
        assertThat(outbox.expired(late)).extracting(entry -> entry.xml).containsExactly("<waiting/>");
        // Written on a link that may be gone by now: it waits for the next, where the other end answers for it.
        assertThat(outbox.size()).isEqualTo(1);
        assertThat(outbox.written()).isEqualTo(1);
        assertThat(outbox.toWrite(8)).extracting(entry -> entry.xml).containsExactly("<written/>");
    }

    private boolean add(LinkOutbox outbox, String xml) {
        return outbox.add(xml, NOW, Duration.ofMinutes(1), fates::add).isPresent();
    }
}
