package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ServerCertificate;
import dev.parley.it.peers.SubjectAltNames;
import dev.parley.it.peers.TestCa;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The federation tester in Chromium against a real Prosody that requires TLS with certificates from the test CA and
 * authenticates by SASL EXTERNAL: running, every step passes; stopped, the connection fails and the page says so.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTesterIT {

    private static final String PROSODY = "prosody.tester.test";
    private static final PeerSecurity SECURITY = PeerSecurity.STARTTLS_CA_SASL_EXTERNAL;
    private static final URI CERTIFICATE = ParleyHttp.app("/api/admin/certificate");
    private static final URI TRUSTED_CAS = ParleyHttp.app("/api/admin/trusted-cas");
    private static final URI TESTS = ParleyHttp.app("/api/admin/federation/tests");
    /** Longer than the tester's own limit for a whole test (20 s). */
    private static final Duration TEST_RUN = Duration.ofSeconds(40);

    private static RealPeers prosody;
    private static ConsoleBrowser browser;
    private static long trustedCaId;

    @BeforeAll
    static void start() throws Exception {
        prosody = RealPeers.prosody(PROSODY, SECURITY);
        TestCa ca = prosody.ca();
        ServerCertificate parley = ca.issue(ItEnvironment.XMPP_DOMAIN, CertificateKind.VALID, SubjectAltNames.DNS_NAME_ONLY);
        HttpResponse<String> installed = ParleyHttp.asAdmin().put(CERTIFICATE, Json.createObjectBuilder()
                .add("privateKey", Files.readString(parley.key())).add("chain", Files.readString(parley.chain()))
                .build().toString());
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        HttpResponse<String> trusted = ParleyHttp.asAdmin().post(TRUSTED_CAS,
                Json.createObjectBuilder().add("pem", Files.readString(ca.certificateFile())).build().toString());
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(201);
        trustedCaId = ((JsonObject) ParleyHttp.json(trusted)).getJsonNumber("id").longValue();
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(PROSODY, "PUBLIC", null);
        ParleyAdmin.restartFederation(Federation.on());
        browser = ConsoleBrowser.signedIn();
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        ParleyHttp.asAdmin().delete(URI.create(TRUSTED_CAS + "/" + trustedCaId));
        ParleyHttp.asAdmin().delete(CERTIFICATE);
        for (AutoCloseable resource : new AutoCloseable[] {browser, prosody}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    private void test(String domain) {
        browser.open("/tester.xhtml");
        browser.type("tester:domain", domain);
        browser.byId("tester:run").click();
        new WebDriverWait(browser.driver(), TEST_RUN).until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
    }

    private List<WebElement> steps() {
        return browser.driver().findElements(By.cssSelector("#steps tr.step"));
    }

    private static String outcomeOf(WebElement step) {
        return step.findElement(By.className("outcome")).getText();
    }

    private static String kindOf(WebElement step) {
        return step.findElement(By.className("kind")).getText();
    }

    @Test
    @Order(1)
    void everyStepPassesAgainstARunningProsody() {
        test(PROSODY);

        assertThat(browser.byId("verdict").getText()).startsWith(PROSODY + " federates");
        assertThat(steps()).extracting(ConsoleTesterIT::kindOf)
                .contains("DNS_SRV", "DNS_ADDRESSES", "TCP", "STREAM", "TLS", "CERTIFICATE", "AUTHENTICATION", "PING");
        assertThat(steps()).allSatisfy(step -> assertThat(outcomeOf(step)).as(step.getText()).isEqualTo("PASSED"));
        assertThat(steps().stream().filter(step -> kindOf(step).equals("AUTHENTICATION")).findFirst().orElseThrow()
                .getText()).contains("accepted " + ItEnvironment.XMPP_DOMAIN + " by SASL EXTERNAL");
    }

    @Test
    @Order(2)
    void showsTheRecordsToPublishAndThatTheCertificateCoversThem() {
        browser.open("/tester.xhtml");

        assertThat(browser.byId("dns-records").getText()).contains("_xmpp-server._tcp." + ItEnvironment.XMPP_DOMAIN
                + ". 3600 IN SRV 0 5 " + ItEnvironment.S2S_PORT + " xmpp." + ItEnvironment.XMPP_DOMAIN + ".");
        assertThat(browser.byId("certificate-coverage").getText()).contains("names " + ItEnvironment.XMPP_DOMAIN);
    }

    @Test
    @Order(3)
    void aStoppedProsodyFailsAtTheConnectionAndThePageSaysWhy() throws Exception {
        prosody.stopServers();

        test(PROSODY);

        assertThat(browser.byId("verdict").getText()).contains(PROSODY + " cannot be reached").contains("refused");
        WebElement tcp = steps().stream().filter(step -> kindOf(step).equals("TCP")).findFirst().orElseThrow();
        assertThat(outcomeOf(tcp)).isEqualTo("FAILED");
        assertThat(tcp.getText()).contains("refused");
        assertThat(steps().stream().filter(step -> kindOf(step).equals("PING")).findFirst().orElseThrow())
                .satisfies(ping -> assertThat(outcomeOf(ping)).isEqualTo("SKIPPED"));

        HttpResponse<String> api = ParleyHttp.asAdmin().post(TESTS,
                Json.createObjectBuilder().add("domain", PROSODY).build().toString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonObject report = (JsonObject) ParleyHttp.json(api);
        assertThat(report.getBoolean("passed")).isFalse();
        assertThat(report.getString("verdict")).contains("cannot be reached");
    }

    @Test
    @Order(4)
    void contactsNoDomainWithoutAnAuthorization() {
        test("unauthorized.tester.test");

        assertThat(browser.byId("verdict").getText()).contains("not authorized")
                .endsWith("the tester contacts only domains this server may federate with; add a domain authorization"
                        + " first");
        assertThat(steps()).isEmpty();
    }

    @Test
    @Order(5)
    void refusesARequestWithoutADomain() throws Exception {
        HttpResponse<String> api = ParleyHttp.asAdmin().post(TESTS, "{}");

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("domain is required");
    }
}
