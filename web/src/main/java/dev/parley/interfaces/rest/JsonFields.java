package dev.parley.interfaces.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of a request document leniently: a missing field and JSON null read as null, and every type
 * problem is collected instead of stopping at the first, so that one 400 answer names them all.
 */
final class JsonFields {

    private final JsonObject json;
    private final List<String> problems = new ArrayList<>();

    JsonFields(JsonObject json) {
        this.json = json;
    }

    /** Notes every field that is neither writable nor read-only (the latter are accepted and ignored). */
    JsonFields refuseUnknown(Set<String> writable, Set<String> readOnly) {
        for (String field : json.keySet()) {
            if (!writable.contains(field) && !readOnly.contains(field)) {
                problems.add("Unknown field '" + field + "'");
            }
        }
        return this;
    }

    /** Throws with every problem noted so far, if there is any. */
    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return problems;
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

    /**
     * @param range what the domain allows, for the message when the number does not even fit an int, e.g.
     *              "1 and 65535"
     */
    Integer integer(String field, String range) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooLarge) {
                problems.add(field + " must be between " + range + ", not " + number);
                return null;
            }
        }
        problems.add(field + " must be a whole number, not " + value);
        return null;
    }

    Long longInteger(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooLarge) {
                problems.add(field + " is too large: " + number);
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

    /** A JSON array of strings; null when the field is missing or null. */
    List<String> stringList(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(field + " must be an array of strings, not " + value);
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item instanceof JsonString text) {
                strings.add(text.getString());
            } else {
                problems.add(field + " must hold strings only, not " + item);
                return null;
            }
        }
        return strings;
    }

    /** A JSON object; null when the field is missing or null. */
    JsonObject object(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add(field + " must be an object, not " + value);
            return null;
        }
        return value.asJsonObject();
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
