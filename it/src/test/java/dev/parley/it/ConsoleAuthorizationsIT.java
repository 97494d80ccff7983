package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The domain authorizations page in Chromium: add, find, edit, conflicting edits, delete, pages. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAuthorizationsIT {

    private static ConsoleBrowser browser;

    @BeforeAll
    static void signIn() {
        browser = ConsoleBrowser.signedIn();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        ParleyAdmin.revokeTestAuthorizations();
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void noTestAuthorizations() throws Exception {
        ParleyAdmin.revokeTestAuthorizations();
    }

    private static String uniqueDomain(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + ".console.test";
    }

    private void search(String text) {
        browser.open("/authorizations.xhtml");
        browser.type("q", text);
        browser.byId("search-button").click();
        browser.await(ExpectedConditions.urlContains("q="));
        browser.awaitText("match-count", text);
    }

    private List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#list\\:authorizations tbody tr"));
    }

    private JsonObject stored(String pattern) throws Exception {
        return ((jakarta.json.JsonArray) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyAdmin.AUTHORIZATIONS)))
                .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("pattern").equals(pattern))
                .findFirst().orElse(null);
    }

    private void openEditor(String domain) {
        search(domain);
        browser.find(By.linkText(domain)).click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("authorization:save")));
    }

    @Test
    void addsAnAuthorizationThatTheApiThenHas() throws Exception {
        String domain = uniqueDomain("partner");
        browser.open("/authorizations.xhtml");
        browser.byId("add").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("authorization:pattern")));

        browser.type("authorization:pattern", "*." + domain);
        new Select(browser.byId("authorization:level")).selectByValue("TEAM_MEMBER");
        new Select(browser.byId("authorization:tlsPolicy")).selectByValue("REQUIRED_VALID_CERT");
        browser.type("authorization:note", "added in the console");
        browser.byId("authorization:save").click();

        browser.awaitText("page-messages", "Added *." + domain);
        JsonObject stored = stored("*." + domain);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("level")).isEqualTo("TEAM_MEMBER");
        assertThat(stored.getString("tlsPolicy")).isEqualTo("REQUIRED_VALID_CERT");
        assertThat(stored.getString("note")).isEqualTo("added in the console");
        assertThat(stored.getString("createdBy")).isEqualTo(ItEnvironment.ADMIN_USER);
    }

    @Test
    void refusesAnInvalidPatternWithTheReasonAndStoresNothing() throws Exception {
        browser.open("/authorization.xhtml");
        browser.type("authorization:pattern", "not a domain!");
        browser.byId("authorization:save").click();

        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#page-messages .error")));
        assertThat(browser.byId("page-messages").getText()).isNotBlank();
        assertThat(stored("not a domain!")).isNull();
    }

    @Test
    void findsEditsAndDeletesAnAuthorization() throws Exception {
        String domain = uniqueDomain("edit");
        ParleyAdmin.authorize(domain, "PUBLIC", null);

        openEditor(domain);
        new Select(browser.byId("authorization:level")).selectByValue("PERSONAL");
        browser.byId("authorization:save").click();
        browser.awaitText("page-messages", "Saved " + domain);
        assertThat(stored(domain).getString("level")).isEqualTo("PERSONAL");

        search(domain);
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).getText()).contains(domain).contains("PERSONAL");
        browser.clickConfirming(rows().get(0).findElement(By.cssSelector("input[type=submit]")));

        browser.awaitText("page-messages", "Deleted");
        assertThat(stored(domain)).isNull();
    }

    @Test
    void reportsAnotherAdministratorsChangeAsAConflictInsteadOfOverwritingIt() throws Exception {
        String domain = uniqueDomain("conflict");
        long id = ParleyAdmin.authorize(domain, "PUBLIC", null);
        openEditor(domain);

        long version = stored(domain).getJsonNumber("version").longValue();
        HttpResponse<String> meanwhile = ParleyHttp.asAdmin().put(URI.create(ParleyAdmin.AUTHORIZATIONS + "/" + id),
                Json.createObjectBuilder().add("pattern", domain).add("protocol", "XMPP").add("level", "BLOCKED")
                        .addNull("tlsPolicy").add("note", "blocked by a colleague").add("version", version).build().toString());
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);
        new Select(browser.byId("authorization:level")).selectByValue("PERSONAL");
        browser.byId("authorization:save").click();

        browser.awaitText("page-messages", "Another administrator changed this authorization");
        assertThat(browser.byId("page-messages").getText()).contains("BLOCKED").contains("blocked by a colleague");
        assertThat(stored(domain).getString("level")).isEqualTo("BLOCKED");
    }

    @Test
    void showsTwentyAuthorizationsAPage() throws Exception {
        String zone = "page-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 25; i++) {
            ParleyAdmin.authorize(String.format("d%02d.%s.console.test", i, zone), "PUBLIC", null);
        }

        search(zone);
        assertThat(browser.byId("match-count").getText()).contains("25 authorization(s)").contains("page 1 of 2");
        assertThat(rows()).hasSize(20);
        browser.byId("next-page").click();
        browser.awaitText("match-count", "page 2 of 2");
        assertThat(rows()).hasSize(5);
        assertThat(rows().get(4).getText()).contains("d24." + zone);
    }

    @Test
    void importsACsvFileAfterShowingWhatItWouldChange() throws Exception {
        String changed = uniqueDomain("csv-change");
        String added = uniqueDomain("csv-add");
        ParleyAdmin.authorize(changed, "PUBLIC", null);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("authorizations", ".csv");
        try {
            java.nio.file.Files.writeString(file, "pattern,protocol,level,tlsPolicy,note\n"
                    + changed + ",XMPP,BUSINESS,,\n*." + added + ",XMPP,PERSONAL,REQUIRED_VALID_CERT,\"from a file, quoted\"\n");
            browser.open("/authorizations.xhtml");
            browser.byId("import").click();
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("upload:file")));
            browser.byId("upload:file").sendKeys(file.toString());
            browser.byId("upload:preview").click();

            browser.awaitText("summary", "1 to add, 1 to change");
            assertThat(browser.byId("plan").getText()).contains("level PUBLIC → BUSINESS").contains("*." + added);
            assertThat(stored("*." + added)).as("a preview changes nothing").isNull();

            browser.byId("apply:apply-button").click();
            browser.awaitText("page-messages", "Imported: 1 added, 1 changed");
            assertThat(stored(changed).getString("level")).isEqualTo("BUSINESS");
            assertThat(stored("*." + added).getString("note")).isEqualTo("from a file, quoted");
            assertThat(stored("*." + added).getString("tlsPolicy")).isEqualTo("REQUIRED_VALID_CERT");

            String exported = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[0]; fetch('authorizations.csv').then(r => r.text()).then(done);");
            assertThat(exported.lines()).startsWith("pattern,protocol,level,tlsPolicy,note")
                    .contains("*." + added + ",XMPP,PERSONAL,REQUIRED_VALID_CERT,\"from a file, quoted\"");
            HttpResponse<String> api = ParleyHttp.asAdmin().get(URI.create(ParleyAdmin.AUTHORIZATIONS + "/export"));
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(api.body()).as("RFC 4180 line ends").startsWith("pattern,protocol,level,tlsPolicy,note\r\n")
                    .contains("*." + added + ",XMPP,PERSONAL,REQUIRED_VALID_CERT,\"from a file, quoted\"\r\n");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void theApiImportsNothingWhileALineIsInvalid() throws Exception {
        String domain = uniqueDomain("csv-api");
        String csv = "pattern,protocol,level,tlsPolicy,note\n" + domain + ",XMPP,PUBLIC,,\nnot a domain!,XMPP,PUBLIC,,\n";
        URI imports = URI.create(ParleyAdmin.AUTHORIZATIONS + "/import");

        HttpResponse<String> dryRun = ParleyHttp.asAdmin().postText(imports, csv);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonObject plan = (JsonObject) ParleyHttp.json(dryRun);
        assertThat(plan.getBoolean("applied")).isFalse();
        assertThat(plan.getInt("added")).isEqualTo(1);
        assertThat(plan.getInt("invalid")).isEqualTo(1);

        HttpResponse<String> apply = ParleyHttp.asAdmin().postText(URI.create(imports + "?apply=true"), csv);
        assertThat(apply.statusCode()).isEqualTo(400);
        assertThat(apply.body()).contains("line 3: pattern 'not a domain!'");
        assertThat(stored(domain)).isNull();
    }

    @Test
    void refusesAnOversizedUploadWithAReason() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("huge", ".csv");
        try {
            java.nio.file.Files.write(file, new byte[5 * 1024 * 1024]);
            browser.open("/authorizations-import.xhtml");
            browser.byId("upload:file").sendKeys(file.toString());
            browser.byId("upload:preview").click();

            browser.await(driver -> driver.getPageSource().contains("larger than the console takes"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
