package dev.parley.domain.model.user;

import java.time.Instant;

/** A local user as read, without anything of their password. */
public record UserSnapshot(UserName name, ContactCard card, boolean enabled, long version, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy) {
}
