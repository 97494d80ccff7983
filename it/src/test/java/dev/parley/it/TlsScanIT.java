package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.ServerCertificate;
import dev.parley.it.peers.SubjectAltNames;
import dev.parley.it.peers.TestCa;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * testssl.sh, the field's TLS scanner, against the STARTTLS of Parley's S2S port in WildFly, with a CA-issued
 * certificate installed as an administrator would, EC and RSA: no finding of severity HIGH or CRITICAL (protocols, ciphers,
 * forward secrecy, known vulnerabilities, the certificate, which is shaped as a public CA's: a year's validity and
 * where its revocation is published). testssl.sh 3.0 speaks XMPP only as a client, so its connections pass a
 * {@link ServerNamespaceRelay}; the TLS it scans is Parley's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsScanIT {

    private static final URI CERTIFICATE = ParleyHttp.app("/api/admin/certificate");
    private static final Duration SCAN_AT_MOST = Duration.ofMinutes(15);
    private static final List<String> FAILING = List.of("HIGH", "CRITICAL");

    @Test
    void testsslFindsNothingHighOrCriticalInParleysStartTlsWithAnEcCertificate() throws Exception {
        scanWith(CertificateKind.AS_A_PUBLIC_CA_ISSUES);
    }

    /** An RSA key brings ECDHE_RSA suites into TLS 1.2; RSA key transport must stay out. */
    @Test
    void testsslFindsNothingHighOrCriticalInParleysStartTlsWithAnRsaCertificate() throws Exception {
        scanWith(CertificateKind.RSA_AS_A_PUBLIC_CA_ISSUES);
    }

    private static void scanWith(CertificateKind kind) throws Exception {
        Path dir = Files.createTempDirectory("parley-tls-scan");
        TestCa ca = TestCa.create(dir.resolve("ca"));
        ServerCertificate parley = ca.issue(ItEnvironment.XMPP_DOMAIN, kind, SubjectAltNames.DNS_NAME_ONLY);
        HttpResponse<String> installed = ParleyHttp.asAdmin().put(CERTIFICATE, Json.createObjectBuilder()
                .add("privateKey", Files.readString(parley.key())).add("chain", Files.readString(parley.chain()))
                .build().toString());
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        try {
            ParleyAdmin.settings(Federation.on().withTlsPolicy("REQUIRED_IGNORE_CERT_ERRORS"));
            try (ServerNamespaceRelay relay = ServerNamespaceRelay.start(ItEnvironment.loopback(ItEnvironment.address()),
                    new InetSocketAddress(ItEnvironment.loopback(ItEnvironment.address()), ItEnvironment.S2S_PORT))) {
                JsonArray findings = scan(dir, ca, relay.port());

                assertThat(findings).as("what testssl.sh reported").isNotEmpty();
                assertThat(findings.getValuesAs(JsonObject.class))
                        .as("findings of severity HIGH or CRITICAL (all findings: %s)", dir.resolve("testssl.json"))
                        .filteredOn(finding -> FAILING.contains(finding.getString("severity", "")))
                        .extracting(finding -> finding.getString("id") + ": " + finding.getString("finding"))
                        .isEmpty();
                assertThat(findings.getValuesAs(JsonObject.class))
                        .as("the key exchange of every cipher suite offered: ephemeral ECDH, never RSA key transport")
                        .filteredOn(finding -> finding.getString("id").startsWith("cipher_x")).isNotEmpty()
                        .allSatisfy(finding -> assertThat(finding.getString("finding").split("\\s+")[2])
                                .as(finding.getString("finding")).isEqualTo("ECDH"));
                assertThat(findings.getValuesAs(JsonObject.class)).as("TLS 1.3 offered")
                        .anySatisfy(finding -> assertThat(finding.getString("id") + " " + finding.getString("finding"))
                                .isEqualTo("TLS1_3 offered with final"));
            }
        } finally {
            ParleyAdmin.settings(Federation.on().off());
            ParleyHttp.asAdmin().delete(CERTIFICATE);
        }
    }

    /** Runs testssl.sh against the relay, trusting the test CA, and returns its findings. */
    private static JsonArray scan(Path dir, TestCa ca, int port) throws IOException, InterruptedException {
        Path json = dir.resolve("testssl.json");
        Path console = dir.resolve("testssl.log");
        Process testssl = new ProcessBuilder("testssl", "--quiet", "--color", "0", "--warnings", "off",
                "--nodns", "none", "--add-ca", ca.certificateFile().toString(),
                "--starttls", "xmpp", "--xmpphost", ItEnvironment.XMPP_DOMAIN,
                "--jsonfile", json.toString(), ItEnvironment.address() + ":" + port)
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        if (!testssl.waitFor(SCAN_AT_MOST.toMinutes(), TimeUnit.MINUTES)) {
            testssl.destroyForcibly();
            throw new AssertionError("testssl.sh did not finish within " + SCAN_AT_MOST + "; its output: " + console);
        }
        assertThat(json).as("testssl.sh wrote its findings (exit %s; output in %s)", testssl.exitValue(), console)
                .exists();
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(json)))) {
            return reader.readArray();
        }
    }
}
