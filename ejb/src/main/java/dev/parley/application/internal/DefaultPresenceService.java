package dev.parley.application.internal;

import dev.parley.application.Contact;
import dev.parley.application.PresenceService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.presence.Presence;
import dev.parley.domain.model.presence.PresenceStanzas;
import dev.parley.domain.model.presence.PresenceType;
import dev.parley.domain.model.presence.UserPresence;
import dev.parley.domain.model.presence.UserPresenceRepository;
import dev.parley.domain.model.roster.ContactNotFoundException;
import dev.parley.domain.model.roster.InvalidContactException;
import dev.parley.domain.model.roster.RosterItem;
import dev.parley.domain.model.roster.RosterRepository;
import dev.parley.domain.model.roster.SubscriptionEvent;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.user.Disclosure;
import dev.parley.domain.model.user.LocalUserRepository;
import dev.parley.domain.model.user.UserName;
import dev.parley.xmpp.jid.Jid;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * RFC 6121 for local users: the subscription state machine on {@link RosterItem}, presence broadcast through
 * {@link Disclosure} at each contact's level, probes sent when a user comes online and answered for contacts allowed
 * to see the user, contacts' presence kept in {@link RemotePresences}.
 */
@Stateless
public class DefaultPresenceService implements PresenceService {

    @Inject
    LocalUserRepository users;

    @Inject
    RosterRepository rosters;

    @Inject
    UserPresenceRepository presences;

    @Inject
    RemotePresences remote;

    @Inject
    Outbox outbox;

    @Inject
    ServedDomain servedDomain;

    Clock clock = Clock.systemUTC();

    @Override
    public boolean received(StanzaEnvelope stanza, UserName user) {
        Optional<Jid> sender = Outbox.jid(stanza.from());
        if (sender.isEmpty()) {
            return false;
        }
        Jid from = sender.get();
        String contact = from.asBareJid().toString();
        users.lockForChange(user);
        Instant now = Instant.now(clock);
        Optional<RosterItem> existing = rosters.find(user, contact);
        return switch (PresenceType.of(stanza.type())) {
            case SUBSCRIBE -> {
                RosterItem item = existing.orElseGet(() -> new RosterItem(user, contact, now));
                SubscriptionEvent event = item.subscribeReceived(now);
                if (existing.isEmpty()) {
                    rosters.add(item);
                }
                if (event == SubscriptionEvent.APPROVED_ALREADY) {
                    send(PresenceType.SUBSCRIBED, user, from);
                }
                yield event == SubscriptionEvent.APPROVAL_PENDING;
            }
            case SUBSCRIBED -> existing.map(item -> item.subscribedReceived(now) == SubscriptionEvent.CHANGED)
                    .orElse(false);
            case UNSUBSCRIBED -> existing.map(item -> {
                remote.forget(user, contact);
                return settled(item, item.unsubscribedReceived(now));
            }).orElse(false);
            case UNSUBSCRIBE -> existing.map(item -> {
                SubscriptionEvent event = item.unsubscribeReceived(now);
                if (event == SubscriptionEvent.CHANGED) {
                    // RFC 6121 §3.3.3: the contact no longer sees the user, so the user's session is gone for them.
                    outbox.send(PresenceStanzas.of(Presence.UNAVAILABLE, servedDomain.sessionOf(user), from));
                }
                return settled(item, event);
            }).orElse(false);
            case PROBE -> {
                // RFC 6121 §4.3.2: only a contact allowed to see the user learns anything, the others nothing at all.
                if (existing.filter(item -> item.subscription().from()).isPresent()) {
                    sendPresence(user, presenceOf(user), from);
                }
                yield false;
            }
            case AVAILABLE, UNAVAILABLE -> {
                if (existing.filter(item -> item.subscription().to()).isEmpty()) {
                    yield false;
                }
                remote.record(user, from, PresenceStanzas.read(stanza));
                yield true;
            }
            // A presence error answers a subscription request or a probe: the request stays pending, as RFC 6121
            // leaves it, and the user's contacts show it so.
            case ERROR -> false;
        };
    }

