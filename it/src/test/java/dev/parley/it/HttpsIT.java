package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console and the API over HTTPS with the self-signed certificate Parley generates on first use, and plain HTTP
 * from another machine redirected to it (another loopback address stands in for another machine).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpsIT {

    /**
     * Accepts the generated self-signed certificate, which is what this test looks at; never used elsewhere. An
     * extended trust manager, so that the JDK adds no check of its own (the certificate names an IP address as CN).
     */
    private static SSLContext acceptingAnyCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    @Test
    void theApiAndTheConsoleAnswerOverHttpsWithAGeneratedCertificate() throws Exception {
        SSLContext tls = acceptingAnyCertificate();
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "https://" + ItEnvironment.address() + ":" + ItEnvironment.HTTPS_PORT;
        String basic = "Basic " + Base64.getEncoder().encodeToString((ItEnvironment.ADMIN_USER + ":"
                + System.getProperty(ItEnvironment.ADMIN_PASSWORD)).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> settings = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/settings"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        assertThat(settings.body()).contains("\"enabled\"");
        HttpResponse<String> console = client.send(HttpRequest.newBuilder(URI.create(base + "/console/settings.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("j_security_check");
        assertThat(console.headers().allValues("set-cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("; secure").containsIgnoringCase("samesite=strict"));

        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(ItEnvironment.address(),
                ItEnvironment.HTTPS_PORT)) {
            socket.startHandshake();
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
            // Generated for the address the server first ran on, and kept in its data folder since.
            assertThat(certificate.getSubjectX500Principal().getName()).startsWith("CN=127.");
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void plainHttpFromAnotherMachineIsRedirectedToHttps() throws Exception {
        InetAddress elsewhere = InetAddress.getByName("127.0.0." + ThreadLocalRandom.current().nextInt(2, 250));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(elsewhere, 0));
            socket.connect(new InetSocketAddress(ItEnvironment.address(), ItEnvironment.HTTP_PORT), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /console/settings.xhtml?x=1 HTTP/1.1\r\nHost: " + ItEnvironment.address() + ":"
                    + ItEnvironment.HTTP_PORT + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(response).startsWith("HTTP/1.1 302");
            assertThat(response).containsIgnoringCase("Location: https://" + ItEnvironment.address() + ":"
                    + ItEnvironment.HTTPS_PORT + "/console/settings.xhtml?x=1");
        }
    }
}
