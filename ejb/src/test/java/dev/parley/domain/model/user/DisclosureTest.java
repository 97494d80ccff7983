package dev.parley.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.presence.Availability;
import dev.parley.domain.model.presence.Presence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each level's exact output, field by field, for a card with every field filled and for each presence. */
class DisclosureTest {

    private static final Photo PHOTO = new Photo("image/png", new byte[] {1, 2, 3});
    private static final ContactCard FULL = new ContactCard("Alice Liddell", "Head of Sales", "Corp", "Sales EMEA",
            List.of("+41 44 123 45 67", "+41 44 123 45 00"), "alice@corp.example", "+41 79 123 45 67",
            "+41 44 765 43 21", PHOTO);
    private static final Presence IN_A_MEETING = Presence.of(Availability.DND, "In a meeting until 3");

    @Test
    void publicSeesNameTitleCompanyBusinessPhonesAndEmail() {
        assertThat(Disclosure.card(FULL, AuthorizationLevel.PUBLIC)).hasValue(new ContactCard("Alice Liddell",
                "Head of Sales", "Corp", null, List.of("+41 44 123 45 67", "+41 44 123 45 00"), "alice@corp.example",
                null, null, null));
    }

    @Test
    void businessSeesTheSameCardAsPublic() {
        assertThat(Disclosure.card(FULL, AuthorizationLevel.BUSINESS))
                .isEqualTo(Disclosure.card(FULL, AuthorizationLevel.PUBLIC));
    }

    @Test
    void teamMemberSeesDepartmentAndMobileToo() {
        assertThat(Disclosure.card(FULL, AuthorizationLevel.TEAM_MEMBER)).hasValue(new ContactCard("Alice Liddell",
                "Head of Sales", "Corp", "Sales EMEA", List.of("+41 44 123 45 67", "+41 44 123 45 00"),
                "alice@corp.example", "+41 79 123 45 67", null, null));
    }

    @Test
    void personalSeesEverythingPrivatePhoneAndPhotoIncluded() {
        assertThat(Disclosure.card(FULL, AuthorizationLevel.PERSONAL)).hasValue(FULL);
    }

    @Test
    void blockedSeesNothing() {
        assertThat(Disclosure.card(FULL, AuthorizationLevel.BLOCKED)).isEmpty();
        assertThat(Disclosure.presence(IN_A_MEETING, AuthorizationLevel.BLOCKED)).isEmpty();
    }

    @Test
    void publicSeesOnlyAvailableOrUnavailable() {
        for (Availability online : List.of(Availability.AVAILABLE, Availability.AWAY, Availability.DND, Availability.XA)) {
            assertThat(Disclosure.presence(Presence.of(online, "busy"), AuthorizationLevel.PUBLIC))
                    .hasValue(new Presence(Availability.AVAILABLE, Optional.empty()));
        }
        assertThat(Disclosure.presence(Presence.of(Availability.UNAVAILABLE, "gone home"), AuthorizationLevel.PUBLIC))
                .hasValue(Presence.UNAVAILABLE);
    }

    @Test
    void businessSeesTheAvailabilityDetailButNoStatusNote() {
        assertThat(Disclosure.presence(IN_A_MEETING, AuthorizationLevel.BUSINESS))
                .hasValue(new Presence(Availability.DND, Optional.empty()));
    }

    @Test
    void teamMemberAndPersonalSeeTheStatusNote() {
        assertThat(Disclosure.presence(IN_A_MEETING, AuthorizationLevel.TEAM_MEMBER)).hasValue(IN_A_MEETING);
        assertThat(Disclosure.presence(IN_A_MEETING, AuthorizationLevel.PERSONAL)).hasValue(IN_A_MEETING);
    }
}
