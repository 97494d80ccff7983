package dev.parley.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * Reads request bodies as JSON objects, turning a broken body into a 400 that says where it broke;
 * writes absent values as JSON null.
 */
final class JsonDocuments {

    private JsonDocuments() {
    }

    static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("The request has no body; a JSON object is expected");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("The body must be a JSON object, not " + value.getValueType());
        }
        return value.asJsonObject();
    }

    /** {@code text}, or JSON null when there is none. */
    static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : Json.createValue(text);
    }

    /** {@code instant} in ISO-8601, or JSON null when there is none. */
    static JsonValue nullable(Instant instant) {
        return instant == null ? JsonValue.NULL : Json.createValue(instant.toString());
    }
}
