package dev.parley.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactCardTest {

    @Test
    void keepsFieldsStrippedAndDropsEmptyOnes() {
        ContactCard card = new ContactCard("  Alice ", " ", null, "\tSales", List.of(" +41 44 123 45 67 ", ""),
                "alice@corp.example", null, null, null);

        assertThat(card.displayName()).isEqualTo("Alice");
        assertThat(card.title()).isNull();
        assertThat(card.department()).isEqualTo("Sales");
        assertThat(card.businessPhones()).containsExactly("+41 44 123 45 67");
        assertThat(card.problems()).isEmpty();
    }

    @Test
    void namesEveryProblemAtOnce() {
        ContactCard card = new ContactCard(null, "x".repeat(201), "Line\nbreak", null,
                List.of("1", "2", "3", "4", "5", "call me"), "not-an-address", "+41 79 123 45 67 ext. 12", "?",
                new Photo("image/bmp", new byte[] {1}));

        assertThat(card.problems()).containsExactly(
                "displayName is required",
                "title is 201 characters long; at most 200 are kept",
                "company may not contain control characters or line breaks",
                "businessPhones has 6 numbers; at most 5 are kept",
                "businessPhones 'call me' is not a phone number (digits, an optional leading +, spaces, ( ) . / - and"
                        + " an extension such as x123)",
                "email 'not-an-address' is not an e-mail address",
                "privatePhone '?' is not a phone number (digits, an optional leading +, spaces, ( ) . / - and an"
                        + " extension such as x123)",
                "photo type must be one of [image/png, image/jpeg, image/gif, image/webp], not 'image/bmp'");
    }

    @Test
    void refusesAPhotoTooLargeForAStanza() {
        ContactCard card = new ContactCard("Alice", null, null, null, List.of(), null, null, null,
                new Photo("image/jpeg", new byte[Photo.MAX_BYTES + 1]));

        assertThat(card.problems()).containsExactly("photo is 65537 bytes; at most 65536 travel in a vCard");
    }
}
