package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.XmppUser;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The live federation page in Chromium, with a real Prosody connecting to Parley. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSessionsIT {

    private static final String PROSODY = "prosody.console.test";
    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private static RealPeers prosody;
    private static XmppUser rita;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        prosody = RealPeers.prosody(PROSODY, PLAIN);
        rita = prosody.user("rita", "secret-rita");
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(PROSODY, "PUBLIC", null);
        ParleyAdmin.restartFederation(Federation.on());
        browser = ConsoleBrowser.signedIn();
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        for (AutoCloseable resource : new AutoCloseable[] {browser, rita, prosody}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    private WebElement sessionRowOf(String domain) {
        return browser.await(driver -> driver.findElements(By.cssSelector("tr.session")).stream()
                .filter(row -> row.findElement(By.className("remote-domains")).getText().contains(domain))
                .findFirst().orElse(null));
    }

    @Test
    void aSessionFromARealPeerAppearsWithoutReloadingAndClosesOnRequest() throws Exception {
        browser.open("/sessions.xhtml");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("session-count")));
        assertThat(browser.driver().findElements(By.cssSelector("tr.session")))
                .noneMatch(row -> row.getText().contains(PROSODY));

        String alice = ItEnvironment.localUser("alice");
        rita.send(alice, "hello, console");
        ParleyAdmin.awaitArchived(alice, any -> true, DELIVERY);

        WebElement row = sessionRowOf(PROSODY);
        assertThat(row.getText()).contains("INBOUND").contains("DIALBACK").contains(ItEnvironment.XMPP_DOMAIN);

        assertThat(browser.byId("session-count").getText()).doesNotStartWith("0 ");

        browser.clickConfirming(row.findElement(By.cssSelector("input.close-session")));

        browser.awaitText("page-messages", "Closed the inbound session with " + PROSODY);
        assertThat(ParleyAdmin.federationStatus().getJsonArray("sessions").getValuesAs(JsonObject.class))
                .noneMatch(session -> "INBOUND".equals(session.getString("direction"))
                        && session.getJsonArray("remoteDomains").toString().contains(PROSODY));
        ParleyAdmin.awaitAudit(PROSODY, entry -> "SESSION_CLOSED_BY_ADMIN".equals(entry.getString("kind"))
                && entry.toString().contains(ItEnvironment.ADMIN_USER), DELIVERY);
    }
}
