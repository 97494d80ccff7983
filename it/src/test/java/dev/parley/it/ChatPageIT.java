package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.XmppUser;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person tries federation in a browser (headless Chromium): signs in to the chat page as a local user, accepts a
 * real Prosody user's subscription request that arrives while the page is open, chats with them and sees their
 * presence change, all without reloading.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPageIT {

    private static final String PROSODY = "prosody.chat.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RealPeers prosody;

    @BeforeAll
    static void start() throws Exception {
        prosody = RealPeers.prosody(PROSODY, PeerSecurity.NO_TLS_DIALBACK);
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(PROSODY, "PERSONAL", null);
        ParleyAdmin.restartFederation(Federation.on());
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        if (prosody != null) {
            prosody.close();
        }
    }

    @Test
    void aLocalUserAcceptsAProsodyUserChatsAndSeesTheirPresence() throws Exception {
        String erin = ItEnvironment.localUser("erin");
        try (XmppUser tina = prosody.user("tina", "secret-tina");
             ConsoleBrowser browser = ConsoleBrowser.start()) {
            tina.approveSubscriptionRequests();
            browser.open("/chat/");
            browser.signIn(erin.substring(0, erin.indexOf('@')), ParleyUsers.PASSWORD);
            browser.awaitText("signed-in-as", erin);
            browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main[data-following='true']")));

            // tina's request arrives while the page is open: the page shows it without a reload.
            tina.requestSubscription(erin);
            String tinaRow = "li.contact[data-jid='" + tina.jid() + "']";
            browser.await(ExpectedConditions.elementToBeClickable(By.cssSelector(tinaRow + " input.accept"))).click();
            Eventually.equals("tina sees erin", () -> tina.subscription(erin), "to", WAIT);
            Eventually.equals("erin available for tina", () -> tina.presenceOf(erin), "available", WAIT);

            // erin asks to see tina too; tina's client says yes; tina's presence changes show on the page.
            browser.type("add-contact:new-contact", tina.jid());
            browser.byId("add-contact:add").click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(tinaRow + " .contact-presence"), "AVAILABLE"));
            tina.announce("away", "out for lunch");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(tinaRow + " .contact-presence"), "AWAY — out for lunch"));

            // A conversation both ways.
            browser.find(By.cssSelector(tinaRow + " a.contact-name")).click();
            browser.awaitText("with", tina.jid());
            browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main[data-following='true']")));
            browser.type("chat:text", "Hello Tina, from a browser");
            browser.byId("chat:send").click();
            assertThat(tina.awaitMessage(erin, WAIT)).isEqualTo("Hello Tina, from a browser");
            browser.awaitText("conversation", "Hello Tina, from a browser");
            browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main[data-following='true']")));
            tina.send(erin, "Hello Erin, from Prosody");
            browser.awaitText("conversation", "Hello Erin, from Prosody");

            browser.byId("account:sign-out").click();
            Eventually.equals("erin signed out", () -> tina.presenceOf(erin), "unavailable", WAIT);
        }
    }
}
