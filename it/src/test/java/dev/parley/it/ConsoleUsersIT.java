package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An administrator keeps local users in the console: adds, edits, disables them and imports a CSV file of them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleUsersIT {

    private static final URI ME = ParleyHttp.app("/api/user/me");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    private static ConsoleBrowser browser;

    @BeforeAll
    static void signIn() {
        browser = ConsoleBrowser.signedIn();
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorAddsEditsAndDisablesAUser() throws Exception {
        String name = "fiona-" + UUID.randomUUID().toString().substring(0, 8);
        Path photo = Files.createTempFile("photo", ".png");
        try {
            Files.write(photo, PNG);
            browser.open("/users.xhtml");
            browser.byId("add").click();
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("user:userName")));
            browser.type("user:userName", name);
            browser.type("user:displayName", "Fiona Gallagher");
            browser.type("user:company", "Parley Corp");
            browser.type("user:businessPhones", "+41 44 123 45 67, +41 44 123 45 00");
            browser.type("user:email", "not an address");
            browser.type("user:password", "fiona's password");
            browser.byId("user:photo").sendKeys(photo.toString());
            browser.byId("user:save").click();
            browser.awaitText("page-messages", "email 'not an address' is not an e-mail address");
            assertThat(ParleyHttp.asAdmin().get(ParleyUsers.user(name)).statusCode()).as("nothing created").isEqualTo(404);
            assertThat(browser.byId("user:password").getAttribute("value")).as("no password back to the page").isEmpty();

            browser.type("user:email", "fiona@corp.example");
            browser.type("user:password", "fiona's password");
            browser.byId("user:photo").sendKeys(photo.toString());
            browser.byId("user:save").click();
            browser.awaitText("page-messages", "Added " + name + " (Fiona Gallagher)");
            JsonObject stored = ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyUsers.user(name))).asJsonObject();
            assertThat(stored.getJsonArray("businessPhones").toString()).isEqualTo("[\"+41 44 123 45 67\",\"+41 44 123 45 00\"]");
            assertThat(stored.getJsonObject("photo").getString("type")).isEqualTo("image/png");
            assertThat(ParleyHttp.as(name, "fiona's password").get(ME).statusCode()).isEqualTo(200);

            browser.find(By.linkText(name)).click();
            browser.awaitText("photo-stored", "image/png, " + PNG.length + " bytes");
            browser.type("user:title", "Buyer");
            browser.find(By.id("user:enabled")).click();
            browser.byId("user:save").click();
            browser.awaitText("page-messages", "Saved " + name);
            assertThat(browser.find(By.xpath("//tr[.//a[text()='" + name + "']]")).getText()).contains("Buyer", "disabled");
            assertThat(ParleyHttp.as(name, "fiona's password").get(ME).statusCode()).as("disabled").isEqualTo(401);
            JsonObject edited = ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyUsers.user(name))).asJsonObject();
            assertThat(edited.getJsonObject("photo").getString("type")).as("the photo stays").isEqualTo("image/png");
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    @Test
    void anAdministratorImportsUsersFromCsvAfterAPreview() throws Exception {
        String changed = "greg-" + UUID.randomUUID().toString().substring(0, 8);
        String added = "hana-" + UUID.randomUUID().toString().substring(0, 8);
        ParleyUsers.create(changed);
        Path file = Files.createTempFile("users", ".csv");
        try {
            Files.writeString(file, "userName,displayName,title,company,department,businessPhones,email,mobile,"
                    + "privatePhone,enabled,password\n"
                    + changed + ",Greg,Engineer,,,,,,,true,\n"
                    + added + ",\"Hana, from a file\",,Parley Corp,,+41 1;+41 2,,,,true,hana's password\n");
            browser.open("/users.xhtml");
            browser.byId("import").click();
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("upload:file")));
            browser.byId("upload:file").sendKeys(file.toString());
            browser.byId("upload:preview").click();

            browser.awaitText("summary", "1 to add, 1 to change");
            assertThat(browser.byId("plan").getText()).contains("displayName, title").contains(added)
                    .doesNotContain("hana's password");
            assertThat(ParleyHttp.asAdmin().get(ParleyUsers.user(added)).statusCode()).as("a preview adds nobody")
                    .isEqualTo(404);

            browser.byId("apply:apply-button").click();
            browser.awaitText("page-messages", "Imported: 1 added, 1 changed");
            assertThat(ParleyHttp.as(added, "hana's password").get(ME).statusCode()).isEqualTo(200);
            JsonObject greg = ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyUsers.user(changed))).asJsonObject();
            assertThat(greg.getString("title")).isEqualTo("Engineer");

            HttpResponse<String> export = ParleyHttp.asAdmin().get(ParleyUsers.USERS, "text/csv");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.body()).contains(added + ",\"Hana, from a file\",,Parley Corp,,'+41 1;+41 2,,,,true,\r\n")
                    .doesNotContain("hana's password");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
