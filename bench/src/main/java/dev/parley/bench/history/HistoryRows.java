package dev.parley.bench.history;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Random;

/**
 * Fills the stopped server's database with history: rows as Parley's own delivery writes them (table archived_stanza,
 * V8), spread over the users and their peers and over the last 300 days, half received and half sent. Written
 * straight into the file, with the H2 driver WildFly runs: through the server, a million would take the benchmark
 * hours, and only the reading is measured.
 */
final class HistoryRows {

    private static final int BATCH = 10_000;
    private static final Duration SPREAD = Duration.ofDays(300);

    private HistoryRows() {
    }

    /**
     * @return how many rows each (user, peer) conversation has, at least
     */
    static long insert(Path h2Jar, Path database, int users, int peersPerUser, long rows, Random random)
            throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {h2Jar.toUri().toURL()},
                HistoryRows.class.getClassLoader())) {
            Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties credentials = new Properties();
            credentials.setProperty("user", "sa");
            credentials.setProperty("password", "");
            try (Connection connection = driver.connect("jdbc:h2:" + database.toAbsolutePath() + ";IFEXISTS=TRUE", credentials)) {
                connection.setAutoCommit(false);
                insert(connection, users, peersPerUser, rows, random);
            }
        }
        return rows / ((long) users * peersPerUser);
    }

    private static void insert(Connection connection, int users, int peersPerUser, long rows, Random random)
            throws SQLException {
        Instant now = Instant.now();
        // Ids from the sequence Parley takes them from: the identity column's own would meet those Parley takes.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO archived_stanza (id, kind, sender,"
                + " recipient, stanza_type, stanza_id, xml, received_at, owner, peer, outbound)"
                + " VALUES (NEXT VALUE FOR archived_stanza_seq, 'MESSAGE', ?, ?, 'chat', ?, ?, ?, ?, ?, ?)")) {
            for (long row = 0; row < rows; row++) {
                String owner = HistoryBenchmark.userName((int) (row % users));
                String peer = HistoryBenchmark.peer((int) ((row / users) % peersPerUser));
                String local = owner + "@" + HistoryBenchmark.DOMAIN + "/parley";
                boolean outbound = random.nextBoolean();
                String from = outbound ? local : peer + "/phone";
                String to = outbound ? peer : local;
                String id = "h" + row;
                insert.setString(1, from);
                insert.setString(2, to);
                insert.setString(3, id);
                insert.setString(4, "<message xmlns=\"jabber:server\" from=\"" + from + "\" to=\"" + to
                        + "\" type=\"chat\" id=\"" + id + "\"><body>History message " + row + ", about as long as"
                        + " a chat line usually is.</body></message>");
                insert.setTimestamp(5, Timestamp.from(now.minusMillis((long) (random.nextDouble() * SPREAD.toMillis()))));
                insert.setString(6, owner);
                insert.setString(7, peer);
                insert.setBoolean(8, outbound);
                insert.addBatch();
                if ((row + 1) % BATCH == 0 || row + 1 == rows) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }
}
