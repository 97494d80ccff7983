package dev.parley.domain.model.presence;

import dev.parley.domain.model.user.UserName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A local user's own presence as they last set it; a user who never set one is unavailable. */
@Entity
@Table(name = "user_presence")
public class UserPresence {

    @Id
    @Column(name = "user_name", length = UserName.MAX_LENGTH * 4)
    private String userName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Availability availability;

    @Column(length = Presence.MAX_STATUS_LENGTH)
    private String status;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserPresence() {
        // for JPA
    }

    public UserPresence(UserName user, Presence presence, Instant when) {
        userName = user.value();
        set(presence, when);
    }

    public Presence presence() {
        return new Presence(availability, Optional.ofNullable(status));
    }

    public void set(Presence presence, Instant when) {
        availability = presence.availability();
        status = presence.status().orElse(null);
        updatedAt = when;
    }
}
