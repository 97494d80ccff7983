package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console refuses whoever is not a signed-in administrator (its chat, whoever is not a signed-in local user), and
 * forms posted from anywhere but its pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSecurityIT {

    private static final List<String> PAGES = List.of("/", "/index.xhtml", "/settings.xhtml", "/authorizations.xhtml",
            "/authorization.xhtml", "/certificates.xhtml", "/certificate-request.csr", "/sessions.xhtml", "/audit.xhtml",
            "/tester.xhtml", "/authorizations-import.xhtml", "/authorizations.csv", "/overview-figures.json",
            "/expired.xhtml", "/resources/console.js", "/chat/", "/chat/index.xhtml", "/resources/chat.js", "/users.xhtml", "/user.xhtml",
            "/users-import.xhtml", "/users.csv");

    @AfterEach
    void federationOff() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
    }

    @Test
    void everyPageAsksAnonymousCallersToSignIn() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> response = new ConsoleSession().get(page);

            assertThat(response.statusCode()).as(page).isIn(200, 302);
            if (response.statusCode() == 200) {
                assertThat(response.body()).as(page).contains("j_security_check").doesNotContain("signed-in-as");
            } else {
                assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                        location -> assertThat(location).contains("/console/"));
            }
        }
    }

    /** Every operation of the admin API: method and path under /api/admin. */
    private static final List<String> API_CALLS = List.of("GET settings", "PUT settings", "GET authorizations",
            "POST authorizations", "GET authorizations/1", "PUT authorizations/1", "DELETE authorizations/1",
            "GET certificate", "PUT certificate", "DELETE certificate", "GET certificate/sip", "PUT certificate/sip",
            "DELETE certificate/sip", "GET certificate/request", "POST certificate/request", "DELETE certificate/request",
            "POST certificate/request/reply", "POST certificate/self-signed", "GET trusted-cas", "POST trusted-cas",
            "GET trusted-cas/1", "DELETE trusted-cas/1", "GET federation", "DELETE federation/sessions/1-abc",
            "GET authorizations/export", "POST authorizations/import", "POST federation/tests", "GET audit",
            "GET messages?user=a@parley.test", "GET users", "POST users", "GET users/someone", "PUT users/someone",
            "DELETE users/someone", "POST users/import");

    @Test
    void everyApiCallRefusesCallersWithoutTheAdminRole() throws Exception {
        String before = ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body();
        ParleyHttp integration = ParleyHttp.asIntegration();
        for (String call : API_CALLS) {
            String method = call.substring(0, call.indexOf(' '));
            java.net.URI uri = ParleyHttp.app("/api/admin/" + call.substring(call.indexOf(' ') + 1));

            assertThat(apiCall(ParleyHttp.anonymous(), method, uri).statusCode()).as("anonymous " + call).isEqualTo(401);
            assertThat(apiCall(integration, method, uri).statusCode()).as("integration " + call).isEqualTo(403);
        }
        assertThat(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body()).isEqualTo(before);
    }

    private static HttpResponse<String> apiCall(ParleyHttp caller, String method, java.net.URI uri) throws Exception {
        return switch (method) {
            case "GET" -> caller.get(uri);
            case "PUT" -> caller.put(uri, "{}");
            case "POST" -> caller.post(uri, "{}");
            case "DELETE" -> caller.delete(uri);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @Test
    void localUsersReachOnlyTheChatAndAdministratorsOnlyTheConsole() throws Exception {
        String user = ItEnvironment.localUser("lou");
        String name = user.substring(0, user.indexOf('@'));
        ConsoleSession asUser = new ConsoleSession();
        asUser.signIn(name, ParleyUsers.PASSWORD);
        ConsoleSession asAdmin = new ConsoleSession();
        asAdmin.signIn(ItEnvironment.ADMIN_USER, System.getProperty(ItEnvironment.ADMIN_PASSWORD));

        HttpResponse<String> chat = asUser.get("/chat/index.xhtml");
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.body()).contains(user);
        for (String page : List.of("/index.xhtml", "/settings.xhtml", "/authorizations.csv", "/audit.xhtml")) {
            assertThat(asUser.get(page).statusCode()).as("a local user on " + page).isEqualTo(403);
        }
        assertThat(asAdmin.get("/chat/index.xhtml").statusCode()).as("an administrator on the chat").isEqualTo(403);
        for (String call : API_CALLS) {
            String method = call.substring(0, call.indexOf(' '));
            java.net.URI uri = ParleyHttp.app("/api/admin/" + call.substring(call.indexOf(' ') + 1));
            assertThat(apiCall(ParleyHttp.as(name, ParleyUsers.PASSWORD), method, uri).statusCode())
                    .as("a local user: " + call).isEqualTo(403);
        }
    }

    @Test
    void aChatSessionEndsWhenItsUserIsDisabledOrRemovedAndANewUserOfTheNameGetsNothingOfIt() throws Exception {
        String user = ItEnvironment.localUser("mo");
        String name = user.substring(0, user.indexOf('@'));
        ConsoleSession chat = new ConsoleSession();
        chat.signIn(name, ParleyUsers.PASSWORD);
        assertThat(chat.get("/chat/index.xhtml").statusCode()).isEqualTo(200);
        JsonObject stored = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyUsers.user(name)));
        assertThat(ParleyHttp.asAdmin().put(ParleyUsers.user(name), jakarta.json.Json.createObjectBuilder(stored)
                .add("enabled", false).build().toString()).statusCode()).isEqualTo(200);

        assertThat(chat.get("/chat/index.xhtml").statusCode()).as("disabled").isEqualTo(403);

        assertThat(ParleyHttp.asAdmin().delete(ParleyUsers.user(name)).statusCode()).isEqualTo(204);
        ParleyUsers.create(name);
        ConsoleSession old = new ConsoleSession();
        old.signIn(name, ParleyUsers.PASSWORD);
        assertThat(old.get("/chat/index.xhtml").statusCode()).isEqualTo(200);
        assertThat(ParleyHttp.asAdmin().delete(ParleyUsers.user(name)).statusCode()).isEqualTo(204);
        ParleyUsers.create(name);
        assertThat(old.get("/chat/index.xhtml").statusCode()).as("a new user of the same name").isEqualTo(403);
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        ConsoleSession session = new ConsoleSession();
        HttpResponse<String> answer = session.signIn(ItEnvironment.ADMIN_USER, "wrong");

        assertThat(answer.body()).contains("Wrong user name or password");
        assertThat(session.get("/settings.xhtml").body()).contains("j_security_check");
    }

    @Test
    void aSignedInUserWithoutTheAdminRoleIsRefused() throws Exception {
        ConsoleSession session = new ConsoleSession();
        session.signIn(ItEnvironment.INTEGRATION_USER, System.getProperty(ItEnvironment.INTEGRATION_PASSWORD));

        for (String page : PAGES) {
            assertThat(session.get(page).statusCode()).as(page).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "wrong"})
    void aFormPostedWithoutThisSessionsTokenChangesNothing(String token) throws Exception {
        ConsoleSession session = new ConsoleSession();
        session.signIn(ItEnvironment.ADMIN_USER, System.getProperty(ItEnvironment.ADMIN_PASSWORD));
        String before = ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body();
        Map<String, String> form = settingsFormSwitchingFederationOn(session);
        if (token.equals("missing")) {
            form.remove("parley-csrf");
        } else {
            form.put("parley-csrf", "forged-" + form.get("parley-csrf"));
        }

        HttpResponse<String> answer = session.post("/settings.xhtml", form);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body()).isEqualTo(before);
    }

    @Test
    void theSameFormWithTheTokenIsTaken() throws Exception {
        ConsoleSession session = new ConsoleSession();
        session.signIn(ItEnvironment.ADMIN_USER, System.getProperty(ItEnvironment.ADMIN_PASSWORD));

        HttpResponse<String> answer = session.post("/settings.xhtml", settingsFormSwitchingFederationOn(session));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(ParleyAdmin.federationStatus().getString("state")).isEqualTo("RUNNING");
    }

    @Test
    void pagesForbidFramingForeignScriptsAndCaching() throws Exception {
        ConsoleSession session = new ConsoleSession();
        session.signIn(ItEnvironment.ADMIN_USER, System.getProperty(ItEnvironment.ADMIN_PASSWORD));

        HttpResponse<String> page = session.get("/settings.xhtml");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void theSessionCookieStaysWithTheConsole() throws Exception {
        HttpResponse<String> first = new ConsoleSession().get("/index.xhtml");

        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }

    /** The settings form as the page gives it, filled to switch federation on at the test server's address. */
    private static Map<String, String> settingsFormSwitchingFederationOn(ConsoleSession session) throws Exception {
        HttpResponse<String> page = session.get("/settings.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new HashMap<>(ConsoleSession.hiddenFields(
                page.body().substring(page.body().indexOf("id=\"settings\""))));
        assertThat(form).containsKeys("jakarta.faces.ViewState", "parley-csrf");
        form.put("settings", "settings");
        form.put("settings:enabled", "on");
        form.put("settings:mode", "DIRECT");
        form.put("settings:s2sPort", Integer.toString(ItEnvironment.S2S_PORT));
        form.put("settings:s2sBindAddress", ItEnvironment.address());
        form.put("settings:proxyPort", "5275");
        form.put("settings:tlsPolicy", "OPTIONAL");
        form.put("settings:maxLevel", "PERSONAL");
        form.put("settings:outboundRetryWindow", "0");
        form.put("settings:save", "Save and apply");
        return form;
    }
}
