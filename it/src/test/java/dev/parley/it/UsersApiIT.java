package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Local users through the admin API, and their sign-in: the security domain finds them in Parley's database (bcrypt
 * hashes), gives them the role user and nothing of an administrator's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersApiIT {

    private static final URI ME = ParleyHttp.app("/api/user/me");

    @Test
    void anAdministratorCreatesAUserWhoSignsInWithTheRoleUserOnly() throws Exception {
        String name = "Alice-" + UUID.randomUUID();
        HttpResponse<String> created = ParleyHttp.asAdmin().post(ParleyUsers.USERS, Json.createObjectBuilder()
                .add("userName", name).add("displayName", "Alice Liddell").add("title", "Head of Sales")
                .add("businessPhones", Json.createArrayBuilder().add("+41 44 123 45 67"))
                .add("password", "Alice's long password").build().toString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String canonical = name.toLowerCase();
        assertThat(created.headers().firstValue("Location")).hasValue(ParleyUsers.user(canonical).toString());
        JsonObject user = ParleyHttp.json(created).asJsonObject();
        assertThat(user.getString("jid")).isEqualTo(canonical + "@" + ItEnvironment.XMPP_DOMAIN);
        assertThat(user.getString("title")).isEqualTo("Head of Sales");
        assertThat(user.containsKey("password")).isFalse();
        assertThat(created.body()).doesNotContain("long password");

        HttpResponse<String> me = ParleyHttp.as(name.toUpperCase(), "Alice's long password").get(ME);
        assertThat(me.statusCode()).as("sign-in whatever the case of the name: " + me.body()).isEqualTo(200);
        assertThat(ParleyHttp.json(me).asJsonObject().getString("displayName")).isEqualTo("Alice Liddell");

        assertThat(ParleyHttp.as(name, "a wrong password!").get(ME).statusCode()).isEqualTo(401);
        assertThat(ParleyHttp.as(name, "Alice's long password").get(ParleyAdmin.SETTINGS).statusCode())
                .as("a user is no administrator").isEqualTo(403);
        assertThat(ParleyHttp.asAdmin().get(ME).statusCode()).as("an administrator is no local user").isEqualTo(403);
        assertThat(ParleyHttp.asAdmin().get(ParleyHttp.app("/api/admin/audit?kind=USER_CHANGED&limit=1000")).body())
                .contains("admin created user " + canonical).doesNotContain("long password");
    }

    @Test
    void aDisabledUserCannotSignInAndANewPasswordReplacesTheOld() throws Exception {
        String name = "bob-" + UUID.randomUUID();
        ParleyUsers.create(name);
        JsonObject bob = ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyUsers.user(name))).asJsonObject();

        HttpResponse<String> disabled = ParleyHttp.asAdmin().put(ParleyUsers.user(name),
                Json.createObjectBuilder(bob).add("enabled", false).build().toString());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(ParleyHttp.as(name, ParleyUsers.PASSWORD).get(ME).statusCode()).isEqualTo(401);

        JsonObject current = ParleyHttp.json(disabled).asJsonObject();
        HttpResponse<String> enabled = ParleyHttp.asAdmin().put(ParleyUsers.user(name), Json.createObjectBuilder(current)
                .add("enabled", true).add("password", "a brand new password").build().toString());
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(ParleyHttp.as(name, ParleyUsers.PASSWORD).get(ME).statusCode()).isEqualTo(401);
        assertThat(ParleyHttp.as(name, "a brand new password").get(ME).statusCode()).isEqualTo(200);

        HttpResponse<String> stale = ParleyHttp.asAdmin().put(ParleyUsers.user(name), bob.toString());
        assertThat(stale.statusCode()).as("a PUT based on an old read: " + stale.body()).isEqualTo(409);
    }

    @Test
    void badRequestsAreRefusedWithEveryReasonAndChangeNothing() throws Exception {
        HttpResponse<String> invalid = ParleyHttp.asAdmin().post(ParleyUsers.USERS, Json.createObjectBuilder()
                .add("userName", "no spaces allowed").add("email", "nope").add("password", "short")
                .add("shoeSize", 44).build().toString());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Unknown field 'shoeSize'");

        HttpResponse<String> values = ParleyHttp.asAdmin().post(ParleyUsers.USERS, Json.createObjectBuilder()
                .add("userName", "no spaces allowed").add("email", "nope").add("password", "short").build().toString());
        assertThat(values.statusCode()).isEqualTo(400);
        assertThat(values.body()).contains("cannot be the localpart").contains("displayName is required")
                .contains("email 'nope' is not an e-mail address").contains("at least 10 characters");

        HttpResponse<String> operator = ParleyHttp.asAdmin().post(ParleyUsers.USERS, Json.createObjectBuilder()
                .add("userName", "Admin").add("displayName", "Mallory").add("password", "taking over admin")
                .build().toString());
        assertThat(operator.statusCode()).isEqualTo(400);
        assertThat(operator.body()).contains("admin is the name of an administrator or integration account");

        String taken = "carol-" + UUID.randomUUID();
        ParleyUsers.create(taken);
        HttpResponse<String> twice = ParleyHttp.asAdmin().post(ParleyUsers.USERS, Json.createObjectBuilder()
                .add("userName", taken).add("displayName", "Carol again").add("password", "another password")
                .build().toString());
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("a user named " + taken + " exists already");

        HttpResponse<String> noVersion = ParleyHttp.asAdmin().put(ParleyUsers.user(taken), Json.createObjectBuilder()
                .add("userName", taken).add("displayName", "Carol").build().toString());
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("version is required");

        assertThat(ParleyHttp.as(ItEnvironment.INTEGRATION_USER, "whatever").get(ParleyUsers.USERS).statusCode())
                .isEqualTo(401);
        assertThat(ParleyHttp.anonymous().post(ParleyUsers.USERS, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void aRemovedUserIsGone() throws Exception {
        String name = "dora-" + UUID.randomUUID();
        ParleyUsers.create(name);

        assertThat(ParleyHttp.asAdmin().delete(ParleyUsers.user(name)).statusCode()).isEqualTo(204);

        assertThat(ParleyHttp.asAdmin().get(ParleyUsers.user(name)).statusCode()).isEqualTo(404);
        assertThat(ParleyHttp.as(name, ParleyUsers.PASSWORD).get(ME).statusCode()).isEqualTo(401);
        assertThat(ParleyHttp.asAdmin().delete(ParleyUsers.user(name)).statusCode()).isEqualTo(404);
        assertThat(ParleyHttp.asAdmin().get(ParleyUsers.user("not%20a%20name")).statusCode()).isEqualTo(400);
    }
}
