package dev.parley.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A user of the UC server who federates through Parley: their contact card, and the password hash Parley's security
 * realm checks when they sign in (the realm reads this table directly: see parley.cli).
 */
@Entity
@Table(name = "local_user")
public class LocalUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** The canonical {@link UserName}. */
    @Column(name = "user_name", nullable = false, unique = true, length = UserName.MAX_LENGTH * 4)
    private String userName;

    @Column(name = "display_name", nullable = false, length = ContactCard.MAX_TEXT_LENGTH)
    private String displayName;

    @Column(length = ContactCard.MAX_TEXT_LENGTH)
    private String title;

    @Column(length = ContactCard.MAX_TEXT_LENGTH)
    private String company;

    @Column(length = ContactCard.MAX_TEXT_LENGTH)
    private String department;

    /** One number a line, in the order shown. */
    @Column(name = "business_phones", length = 1024)
    private String businessPhones;

    @Column(length = 254)
    private String email;

    @Column(length = 64)
    private String mobile;

    @Column(name = "private_phone", length = 64)
    private String privatePhone;

    @Column(name = "photo_type", length = 32)
    private String photoType;

    @Column(name = "photo", length = Photo.MAX_BYTES)
    private byte[] photo;

    @Column(name = "password_hash", nullable = false, length = 128)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected LocalUser() {
        // for JPA
    }

    /** A new user from a change that {@link UserChange#problems} found valid, with its password's hash. */
    public LocalUser(UserChange change, String passwordHash, String who, Instant when) {
        createdAt = when;
        createdBy = who;
        this.passwordHash = passwordHash;
        apply(change, who, when);
    }

    /** Replaces the card and the enabled flag (never the name) with a change {@link UserChange#problems} found valid. */
    public void apply(UserChange change, String who, Instant when) {
        userName = change.name().value();
        ContactCard card = change.card();
        displayName = card.displayName();
        title = card.title();
        company = card.company();
        department = card.department();
        businessPhones = card.businessPhones().isEmpty() ? null : String.join("\n", card.businessPhones());
        email = card.email();
        mobile = card.mobile();
        privatePhone = card.privatePhone();
        photoType = card.photo() == null ? null : card.photo().mediaType();
        photo = card.photo() == null ? null : card.photo().data();
        enabled = change.enabled();
        touched(who, when);
    }

    public void changePassword(String newHash, String who, Instant when) {
        passwordHash = newHash;
        touched(who, when);
    }

    public UserName name() {
        return UserName.of(userName);
    }

    public boolean enabled() {
        return enabled;
    }

    public long version() {
        return version;
    }

    public ContactCard card() {
        return new ContactCard(displayName, title, company, department,
                businessPhones == null ? List.of() : Arrays.asList(businessPhones.split("\n")), email, mobile,
                privatePhone, photo == null ? null : new Photo(photoType, photo));
    }

    public UserSnapshot snapshot() {
        return new UserSnapshot(name(), card(), enabled, version, createdAt, createdBy, updatedAt, updatedBy);
    }

    private void touched(String who, Instant when) {
        updatedAt = when;
        updatedBy = who;
    }
}
