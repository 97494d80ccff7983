package dev.parley.bench.server;

import dev.parley.it.server.OperatorAccountsFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A copy of the WildFly the build provisioned (ear/target/server, Parley deployed), run on a loopback address of
 * its own with an administrator and an integration account whose passwords only this run knows; its H2 database lies
 * in its data folder.
 */
public final class ProvisionedServer implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";
    private static final Duration START = Duration.ofMinutes(3);

    private final Path home;
    private final String address;
    private final String domain;
    /** The benchmark's system property with more options for the server's JVM, such as another collector's. */
    public static final String SERVER_JVM_OPTIONS = "parley.bench.server-jvm-options";
    private final List<String> properties;
    private final String adminPassword;
    private final String integrationPassword;
    private final Path log;
    private Process process;

    private ProvisionedServer(Path home, String address, String domain, List<String> properties, String adminPassword,
                              String integrationPassword, Path log) {
        this.home = home;
        this.address = address;
        this.domain = domain;
        this.properties = properties;
        this.adminPassword = adminPassword;
        this.integrationPassword = integrationPassword;
        this.log = log;
    }

    /** Copies {@code provisioned} to {@code runDir}/server, serving {@code domain} on a free loopback address. */
    public static ProvisionedServer copy(Path provisioned, Path runDir, String domain) throws IOException {
        return copy(provisioned, runDir, domain, freeLoopbackAddress(), List.of());
    }

    /**
     * Copies {@code provisioned} to {@code runDir}/server and writes its accounts; it will serve {@code domain} on
     * {@code address}, started with the system {@code properties} ({@code -Dname=value}) besides.
     */
    public static ProvisionedServer copy(Path provisioned, Path runDir, String domain, String address,
                                         List<String> properties) throws IOException {
        if (!Files.isExecutable(provisioned.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(provisioned + " holds no provisioned WildFly: build it first (./mvnw -o -B"
                    + " -pl bench -am package -DskipTests)");
        }
        Path home = runDir.resolve("server");
        try (Stream<Path> files = Files.walk(provisioned)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(provisioned.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.startsWith(provisioned.resolve("standalone/data"))
                        && !file.startsWith(provisioned.resolve("standalone/log"))) {
                    Files.copy(file, target);
                }
            }
        }
        String admin = randomPassword();
        String integration = randomPassword();
        Map<String, Map.Entry<String, String>> accounts = new LinkedHashMap<>();
        accounts.put(ADMIN, Map.entry(admin, "admin"));
        accounts.put(INTEGRATION, Map.entry(integration, "integration"));
        OperatorAccountsFile.write(home.resolve("standalone/configuration"), accounts);
        return new ProvisionedServer(home, address, domain, List.copyOf(properties), admin, integration,
                runDir.resolve("server.log"));
    }

    private static String randomPassword() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Starts the server and waits until Parley answers its API. */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-b", address,
                "-bmanagement", address, "-Dparley.xmpp.domain=" + domain));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // JAVA_OPTS replaces the provisioned defaults; like them it leaves IPv6 on (no preferIPv4Stack=true), as Parley
        // in production needs it for peers with AAAA records only.
        builder.environment().put("JAVA_OPTS", "-Xms512m -Xmx1g -Djava.net.preferIPv4Stack=false -Xlog:gc:file="
                + log.toAbsolutePath().resolveSibling("gc.log") + ":uptime "
                + System.getProperty(SERVER_JVM_OPTIONS, ""));
        process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(app("/api/admin/users"))
                        .header("Authorization", basic(ADMIN, adminPassword)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Parley did not answer within " + START.toMinutes() + " min; see " + log);
    }

    /** The JIT compiler threads of the server's JVM, which the start script runs as its child. */
    public CompilerThreads compilerThreads() {
        ProcessHandle jvm = process.descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no JVM under the start script"));
        return new CompilerThreads(jvm.pid());
    }

    /** Stops WildFly and every process it started, and waits until they are gone. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        // The script's JVM first: it shuts WildFly down on SIGTERM, and the script ends with it.
        List<ProcessHandle> started = process.descendants().toList();
        started.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle child : started) {
            try {
                child.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                child.destroyForcibly();
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** The H2 database file, without its .mv.db: where Parley keeps everything. */
    public Path database() {
        return home.resolve("standalone/data/parley/db/parley");
    }

    /** The H2 driver jar WildFly runs, so that the file written is one it reads. */
    public Path h2Jar() throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve("modules/system/layers/base/com/h2database/h2/main"))) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar"))
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException("no H2 in " + home));
        }
    }

    public URI app(String path) {
        return URI.create("http://" + address + ":8080" + path);
    }

    public String adminAuthorization() {
        return basic(ADMIN, adminPassword);
    }

    public String integrationPassword() {
        return integrationPassword;
    }

    /** The address the server listens on, HTTP, management and S2S alike. */
    public String address() {
        return address;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static String freeLoopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = "127." + random.nextInt(100, 250) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
            if (free(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free loopback address for the server");
    }

    private static boolean free(String address) {
        for (int port : new int[] {8080, 8443, 9990, 5269}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
