package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The audit trail page in Chromium: the API's filters, and a wrong one named instead of a list. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAuditIT {

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

    @Test
    void findsAnAdministratorsChangeByDomainAndKind() throws Exception {
        String domain = "audited-" + UUID.randomUUID().toString().substring(0, 8) + ".console.test";
        ParleyAdmin.authorize(domain, "PUBLIC", null);

        browser.open("/audit.xhtml");
        browser.type("domain", domain);
        new Select(browser.byId("kind")).selectByValue("SETTINGS_CHANGED");
        browser.byId("search-button").click();

        browser.awaitText("entry-count", "1 entries");
        assertThat(browser.find(By.cssSelector("#entries .remote-domain")).getText()).isEqualTo(domain);
        assertThat(browser.find(By.cssSelector("#entries .detail")).getText()).contains(ItEnvironment.ADMIN_USER)
                .contains(domain);
        assertThat(browser.driver().getCurrentUrl()).contains("domain=" + domain).contains("kind=SETTINGS_CHANGED");
        assertThat(new Select(browser.byId("kind")).getFirstSelectedOption().getText()).isEqualTo("SETTINGS_CHANGED");

        new Select(browser.byId("kind")).selectByValue("REFUSED");
        browser.byId("search-button").click();
        browser.awaitText("entry-count", "0 entries");
    }

    @Test
    void recordsWhoReadAUsersMessages() throws Exception {
        String user = ItEnvironment.localUser("read");
        ParleyAdmin.archived(user);

        browser.open("/audit.xhtml?kind=MESSAGES_READ&limit=20");

        assertThat(browser.driver().findElements(By.cssSelector("#entries .detail")))
                .anySatisfy(detail -> assertThat(detail.getText())
                        .isEqualTo(ItEnvironment.ADMIN_USER + " read the latest 0 stanza(s) kept for " + user));
    }

    @Test
    void namesAWrongFilterInsteadOfListing() {
        browser.open("/audit.xhtml?since=yesterday&limit=5000");

        assertThat(browser.byId("page-messages").getText())
                .contains("since must be an ISO-8601 instant such as 2026-11-26T08:00:00Z, not 'yesterday'")
                .contains("limit must be a whole number from 1 to 1000, not '5000'");
        assertThat(browser.byId("entry-count").getText()).isEqualTo("0 entries");
    }
}