    @Override
    public List<Contact> contacts(UserName user) {
        return rosters.of(user).stream()
                .filter(item -> item.listed() || item.pendingIn())
                .map(this::contact)
                .toList();
    }

    @Override
    public Contact subscribe(UserName user, String contact, String name) throws InvalidContactException {
        Jid jid = contactJid(user, contact);
        if (name != null && name.strip().length() > RosterItem.MAX_NAME_LENGTH) {
            throw new InvalidContactException("name is longer than " + RosterItem.MAX_NAME_LENGTH + " characters");
        }
        String bare = jid.toString();
        users.lockForChange(user);
        Instant now = Instant.now(clock);
        RosterItem item = rosters.find(user, bare).orElseGet(() -> {
            RosterItem added = new RosterItem(user, bare, now);
            rosters.add(added);
            return added;
        });
        item.list(name, now);
        if (item.subscribe(now)) {
            send(PresenceType.SUBSCRIBE, user, jid);
        }
        return contact(item);
    }

    @Override
    public Contact approve(UserName user, String contact) throws ContactNotFoundException {
        users.lockForChange(user);
        RosterItem item = existing(user, contact);
        Instant now = Instant.now(clock);
        if (item.approve(now)) {
            Jid jid = Jid.parse(item.contact());
            send(PresenceType.SUBSCRIBED, user, jid);
            // RFC 6121 §3.1.5: the contact now sees the user, starting with the user's current presence.
            sendPresence(user, presenceOf(user), jid);
        }
        return contact(item);
    }

    @Override
    public void refuse(UserName user, String contact) throws ContactNotFoundException {
        users.lockForChange(user);
        RosterItem item = existing(user, contact);
        refused(item, Instant.now(clock));
        if (item.empty()) {
            rosters.remove(item);
        }
    }

    @Override
    public void remove(UserName user, String contact) throws ContactNotFoundException {
        users.lockForChange(user);
        remove(existing(user, contact));
    }

    @Override
    public void removeAll(UserName user) {
        users.lockForChange(user);
        rosters.of(user).forEach(this::remove);
    }

    private void remove(RosterItem item) {
        UserName user = item.owner();
        Instant now = Instant.now(clock);
        Jid jid = Jid.parse(item.contact());
        if (item.unsubscribe(now)) {
            send(PresenceType.UNSUBSCRIBE, user, jid);
        }
        refused(item, now);
        remote.forget(user, item.contact());
        rosters.remove(item);
    }

    /**
     * Ends the contact's view of the user's presence, if they had one or asked: an unsubscribed, and, where they saw
     * the user's presence, an unavailable from the user's session (RFC 6121 §3.2.2), so that none stays shown.
     */
    private void refused(RosterItem item, Instant now) {
        boolean saw = item.subscription().from();
        if (item.refuse(now)) {
            Jid contact = Jid.parse(item.contact());
            send(PresenceType.UNSUBSCRIBED, item.owner(), contact);
            if (saw) {
                outbox.send(PresenceStanzas.of(Presence.UNAVAILABLE, servedDomain.sessionOf(item.owner()), contact));
            }
        }
    }

    @Override
    public Presence presenceOf(UserName user) {
        return presences.find(user).map(UserPresence::presence).orElse(Presence.UNAVAILABLE);
    }

