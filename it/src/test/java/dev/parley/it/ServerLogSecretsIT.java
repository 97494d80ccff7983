package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.ServerCertificate;
import dev.parley.it.peers.SubjectAltNames;
import dev.parley.it.peers.TestCa;
import jakarta.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret reaches the server's logs: this test does what handles secrets — a local user created, signed in and
 * refused with a wrong password, a proxy password stored and used by a link that keeps failing, a certificate's key
 * installed — then reads every log file the server wrote in this run (every test class before it included) for those
 * secrets, the operator passwords, Parley's sealing key and any private key in PEM form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerLogSecretsIT {

    private static final URI CERTIFICATE = ParleyHttp.app("/api/admin/certificate");
    private static final URI ME = ParleyHttp.app("/api/user/me");

    @Test
    void noSecretReachesTheServerLog() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the admin password", System.getProperty(ItEnvironment.ADMIN_PASSWORD));
        secrets.put("the integration password", System.getProperty(ItEnvironment.INTEGRATION_PASSWORD));
        String userName = "secretive-" + UUID.randomUUID();
        String userPassword = "user password " + UUID.randomUUID();
        String wrongPassword = "wrong password " + UUID.randomUUID();
        String proxyPassword = "proxy password " + UUID.randomUUID();
        secrets.put("a local user's password", userPassword);
        secrets.put("a wrong password tried", wrongPassword);
        secrets.put("the proxy password", proxyPassword);
        Path dir = Files.createTempDirectory("parley-log-secrets");
        ServerCertificate certificate = TestCa.create(dir.resolve("ca")).issue(ItEnvironment.XMPP_DOMAIN,
                CertificateKind.VALID, SubjectAltNames.DNS_NAME_ONLY);
        String privateKey = Files.readString(certificate.key());
        secrets.put("the certificate's private key", privateKeyBody(privateKey));
        try {
            HttpResponse<String> created = ParleyHttp.asAdmin().post(ParleyUsers.USERS, Json.createObjectBuilder()
                    .add("userName", userName).add("displayName", "Secretive").add("password", userPassword).build()
                    .toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(ParleyHttp.as(userName, userPassword).get(ME).statusCode()).isEqualTo(200);
            assertThat(ParleyHttp.as(userName, wrongPassword).get(ME).statusCode()).isEqualTo(401);
            HttpResponse<String> installed = ParleyHttp.asAdmin().put(CERTIFICATE, Json.createObjectBuilder()
                    .add("privateKey", privateKey).add("chain", Files.readString(certificate.chain()))
                    .build().toString());
            assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
            ParleyAdmin.settings(Federation.on().throughProxy(ItEnvironment.address(), closedPort(), proxyPassword));
            // The link to a proxy that is not there fails and is tried again, and each failure is logged.
            Thread.sleep(3_000);
        } finally {
            ParleyAdmin.settings(Federation.on().off());
            ParleyHttp.asAdmin().delete(CERTIFICATE);
            ParleyHttp.asAdmin().delete(ParleyUsers.user(userName.toLowerCase()));
        }
        secrets.put("Parley's sealing key (Base64)", Base64.getEncoder().encodeToString(sealingKey()));
        secrets.put("Parley's sealing key (hex)", HexFormat.of().formatHex(sealingKey()));

        List<Path> logs = serverLogs();
        assertThat(logs).as("the server's log files").isNotEmpty();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertThat(text).as("%s holds a PEM private key", log).doesNotContain("PRIVATE KEY-----");
            secrets.forEach((what, secret) -> assertThat(text).as("%s holds %s", log, what).doesNotContain(secret));
        }
    }

    /** The key's Base64 without its PEM lines, one line of it: what would show if the key were logged. */
    private static String privateKeyBody(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
    }

    private static byte[] sealingKey() throws IOException {
        return Files.readAllBytes(serverDir().resolve("standalone/data/parley/secret.key"));
    }

    private static List<Path> serverLogs() throws IOException {
        try (Stream<Path> files = Files.list(serverDir().resolve("standalone/log"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Path serverDir() {
        return Path.of(System.getProperty("parley.it.server.dir"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, ItEnvironment.loopback(ItEnvironment.address()))) {
            return probe.getLocalPort();
        }
    }
}
