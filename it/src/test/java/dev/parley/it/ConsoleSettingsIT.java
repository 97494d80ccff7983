package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The federation settings page in Chromium: what an administrator changes there reaches the running engine. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSettingsIT {

    private static ConsoleBrowser browser;

    @BeforeAll
    static void signIn() {
        browser = ConsoleBrowser.signedIn();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    @AfterEach
    void federationOff() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
    }

    private void openSettings() {
        browser.open("/settings.xhtml");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("settings:save")));
    }

    private void chooseMode(String mode) {
        browser.find(By.cssSelector("input[name='settings:mode'][value='" + mode + "']")).click();
    }

    /** Saves and waits for the answer page (the form of the page before goes stale). */
    private void save() {
        WebElement button = browser.byId("settings:save");
        button.click();
        // The old page's button is gone once the answer replaced it; while it loads, asking may fail either way.
        browser.await(driver -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("engine-status")));
    }

    @Test
    void switchesFederationOnInDirectModeOnAnotherPortAndTheListenerMovesThere() throws Exception {
        int port = RawS2s.freePort();
        openSettings();

        browser.byId("settings:enabled").click();
        chooseMode("DIRECT");
        browser.type("settings:s2sPort", Integer.toString(port));
        new Select(browser.byId("settings:s2sBindAddress")).selectByValue(ItEnvironment.address());
        save();

        assertThat(browser.byId("page-messages").getText()).contains("Settings saved and applied");
        assertThat(browser.byId("engine-status").getText())
                .contains("listening for XMPP servers on " + ItEnvironment.address() + ":" + port);
        assertThat(RawS2s.exchange(port, RawS2s.header(ItEnvironment.XMPP_DOMAIN), "</stream:features>",
                "<stream:features/>")).contains("features");
        assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).as("still listening on the standard port").isFalse();
        JsonObject stored = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS));
        assertThat(stored.getInt("s2sPort")).isEqualTo(port);
        assertThat(stored.getString("updatedBy")).isEqualTo(ItEnvironment.ADMIN_USER);
    }

    @Test
    void turnsPrivateFederationOffUnderAdvanced() throws Exception {
        openSettings();
        browser.find(By.cssSelector("#advanced summary")).click();
        WebElement privateFederation = browser.byId("settings:privateFederation");
        assertThat(privateFederation.isSelected()).as("as the tests store it").isTrue();

        privateFederation.click();
        save();

        assertThat(browser.byId("page-messages").getText()).contains("Settings saved and applied");
        JsonObject stored = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS));
        assertThat(stored.getBoolean("privateFederation")).isFalse();
    }

    @Test
    void defaultButtonPutsTheStandardPortBack() throws Exception {
        openSettings();
        browser.byId("settings:enabled").click();
        browser.type("settings:s2sPort", "15999");
        new Select(browser.byId("settings:s2sBindAddress")).selectByValue(ItEnvironment.address());

        browser.byId("s2sPort-default").click();

        assertThat(browser.byId("settings:s2sPort").getDomProperty("value")).isEqualTo("5269");
        save();
        assertThat(browser.byId("engine-status").getText())
                .contains(ItEnvironment.address() + ":" + ItEnvironment.S2S_PORT);
        assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).isTrue();
    }

    @Test
    void offersThisMachinesAddressesToListenOn() {
        openSettings();

        assertThat(new Select(browser.byId("settings:s2sBindAddress")).getOptions())
                .extracting(option -> option.getDomProperty("value"))
                .contains("0.0.0.0", "::", ItEnvironment.address(), "127.0.0.1");
    }

    @Test
    void showsEachProblemNextToItsFieldAndStoresNothing() throws Exception {
        String before = ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body();
        openSettings();

        browser.type("settings:otherBindAddress", "not-an-address");
        chooseMode("PROXY");
        browser.type("settings:proxyHost", "dmz proxy!");
        save();

        assertThat(browser.find(By.cssSelector("#proxy")).getText())
                .contains("proxyHost 'dmz proxy!' is neither a host name nor an IP address");
        assertThat(browser.find(By.cssSelector("#direct")).getText())
                .contains("s2sBindAddress: 'not-an-address' is not an IP address");
        assertThat(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body()).isEqualTo(before);
    }

    @Test
    void switchesToProxyModeAndBackWithoutTheProxyPasswordEverReachingThePage() throws Exception {
        String password = "console-proxy-" + System.nanoTime();
        openSettings();
        browser.byId("settings:enabled").click();
        chooseMode("PROXY");
        browser.type("settings:proxyHost", "dmz-proxy.corp.test");
        browser.byId("proxyPort-default").click();
        browser.type("settings:proxyPassword", password);
        browser.byId("settings:proxyTls").click();
        save();

        // No proxy answers at that name here: the line on top says the link is down, and what happens meanwhile.
        assertThat(browser.byId("engine-status").getText()).contains("XMPP Proxy mode")
                .contains("the link to the proxy at dmz-proxy.corp.test:5275 is down").contains("tried again");
        assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).as("Parley's own S2S port in proxy mode").isFalse();
        JsonObject proxy = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS));
        assertThat(proxy.getString("mode")).isEqualTo("PROXY");
        assertThat(proxy.getInt("proxyPort")).isEqualTo(5275);
        assertThat(proxy.getBoolean("proxyPasswordSet")).isTrue();
        assertThat(proxy.getBoolean("proxyTls")).as("the link inside TLS, as ticked").isTrue();
        assertThat(browser.byId("settings:proxyTls").isSelected()).isTrue();
        assertThat(browser.pageSource()).doesNotContain(password);
        assertThat(browser.byId("settings:proxyPassword").getDomProperty("value")).isEmpty();

        chooseMode("DIRECT");
        new Select(browser.byId("settings:s2sBindAddress")).selectByValue(ItEnvironment.address());
        save();

        assertThat(browser.byId("engine-status").getText()).contains("listening for XMPP servers on");
        assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).isTrue();
        JsonObject direct = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS));
        assertThat(direct.getString("mode")).isEqualTo("DIRECT");
        assertThat(direct.getBoolean("proxyPasswordSet")).as("an empty password field keeps the stored one").isTrue();
        assertThat(ServerLog.text()).doesNotContain(password);
    }
}