    @Override
    public void setPresence(UserName user, Presence presence) {
        users.lockForChange(user);
        Instant now = Instant.now(clock);
        Presence before = presenceOf(user);
        presences.find(user).ifPresentOrElse(stored -> stored.set(presence, now),
                () -> presences.add(new UserPresence(user, presence, now)));
        for (RosterItem item : rosters.of(user)) {
            Jid contact = Jid.parse(item.contact());
            if (item.subscription().from()) {
                // A contact whose level hides the change (PUBLIC sees away as available) is not told anything.
                Optional<Presence> seenBefore = Disclosure.presence(before, outbox.levelFor(contact.domainpart()));
                Optional<Presence> seenNow = Disclosure.presence(presence, outbox.levelFor(contact.domainpart()));
                if (!seenNow.equals(seenBefore)) {
                    sendPresence(user, presence, contact);
                }
            }
            if (item.subscription().to() && !before.availability().online() && presence.availability().online()) {
                // RFC 6121 §4.2.2: coming online, the user learns the contacts' presence by probing them.
                send(PresenceType.PROBE, user, contact);
            }
            if (item.subscription().to() && !presence.availability().online()) {
                remote.forget(user, item.contact());
            }
        }
    }

    @Override
    // Called once the change is committed, on the thread that made it, whose finished transaction must not be joined;
    // not asynchronously: presence read now and sent later could overtake the user's next change.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void levelsChangedSince(AuthorizationTable before) {
        for (RosterItem item : rosters.seeingPresence()) {
            Jid contact = Jid.parse(item.contact());
            String domain = contact.domainpart();
            if (!servedDomain.isServed(domain) && before.levelFor(domain) != outbox.levelFor(domain)) {
                sendPresence(item.owner(), presenceOf(item.owner()), contact);
            }
        }
    }

    /** Sends {@code presence} as much as the contact's level shows, nothing where it shows nothing. */
    private void sendPresence(UserName user, Presence presence, Jid contact) {
        Disclosure.presence(presence, outbox.levelFor(contact.domainpart())).ifPresent(
                shown -> outbox.send(PresenceStanzas.of(shown, servedDomain.sessionOf(user), contact.asBareJid())));
    }

    private void send(PresenceType type, UserName user, Jid contact) {
        outbox.send(PresenceStanzas.of(type, servedDomain.jidOf(user), contact));
    }

    /** Drops an item the contact's stanza left empty; whether the user is told. */
    private boolean settled(RosterItem item, SubscriptionEvent event) {
        if (item.empty()) {
            rosters.remove(item);
        }
        return event == SubscriptionEvent.CHANGED;
    }

    private Contact contact(RosterItem item) {
        boolean federates = Outbox.jid(item.contact())
                .map(jid -> outbox.levelFor(jid.domainpart()).allowsFederation()).orElse(false);
        Presence seen = item.subscription().to() && federates ? remote.of(item.owner(), item.contact())
                : Presence.UNAVAILABLE;
        return new Contact(item.snapshot(), seen);
    }

    private RosterItem existing(UserName user, String contact) throws ContactNotFoundException {
        Optional<Jid> jid = Outbox.jid(contact).map(Jid::asBareJid);
        return jid.flatMap(bare -> rosters.find(user, bare.toString()))
                .orElseThrow(() -> new ContactNotFoundException(contact));
    }

    /** The canonical bare JID of a contact the user may add, or why not. */
    private Jid contactJid(UserName user, String contact) throws InvalidContactException {
        Optional<Jid> parsed = Outbox.jid(contact == null ? null : contact.strip());
        if (parsed.isEmpty()) {
            throw new InvalidContactException("'" + contact + "' is not an XMPP address");
        }
        Jid jid = parsed.get();
        if (jid.localpart().isEmpty() || jid.resourcepart().isPresent()) {
            throw new InvalidContactException(contact + " is not a user's address: a contact is name@domain");
        }
        if (jid.equals(servedDomain.jidOf(user))) {
            throw new InvalidContactException("you cannot add yourself as a contact");
        }
        if (!outbox.levelFor(jid.domainpart()).allowsFederation()) {
            throw new InvalidContactException("this server does not federate with " + jid.domainpart()
                    + ": ask an administrator to authorize it");
        }
        return jid;
    }
}
