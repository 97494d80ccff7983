package dev.parley.it.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prosody 0.12 as a federation peer: {@code prosody -F} with a config rendered from
 * {@code peers/prosody.cfg.lua.in}. Its libunbound resolver asks only the run's DNS (it ignores /etc/hosts and
 * treats {@code .test} as nonexistent unless told otherwise); its data, certificates and log (debug level unless
 * {@link PeerLogLevel} says otherwise) live in {@code <run>/<domain>/}.
 */
public final class ProsodyPeer extends ProcessPeer {

    private static final Duration START = Duration.ofSeconds(15);
    private static final Duration REGISTER = Duration.ofSeconds(15);

    /** A peer for the domain, which must be in the network's plan ({@link #plan}); {@link #start()} runs it. */
    public ProsodyPeer(PeerNetwork network, String domain, PeerSecurity security, TestCa ca) {
        super("Prosody", network, domain, security, ca);
    }

    /**
     * A peer for the domain that listens on {@code ports} of the address its plan gives it ({@link #planAt}), one
     * that other servers share; {@link #start()} runs it.
     */
    public ProsodyPeer(PeerNetwork network, String domain, PeerSecurity security, TestCa ca, ListeningPorts ports) {
        super("Prosody", network, domain, security, ca, ports);
    }

    /** What the network must reserve for a Prosody peer of this domain in this mode. */
    public static DomainPlan plan(String domain, PeerSecurity security) {
        return PeerPorts.plan(domain, security);
    }

    /**
     * What the network must publish for a Prosody peer of this domain listening on {@code ports} of {@code shared}
     * (such as {@code [::1]}): that address alone, and an SRV record for its S2S port, which is not the standard one.
     */
    public static DomainPlan planAt(InetAddress shared, ListeningPorts ports, String domain, PeerSecurity security) {
        SrvService service = security.directTls() ? SrvService.XMPPS_SERVER : SrvService.XMPP_SERVER;
        return DomainPlan.of(domain).at(shared).withSrv(service, ports.s2s());
    }

    @Override
    public void start() {
        Path config = writeConfig();
        process = ChildProcess.start("prosody " + domain,
                new ProcessBuilder("/usr/bin/prosody", "-F", "--config", config.toString()).directory(dir.toFile()),
                dir.resolve("console.log"), log());
        awaitListening(START, c2sPort(), s2sPort());
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("certs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // no XmppAddr: ejabberd 23.01 drops the stream when it verifies one (see SubjectAltNames.DNS_NAME_ONLY)
        security.certificate().ifPresent(kind -> installCertificate(ca.issue(domain, kind, SubjectAltNames.DNS_NAME_ONLY)));
        boolean tls = security.certificate().isPresent();
        String modules = tls ? (security.caAuthenticated() ? "\"tls\";" : "\"tls\"; \"dialback\";") : "\"dialback\";";
        return Template.render("prosody.cfg.lua.in", Map.ofEntries(
                Map.entry("SECURITY", security.name()),
                Map.entry("LOG_LEVEL", PeerLogLevel.configured().prosody()),
                Map.entry("DIR", dir.toString()),
                Map.entry("DOMAIN", domain),
                Map.entry("ADDRESS", address().getHostAddress()),
                Map.entry("C2S_PORT", String.valueOf(c2sPort())),
                Map.entry("S2S_PORTS", security.directTls() ? "" : String.valueOf(s2sPort())),
                Map.entry("S2S_DIRECT_TLS_PORTS", security.directTls() ? String.valueOf(s2sPort()) : ""),
                Map.entry("MODULES", modules),
                Map.entry("S2S_REQUIRE_ENCRYPTION", String.valueOf(tls)),
                Map.entry("S2S_SECURE_AUTH", String.valueOf(security.caAuthenticated())),
                Map.entry("CA_FILE", ca.certificateFile().toString()),
                // libunbound takes a port in its forwarder address, which a resolv.conf cannot carry
                Map.entry("DNS", network.dns().getAddress().getHostAddress() + "@" + network.dns().getPort()),
                // A hosted component's domain has an address of its own, where its S2S and component ports are.
                Map.entry("MORE_INTERFACES", hostedComponent().map(hosted -> "; \"" + componentAddress() + "\"")
                        .orElse("")),
                Map.entry("COMPONENT_LISTENER", hostedComponent().map(hosted -> "component_ports = { "
                        + HostedComponent.PORT + " }\ncomponent_interfaces = { \"" + componentAddress() + "\" }\n")
                        .orElse("")),
                Map.entry("COMPONENT", hostedComponent().map(hosted -> "\nComponent \"" + hosted.domain()
                        + "\"\n  component_secret = \"" + hosted.secret() + "\"\n").orElse(""))),
                dir.resolve("prosody.cfg.lua"));
    }

    /** Prosody finds {@code <domain>.crt} and {@code <domain>.key} in its certificate folder. */
    private void installCertificate(ServerCertificate certificate) {
        try {
            Files.copy(certificate.chain(), dir.resolve("certs").resolve(domain + ".crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(certificate.key(), dir.resolve("certs").resolve(domain + ".key"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the certificate for " + domain, e);
        }
    }

    /** prosodyctl writes the account into the data folder, where the running server reads it at login. */
    @Override
    public void register(String user, String password) {
        Path output = dir.resolve("prosodyctl.log");
        try {
            Process prosodyctl = new ProcessBuilder("/usr/bin/prosodyctl", "--config", dir.resolve("prosody.cfg.lua").toString(),
                    "register", user, domain, password)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            if (!prosodyctl.waitFor(REGISTER.toMillis(), TimeUnit.MILLISECONDS)) {
                prosodyctl.destroyForcibly();
                throw new IllegalStateException("prosodyctl register " + user + "@" + domain + " did not finish");
            }
            if (prosodyctl.exitValue() != 0) {
                throw new IllegalStateException("prosodyctl register " + user + "@" + domain + " failed: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("prosodyctl could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering " + user, e);
        }
    }

    @Override
    public Path log() {
        return dir.resolve("prosody.log");
    }
}
