package dev.parley.domain.model.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.user.UserName;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subscription states of RFC 6121 §3 as the user's choices and the contact's stanzas move them. */
class RosterItemTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private static RosterItem item() {
        return new RosterItem(UserName.of("alice"), "tina@prosody.test", NOW);
    }

    @Test
    void theUsersRequestWaitsUntilTheContactApproves() {
        RosterItem item = item();

        assertThat(item.subscribe(NOW)).isTrue();
        assertThat(item.snapshot()).isEqualTo(new RosterSnapshot("tina@prosody.test", Optional.empty(),
                Subscription.NONE, true, false));
        assertThat(item.listed()).isTrue();

        assertThat(item.subscribedReceived(NOW)).isEqualTo(SubscriptionEvent.CHANGED);
        assertThat(item.subscription()).isEqualTo(Subscription.TO);
        assertThat(item.pendingOut()).isFalse();
        assertThat(item.subscribedReceived(NOW)).as("a second answer to nothing asked").isEqualTo(SubscriptionEvent.IGNORED);
        assertThat(item.subscribe(NOW)).as("nothing to ask once subscribed").isFalse();
    }

    @Test
    void theContactsRequestWaitsForTheUserAndIsAskedOnce() {
        RosterItem item = item();

        assertThat(item.subscribeReceived(NOW)).isEqualTo(SubscriptionEvent.APPROVAL_PENDING);
        assertThat(item.listed()).as("a request alone is not a contact yet").isFalse();
        assertThat(item.subscribeReceived(NOW)).isEqualTo(SubscriptionEvent.IGNORED);

        assertThat(item.approve(NOW)).isTrue();
        assertThat(item.subscription()).isEqualTo(Subscription.FROM);
        assertThat(item.listed()).isTrue();
        assertThat(item.subscribeReceived(NOW)).as("asked again once approved: answered at once")
                .isEqualTo(SubscriptionEvent.APPROVED_ALREADY);
        assertThat(item.approve(NOW)).as("nothing to approve").isFalse();
    }

    @Test
    void bothWaysMakesBothAndEachSideCanEndItsHalf() {
        RosterItem item = item();
        item.subscribe(NOW);
        item.subscribeReceived(NOW);
        item.approve(NOW);
        item.subscribedReceived(NOW);
        assertThat(item.subscription()).isEqualTo(Subscription.BOTH);

        assertThat(item.unsubscribeReceived(NOW)).isEqualTo(SubscriptionEvent.CHANGED);
        assertThat(item.subscription()).isEqualTo(Subscription.TO);
        assertThat(item.unsubscribedReceived(NOW)).isEqualTo(SubscriptionEvent.CHANGED);
        assertThat(item.subscription()).isEqualTo(Subscription.NONE);
        assertThat(item.unsubscribedReceived(NOW)).isEqualTo(SubscriptionEvent.IGNORED);
        assertThat(item.empty()).as("still listed: the user added the contact").isFalse();
    }

    @Test
    void theUserRefusesAndUnsubscribes() {
        RosterItem item = item();
        item.subscribeReceived(NOW);

        assertThat(item.refuse(NOW)).isTrue();
        assertThat(item.empty()).as("a refused stranger leaves nothing").isTrue();
        assertThat(item.refuse(NOW)).isFalse();

        item.subscribe(NOW);
        assertThat(item.unsubscribe(NOW)).as("withdraws the request").isTrue();
        assertThat(item.pendingOut()).isFalse();
        assertThat(item.unsubscribe(NOW)).isFalse();
    }
}
