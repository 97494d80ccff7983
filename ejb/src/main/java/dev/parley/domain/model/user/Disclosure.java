package dev.parley.domain.model.user;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.presence.Availability;
import dev.parley.domain.model.presence.Presence;
import java.util.Optional;

/**
 * How much of a local user leaves Parley for a remote domain at its effective authorization level: the one place that
 * decides, for contact cards and for presence alike.
 * <table>
 * <caption>What each level shows</caption>
 * <tr><th>level</th><th>contact card</th><th>presence</th></tr>
 * <tr><td>PUBLIC</td><td>name, title, company, business phones, e-mail</td><td>available or unavailable</td></tr>
 * <tr><td>BUSINESS</td><td>as PUBLIC</td><td>+ away, dnd, xa</td></tr>
 * <tr><td>TEAM_MEMBER</td><td>+ department, mobile</td><td>+ status note</td></tr>
 * <tr><td>PERSONAL</td><td>+ private phone, photo</td><td>everything</td></tr>
 * <tr><td>BLOCKED</td><td>nothing</td><td>nothing</td></tr>
 * </table>
 */
public final class Disclosure {

    private Disclosure() {
    }

    /** The part of {@code card} a domain at {@code level} sees; empty for BLOCKED. */
    public static Optional<ContactCard> card(ContactCard card, AuthorizationLevel level) {
        return switch (level) {
            case BLOCKED -> Optional.empty();
            case PUBLIC, BUSINESS -> Optional.of(new ContactCard(card.displayName(), card.title(), card.company(),
                    null, card.businessPhones(), card.email(), null, null, null));
            case TEAM_MEMBER -> Optional.of(new ContactCard(card.displayName(), card.title(), card.company(),
                    card.department(), card.businessPhones(), card.email(), card.mobile(), null, null));
            case PERSONAL -> Optional.of(card);
        };
    }

    /** The part of {@code presence} a domain at {@code level} sees; empty for BLOCKED. */
    public static Optional<Presence> presence(Presence presence, AuthorizationLevel level) {
        return switch (level) {
            case BLOCKED -> Optional.empty();
            case PUBLIC -> Optional.of(new Presence(
                    presence.availability().online() ? Availability.AVAILABLE : Availability.UNAVAILABLE,
                    Optional.empty()));
            case BUSINESS -> Optional.of(new Presence(presence.availability(), Optional.empty()));
            case TEAM_MEMBER, PERSONAL -> Optional.of(presence);
        };
    }
}
