package dev.parley.bench.history;

import dev.parley.bench.CommandLine;
import dev.parley.bench.ResultsFile;
import dev.parley.bench.server.ProvisionedServer;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * How fast a local user reads their history when Parley keeps a million messages: Parley in its provisioned WildFly,
 * users created through the admin API, the history rows written into its database while it is stopped, then timed
 * requests of the user API (HTTP Basic, as scripts send them): a conversation with one contact, the messages received,
 * and, for comparison, a request that reads no history ({@code /api/user/me}), whose time is mostly the password check.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.history.HistoryBenchmark [--users 200] [--peers 50]
 *     [--messages 1000000] [--requests 500] [--server ear/target/server] [--results bench/RESULTS.md|none]</pre>
 */
public final class HistoryBenchmark {

    static final String DOMAIN = "bench.test";
    static final String PASSWORD = "history-bench-password";
    private static final int PAGE = 50;

    private HistoryBenchmark() {
    }

    static String userName(int index) {
        return "user" + index;
    }

    static String peer(int index) {
        return "contact" + index + "@remote.bench.test";
    }

    public static void main(String[] args) throws Exception {
        int users = CommandLine.option(args, "--users").map(Integer::parseInt).orElse(200);
        int peers = CommandLine.option(args, "--peers").map(Integer::parseInt).orElse(50);
        long messages = CommandLine.option(args, "--messages").map(Long::parseLong).orElse(1_000_000L);
        int requests = CommandLine.option(args, "--requests").map(Integer::parseInt).orElse(500);
        Path provisioned = Path.of(CommandLine.option(args, "--server").orElse("ear/target/server"));
        Optional<Path> results = CommandLine.option(args, "--results").or(() -> Optional.of("bench/RESULTS.md"))
                .filter(file -> !"none".equals(file)).map(Path::of);
        Path runDir = Path.of("bench/target/history-runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        Random random = new Random(42);

        try (ProvisionedServer server = ProvisionedServer.copy(provisioned, runDir, DOMAIN)) {
            progress("starting WildFly with Parley (" + runDir + ")");
            server.start();
            progress("creating " + users + " users through the admin API");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int user = 0; user < users; user++) {
                HttpResponse<String> created = client.send(HttpRequest.newBuilder(server.app("/api/admin/users"))
                        .header("Authorization", server.adminAuthorization()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"userName\": \"" + userName(user)
                                + "\", \"displayName\": \"User " + user + "\", \"password\": \"" + PASSWORD + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                check(created, 201);
            }
            server.stop();
            progress("writing " + String.format("%,d", messages) + " history messages into the stopped server's database");
            long started = System.nanoTime();
            long perConversation = HistoryRows.insert(server.h2Jar(), server.database(), users, peers, messages, random);
            progress("written in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s; starting again");
            server.start();

            List<Timed> kinds = List.of(
                    new Timed("a conversation with one contact (`GET /api/user/messages?with=JID&limit=" + PAGE + "`)",
                            (user, peer) -> "/api/user/messages?with=" + URLEncoder.encode(peer, StandardCharsets.UTF_8)
                                    + "&limit=" + PAGE, PAGE),
                    new Timed("the messages received (`GET /api/user/messages?limit=" + PAGE + "`)",
                            (user, peer) -> "/api/user/messages?limit=" + PAGE, PAGE),
                    new Timed("no history, for comparison (`GET /api/user/me`)", (user, peer) -> "/api/user/me", -1));
            progress("warming up, then " + requests + " timed requests of each kind");
            run(client, server, kinds, users, peers, requests / 5, random, false);
            run(client, server, kinds, users, peers, requests, random, true);

            String section = HistoryResults.markdown(kinds, users, peers, messages, perConversation, requests,
                    "java -cp bench/target/parley-bench.jar dev.parley.bench.history.HistoryBenchmark"
                            + (args.length == 0 ? "" : " " + String.join(" ", args)));
            System.out.println(section);
            if (results.isPresent()) {
                ResultsFile.replace(results.get(), section);
                progress("written to " + results.get().toAbsolutePath());
            }
        }
    }

    /** One kind of request, its address for a user and peer, and its times in microseconds. */
    record Timed(String what, Address address, int expectedItems, Histogram micros) {
        Timed(String what, Address address, int expectedItems) {
            this(what, address, expectedItems, new Histogram(60_000_000L, 3));
        }
    }

    @FunctionalInterface
    private interface Address {
        String of(String user, String peer);
    }

    private static void run(HttpClient client, ProvisionedServer server, List<Timed> kinds, int users, int peers,
            int rounds, Random random, boolean measured) throws Exception {
        for (int round = 0; round < rounds; round++) {
            String user = userName(random.nextInt(users));
            String peer = peer(random.nextInt(peers));
            for (Timed kind : kinds) {
                HttpRequest request = HttpRequest.newBuilder(server.app(kind.address().of(user, peer)))
                        .header("Authorization", ProvisionedServer.basic(user, PASSWORD)).build();
                long started = System.nanoTime();
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - started) / 1_000;
                check(answer, 200);
                if (kind.expectedItems() > 0) {
                    int items = answer.body().split("\"archiveId\"", -1).length - 1;
                    if (items != kind.expectedItems()) {
                        throw new IllegalStateException(kind.what() + " for " + user + " gave " + items + " messages, not "
                                + kind.expectedItems() + ": the history is not what was written");
                    }
                }
                if (measured) {
                    kind.micros().recordValue(micros);
                }
            }
        }
    }

    private static void check(HttpResponse<String> answer, int expected) {
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(answer.request().uri() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    private static void progress(String text) {
        System.err.println("[history] " + text);
    }
}
