package dev.parley.domain.model.roster;

import dev.parley.domain.model.user.UserName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One contact in a local user's roster, with the subscription state both ways (RFC 6121 §3): the subscription, whether
 * the user's request to see the contact waits for an answer ("pending out", {@code ask='subscribe'}), and whether the
 * contact's request waits for the user ("pending in"). An item that only holds a contact's unanswered request is not
 * in the user's roster yet ({@link #listed()} false).
 */
@Entity
@Table(name = "roster_item")
public class RosterItem {

    public static final int MAX_NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** The canonical {@link UserName} of the roster's owner. */
    @Column(name = "owner", nullable = false, length = UserName.MAX_LENGTH * 4)
    private String owner;

    /** The contact's canonical bare JID. */
    @Column(name = "contact", nullable = false, length = 3071)
    private String contact;

    @Column(name = "display_name", length = MAX_NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Subscription subscription = Subscription.NONE;

    @Column(name = "pending_out", nullable = false)
    private boolean pendingOut;

    @Column(name = "pending_in", nullable = false)
    private boolean pendingIn;

    @Column(nullable = false)
    private boolean listed;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RosterItem() {
        // for JPA
    }

    /** An item for {@code contact} (a canonical bare JID) that is not in the roster until the user adds it. */
    public RosterItem(UserName owner, String contact, Instant when) {
        this.owner = owner.value();
        this.contact = contact;
        this.updatedAt = when;
    }

    public UserName owner() {
        return UserName.of(owner);
    }

    public String contact() {
        return contact;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Subscription subscription() {
        return subscription;
    }

    public boolean pendingOut() {
        return pendingOut;
    }

    public boolean pendingIn() {
        return pendingIn;
    }

    /** Whether the user added the contact (or approved them): an unanswered request alone is not listed. */
    public boolean listed() {
        return listed;
    }

    /** Whether nothing is left of the item: not listed, no subscription, nothing waiting. */
    public boolean empty() {
        return !listed && subscription == Subscription.NONE && !pendingOut && !pendingIn;
    }

    public RosterSnapshot snapshot() {
        return new RosterSnapshot(contact, name(), subscription, pendingOut, pendingIn);
    }

    /** The user adds the contact to the roster, under {@code newName} (null for none). */
    public void list(String newName, Instant when) {
        listed = true;
        name = newName == null || newName.isBlank() ? null : newName.strip();
        updatedAt = when;
    }

    // --- the user's choices (RFC 6121 §3.1.2, §3.2.1, §3.3.1) ---

    /**
     * The user asks to see the contact's presence.
     *
     * @return whether a subscribe goes out: not when the user sees the contact already
     */
    public boolean subscribe(Instant when) {
        listed = true;
        if (subscription.to()) {
            return false;
        }
        pendingOut = true;
        updatedAt = when;
        return true;
    }

    /**
     * The user lets the contact see their presence.
     *
     * @return whether a subscribed goes out: only to a contact who asked
     */
    public boolean approve(Instant when) {
        if (!pendingIn) {
            return false;
        }
        pendingIn = false;
        listed = true;
        subscription = Subscription.of(subscription.to(), true);
        updatedAt = when;
        return true;
    }

    /**
     * The user refuses the contact's request, or stops letting them see their presence.
     *
     * @return whether an unsubscribed goes out
     */
    public boolean refuse(Instant when) {
        if (!pendingIn && !subscription.from()) {
            return false;
        }
        pendingIn = false;
        subscription = Subscription.of(subscription.to(), false);
        updatedAt = when;
        return true;
    }

    /**
     * The user stops seeing the contact's presence, or withdraws the request to.
     *
     * @return whether an unsubscribe goes out
     */
    public boolean unsubscribe(Instant when) {
        if (!pendingOut && !subscription.to()) {
            return false;
        }
        pendingOut = false;
        subscription = Subscription.of(false, subscription.from());
        updatedAt = when;
        return true;
    }

    // --- what the contact's server sends (RFC 6121 §3.1.3, §3.1.5, §3.2.3, §3.3.3) ---

    public SubscriptionEvent subscribeReceived(Instant when) {
        if (subscription.from()) {
            return SubscriptionEvent.APPROVED_ALREADY;
        }
        if (pendingIn) {
            return SubscriptionEvent.IGNORED;
        }
        pendingIn = true;
        updatedAt = when;
        return SubscriptionEvent.APPROVAL_PENDING;
    }

    public SubscriptionEvent subscribedReceived(Instant when) {
        if (!pendingOut) {
            return SubscriptionEvent.IGNORED;
        }
        pendingOut = false;
        subscription = Subscription.of(true, subscription.from());
        updatedAt = when;
        return SubscriptionEvent.CHANGED;
    }

    public SubscriptionEvent unsubscribedReceived(Instant when) {
        if (!pendingOut && !subscription.to()) {
            return SubscriptionEvent.IGNORED;
        }
        pendingOut = false;
        subscription = Subscription.of(false, subscription.from());
        updatedAt = when;
        return SubscriptionEvent.CHANGED;
    }

    public SubscriptionEvent unsubscribeReceived(Instant when) {
        if (!pendingIn && !subscription.from()) {
            return SubscriptionEvent.IGNORED;
        }
        pendingIn = false;
        subscription = Subscription.of(subscription.to(), false);
        updatedAt = when;
        return SubscriptionEvent.CHANGED;
    }
}
