package dev.parley.interfaces.rest;

import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.SettingsChange;
import dev.parley.domain.model.settings.SettingsSnapshot;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The settings document of {@code /api/admin/settings}. What GET returns can be sent back by PUT:
 * the read-only fields are accepted and ignored. The proxy password is write-only.
 */
final class SettingsJson {

    private static final Set<String> WRITABLE = Set.of("enabled", "mode", "s2sPort", "s2sBindAddress", "proxyHost",
            "proxyPort", "proxyPassword", "tlsPolicy");
    private static final Set<String> READ_ONLY = Set.of("proxyPasswordSet", "version", "updatedAt", "updatedBy");

    private SettingsJson() {
    }

    static JsonObject toJson(SettingsSnapshot settings) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("enabled", settings.enabled())
                .add("mode", settings.mode().name())
                .add("s2sPort", settings.s2sPort())
                .add("s2sBindAddress", settings.s2sBindAddress())
                .add("proxyHost", settings.proxyHost() == null ? JsonValue.NULL : Json.createValue(settings.proxyHost()))
                .add("proxyPort", settings.proxyPort())
                .add("proxyPasswordSet", settings.proxyPasswordSet())
                .add("tlsPolicy", settings.tlsPolicy().name())
                .add("version", settings.version());
        json.add("updatedAt", settings.updatedAt() == null ? JsonValue.NULL : Json.createValue(settings.updatedAt().toString()));
        json.add("updatedBy", settings.updatedBy() == null ? JsonValue.NULL : Json.createValue(settings.updatedBy()));
        return json.build();
    }

    /** Reads a change, or throws with every type problem found; the domain then checks the values. */
    static SettingsChange fromJson(JsonObject json) {
        Reader reader = new Reader(json);
        for (String field : json.keySet()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                reader.problems.add("Unknown field '" + field + "'");
            }
        }
        SettingsChange change = new SettingsChange(
                reader.bool("enabled"),
                reader.enumeration("mode", FederationMode.class),
                reader.integer("s2sPort"),
                reader.string("s2sBindAddress"),
                reader.string("proxyHost"),
                reader.integer("proxyPort"),
                reader.string("proxyPassword"),
                reader.enumeration("tlsPolicy", TlsPolicy.class));
        if (!reader.problems.isEmpty()) {
            throw new InvalidRequestException(reader.problems);
        }
        return change;
    }

    /** Reads fields leniently, collecting each type problem instead of stopping at the first. */
    private static final class Reader {
        private final JsonObject json;
        private final List<String> problems = new ArrayList<>();

        Reader(JsonObject json) {
            this.json = json;
        }

        private JsonValue present(String field) {
            JsonValue value = json.get(field);
            return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
        }

        Boolean bool(String field) {
            JsonValue value = present(field);
            if (value == null) {
                return null;
            }
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            problems.add(field + " must be true or false, not " + value);
            return null;
        }

        Integer integer(String field) {
            JsonValue value = present(field);
            if (value == null) {
                return null;
            }
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.intValueExact();
                } catch (ArithmeticException tooLarge) {
                    problems.add(field + " must be between 1 and 65535, not " + number);
                    return null;
                }
            }
            problems.add(field + " must be a whole number, not " + value);
            return null;
        }

        String string(String field) {
            JsonValue value = present(field);
            if (value == null) {
                return null;
            }
            if (value instanceof JsonString text) {
                return text.getString();
            }
            problems.add(field + " must be a string, not " + value);
            return null;
        }

        <E extends Enum<E>> E enumeration(String field, Class<E> type) {
            String text = string(field);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                problems.add(field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'");
                return null;
            }
        }
    }
}
