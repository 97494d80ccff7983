package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A local user signed in to the user API: contacts, presence and chat, as the web chat page uses them. */
final class LocalUserApi {

    static final URI CONTACTS = ParleyHttp.app("/api/user/contacts");
    static final URI PRESENCE = ParleyHttp.app("/api/user/presence");
    static final URI MESSAGES = ParleyHttp.app("/api/user/messages");

    private final ParleyHttp http;

    LocalUserApi(String jid) {
        this.http = ParleyHttp.as(jid.substring(0, jid.indexOf('@')), ParleyUsers.PASSWORD);
    }

    ParleyHttp http() {
        return http;
    }

    HttpResponse<String> addContact(String jid) {
        return call(() -> http.post(CONTACTS, Json.createObjectBuilder().add("jid", jid).build().toString()));
    }

    HttpResponse<String> approve(String jid) {
        return call(() -> http.post(contact(jid, "/approval"), ""));
    }

    HttpResponse<String> removeContact(String jid) {
        return call(() -> http.delete(contact(jid, "")));
    }

    /** The user's contacts, as the API lists them. */
    List<JsonObject> contacts() {
        HttpResponse<String> response = call(() -> http.get(CONTACTS));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ((JsonArray) ParleyHttp.json(response)).getValuesAs(JsonValue::asJsonObject);
    }

    /** The contact's entry, or empty when the user has none for {@code jid}. */
    Optional<JsonObject> contact(String jid) {
        return contacts().stream().filter(contact -> contact.getString("jid").equals(jid)).findFirst();
    }

    /** "subscription pendingOut pendingIn" of the contact, e.g. "TO false true"; "absent" without one. */
    String subscription(String jid) {
        return contact(jid).map(contact -> contact.getString("subscription") + " " + contact.getBoolean("pendingOut")
                + " " + contact.getBoolean("pendingIn")).orElse("absent");
    }

    /** The contact's presence as the user sees it: the availability, and " / status" if any. */
    String presenceOf(String jid) {
        return contact(jid).map(contact -> contact.getJsonObject("presence")).map(presence ->
                presence.getString("availability") + (presence.isNull("status") ? "" : " / " + presence.getString("status")))
                .orElse("absent");
    }

    HttpResponse<String> setPresence(String availability, String status) {
        return call(() -> http.put(PRESENCE, Json.createObjectBuilder().add("availability", availability)
                .add("status", status == null ? JsonValue.NULL : Json.createValue(status)).build().toString()));
    }

    HttpResponse<String> send(String to, String body) {
        return call(() -> http.post(MESSAGES, Json.createObjectBuilder().add("to", to).add("body", body).build()
                .toString()));
    }

    /** What reached the user, newest first. */
    List<JsonObject> messages() {
        HttpResponse<String> response = call(() -> http.get(MESSAGES));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ((JsonArray) ParleyHttp.json(response)).getValuesAs(JsonValue::asJsonObject);
    }

    /** The conversation with {@code jid}, both ways, newest first. */
    List<JsonObject> conversation(String jid) {
        HttpResponse<String> response = call(() -> http.get(URI.create(MESSAGES + "?with="
                + URLEncoder.encode(jid, StandardCharsets.UTF_8))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ((JsonArray) ParleyHttp.json(response)).getValuesAs(JsonValue::asJsonObject);
    }

    private static URI contact(String jid, String suffix) {
        return URI.create(CONTACTS + "/" + URLEncoder.encode(jid, StandardCharsets.UTF_8) + suffix);
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static HttpResponse<String> call(Call call) {
        try {
            return call.send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
