package dev.parley.it.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * ejabberd 23.01 as a federation peer: plain {@code erl -s ejabberd} (one process, no epmd, no Erlang distribution,
 * so parallel runs cannot collide on node names) with a config rendered from {@code peers/ejabberd.yml.in}.
 * Its SRV lookups go to the run's DNS through {@link PeerNetwork#inetrc()}; its A lookups go through libc, which
 * nss_wrapper points at {@link PeerNetwork#hostsFile()}. Users are registered through its HTTP API on loopback.
 */
public final class EjabberdPeer extends ProcessPeer {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration REGISTER = Duration.ofSeconds(10);
    private static final String LIBS = "/usr/lib/x86_64-linux-gnu";
    private static final String NSS_WRAPPER = LIBS + "/libnss_wrapper.so";

    /** A peer for the domain, which must be in the network's plan ({@link #plan}); {@link #start()} runs it. */
    public EjabberdPeer(PeerNetwork network, String domain, PeerSecurity security, TestCa ca) {
        super("ejabberd", network, domain, security, ca);
    }

    /** What the network must reserve for an ejabberd peer of this domain in this mode. */
    public static DomainPlan plan(String domain, PeerSecurity security) {
        return PeerPorts.plan(domain, security, PeerPorts.EJABBERD_API);
    }

    @Override
    public void start() {
        Path config = writeConfig();
        ProcessBuilder erl = new ProcessBuilder("/usr/bin/erl", "-noinput", "-noshell", "+K", "true",
                "-mnesia", "dir", "\"" + dir.resolve("spool") + "\"", "-s", "ejabberd").directory(dir.toFile());
        Map<String, String> env = erl.environment();
        env.put("EJABBERD_CONFIG_PATH", config.toString());
        env.put("EJABBERD_LOG_PATH", log().toString());
        env.put("ERL_INETRC", network.inetrc().toString());
        env.put("ERL_LIBS", LIBS);
        env.put("ERL_CRASH_DUMP", dir.resolve("erl_crash.dump").toString());
        env.put("LD_PRELOAD", NSS_WRAPPER);
        env.put("NSS_WRAPPER_HOSTS", network.hostsFile().toString());
        process = ChildProcess.start("ejabberd " + domain, erl, dir.resolve("console.log"), log(),
                dir.resolve("error.log"));
        awaitListening(START, c2sPort(), s2sPort(), PeerPorts.EJABBERD_API);
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(dir.resolve("spool"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String certfiles = security.certificate()
                .map(kind -> "\"" + certificateFile(ca.issue(domain, kind)) + "\"")
                .orElse("");
        String startTls = security.certificate().isEmpty() ? "false" : "required";
        return Template.render("ejabberd.yml.in", Map.ofEntries(
                Map.entry("SECURITY", security.name()),
                Map.entry("LOG_LEVEL", PeerLogLevel.configured().ejabberd()),
                Map.entry("DOMAIN", domain),
                Map.entry("ADDRESS", address().getHostAddress()),
                Map.entry("C2S_PORT", String.valueOf(c2sPort())),
                Map.entry("S2S_PORT", String.valueOf(s2sPort())),
                Map.entry("S2S_DIRECT_TLS", String.valueOf(security.directTls())),
                Map.entry("API_PORT", String.valueOf(PeerPorts.EJABBERD_API)),
                Map.entry("CERTFILES", certfiles),
                Map.entry("CA_FILE", security.caAuthenticated() ? "ca_file: \"" + ca.certificateFile() + "\"" : ""),
                Map.entry("S2S_STARTTLS", startTls),
                Map.entry("MODULES", security.caAuthenticated() ? "" : "  mod_s2s_dialback: {}"),
                Map.entry("COMPONENT_LISTENERS", hostedComponent().map(this::componentListeners).orElse(""))),
                dir.resolve("ejabberd.yml"));
    }

    /**
     * A listener binds one address, so the component's domain gets an S2S listener of its own beside the component's
     * ({@code ejabberd_service}); that domain must not be in {@code hosts}, or ejabberd refuses the component.
     */
    private String componentListeners(HostedComponent hosted) {
        String address = componentAddress();
        return """
                  -
                    port: %d
                    ip: "%s"
                    module: ejabberd_s2s_in
                    tls: %s
                  -
                    port: %d
                    ip: "%s"
                    module: ejabberd_service
                    hosts:
                      "%s":
                        password: "%s"
                """.formatted(s2sPort(), address, security.directTls(), HostedComponent.PORT, address,
                hosted.domain(), hosted.secret());
    }

    /** ejabberd reads certificate, chain and key from one PEM file. */
    private Path certificateFile(ServerCertificate certificate) {
        Path file = dir.resolve(domain + ".pem");
        try {
            Files.writeString(file, Files.readString(certificate.chain()) + Files.readString(certificate.key()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    @Override
    public void register(String user, String password) {
        // no proxy, whatever the JVM was told: the API is on loopback and nothing else may be contacted
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(REGISTER).build();
        String body = "{\"user\":\"" + user + "\",\"host\":\"" + domain + "\",\"password\":\"" + password + "\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + address().getHostAddress() + ":" + PeerPorts.EJABBERD_API + "/api/register"))
                .timeout(REGISTER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ejabberd refused to register " + user + "@" + domain + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ejabberd's API did not answer" + process.diagnostics(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering " + user, e);
        }
    }

    @Override
    public Path log() {
        return dir.resolve("ejabberd.log");
    }
}
