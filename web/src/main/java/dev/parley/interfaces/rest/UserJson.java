package dev.parley.interfaces.rest;

import dev.parley.domain.model.user.ContactCard;
import dev.parley.domain.model.user.Photo;
import dev.parley.domain.model.user.UserChange;
import dev.parley.domain.model.user.UserSnapshot;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The documents of {@code /api/admin/users}. What GET returns can be sent back by PUT, which requires {@code version}
 * (the version read) and keeps the password unless the body has one; {@code password} is never returned.
 * {@code photo} is {@code {"type": "image/png", "data": "<base64>"}}; {@code enabled} defaults to true.
 */
final class UserJson {

    private static final Set<String> WRITABLE = Set.of("userName", "displayName", "title", "company", "department",
            "businessPhones", "email", "mobile", "privatePhone", "photo", "enabled", "password");
    private static final Set<String> READ_ONLY = Set.of("jid", "version", "createdAt", "createdBy", "updatedAt",
            "updatedBy");

    /** A PUT: the change and the version it is based on. */
    record Replacement(long expectedVersion, UserChange change) {
    }

    private UserJson() {
    }

    static JsonObject toJson(UserSnapshot user, String domain) {
        return cardJson(user.card())
                .add("userName", user.name().value())
                .add("jid", user.name().jidOn(domain).toString())
                .add("enabled", user.enabled())
                .add("version", user.version())
                .add("createdAt", JsonDocuments.nullable(user.createdAt()))
                .add("createdBy", JsonDocuments.nullable(user.createdBy()))
                .add("updatedAt", JsonDocuments.nullable(user.updatedAt()))
                .add("updatedBy", JsonDocuments.nullable(user.updatedBy()))
                .build();
    }

    static JsonArray toJson(List<UserSnapshot> users, String domain) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        users.forEach(user -> list.add(toJson(user, domain)));
        return list.build();
    }

    /** The card's fields, absent ones as JSON null. */
    static JsonObjectBuilder cardJson(ContactCard card) {
        JsonArrayBuilder phones = Json.createArrayBuilder();
        card.businessPhones().forEach(phones::add);
        return Json.createObjectBuilder()
                .add("displayName", JsonDocuments.nullable(card.displayName()))
                .add("title", JsonDocuments.nullable(card.title()))
                .add("company", JsonDocuments.nullable(card.company()))
                .add("department", JsonDocuments.nullable(card.department()))
                .add("businessPhones", phones)
                .add("email", JsonDocuments.nullable(card.email()))
                .add("mobile", JsonDocuments.nullable(card.mobile()))
                .add("privatePhone", JsonDocuments.nullable(card.privatePhone()))
                .add("photo", card.photo() == null ? JsonValue.NULL : Json.createObjectBuilder()
                        .add("type", card.photo().mediaType())
                        .add("data", Base64.getEncoder().encodeToString(card.photo().data())).build());
    }

    /** Reads a new user (POST), or throws with every type problem; the domain then checks the values. */
    static UserChange fromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, READ_ONLY);
        UserChange change = change(fields);
        fields.throwIfProblems();
        return change;
    }

    /** Reads a replacement (PUT), or throws with every type problem and a missing version. */
    static Replacement replacementFromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, READ_ONLY);
        UserChange change = change(fields);
        Long version = fields.longInteger("version");
        if (!json.containsKey("version") || json.isNull("version")) {
            fields.problem("version is required: the version of the user as it was read, so that a concurrent"
                    + " change is refused instead of overwritten");
        }
        fields.throwIfProblems();
        return new Replacement(version, change);
    }

    private static UserChange change(JsonFields fields) {
        ContactCard card = new ContactCard(fields.string("displayName"), fields.string("title"),
                fields.string("company"), fields.string("department"), fields.stringList("businessPhones"),
                fields.string("email"), fields.string("mobile"), fields.string("privatePhone"), photo(fields));
        Boolean enabled = fields.bool("enabled");
        return new UserChange(fields.string("userName"), card, fields.string("password"),
                enabled == null || enabled);
    }

    private static Photo photo(JsonFields fields) {
        JsonObject photo = fields.object("photo");
        if (photo == null) {
            return null;
        }
        JsonFields photoFields = new JsonFields(photo).refuseUnknown(Set.of("type", "data"), Set.of());
        String type = photoFields.string("type");
        String data = photoFields.string("data");
        if (type == null || data == null) {
            photoFields.problem("photo needs both type and data (base64)");
        }
        byte[] bytes = null;
        if (data != null) {
            try {
                bytes = Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                photoFields.problem("photo data is not base64: " + e.getMessage());
            }
        }
        photoFields.problems().forEach(fields::problem);
        return photoFields.problems().isEmpty() ? new Photo(type, bytes) : null;
    }
}
