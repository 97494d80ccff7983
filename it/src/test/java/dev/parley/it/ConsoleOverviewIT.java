package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The home page's charts in Chromium: sampled from Parley's meters, drawn, and following a stanza that bounced. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleOverviewIT {

    private static ConsoleBrowser browser;

    @BeforeAll
    static void signIn() throws Exception {
        ParleyAdmin.settings(Federation.on());
        browser = ConsoleBrowser.signedIn();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures() {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[0]; fetch('overview-figures.json').then(r => r.json()).then(done);");
    }

    @Test
    void chartsTheMetersAndFollowABouncedStanza() throws Exception {
        browser.open("/index.xhtml");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-scale"), "since the server started"));
        wait.until(driver -> driver.findElement(By.cssSelector("#chart-sessions polyline.inbound"))
                .getAttribute("points").split(" ").length >= 2);
        long bouncedBefore = ((Number) figures().get("bounced")).longValue();

        try (ParleyJms jms = ParleyJms.connect()) {
            jms.sendChat(ItEnvironment.localUser("chartist"), "someone@unauthorized-" + System.nanoTime() + ".test",
                    "bounced, and charted");
        }

        wait.until(driver -> ((Number) figures().get("bounced")).longValue() == bouncedBefore + 1);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-scale"),
                (bouncedBefore + 1) + " bounced"));
        assertThat(browser.find(By.cssSelector("#chart-stanzas polyline.bounced")).getAttribute("points")).isNotBlank();
    }
}
