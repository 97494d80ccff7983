package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpResponse;

/** Local users of the test server, created through the admin API as an administrator would. */
final class ParleyUsers {

    static final URI USERS = ParleyHttp.app("/api/admin/users");
    /** The password of every user these tests create: they sign in with it. */
    static final String PASSWORD = "local-user-password";

    private ParleyUsers() {
    }

    /** Creates {@code userName} with a display name and {@link #PASSWORD}; returns the user's bare JID. */
    static String create(String userName) throws Exception {
        return create(Json.createObjectBuilder().add("userName", userName).add("displayName", userName));
    }

    /** Creates the user {@code user} describes, with {@link #PASSWORD} unless it has one; returns the bare JID. */
    static String create(JsonObjectBuilder user) throws Exception {
        JsonObject body = user.build();
        if (!body.containsKey("password")) {
            body = Json.createObjectBuilder(body).add("password", PASSWORD).build();
        }
        HttpResponse<String> created = ParleyHttp.asAdmin().post(USERS, body.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ParleyHttp.json(created).asJsonObject().getString("jid");
    }

    static URI user(String userName) {
        return ParleyHttp.app("/api/admin/users/" + userName);
    }
}
