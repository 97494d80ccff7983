package dev.parley.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test server's log file, for tests that prove what never reaches it (secrets). */
final class ServerLog {

    private ServerLog() {
    }

    static Path file() {
        return Path.of(System.getProperty("parley.it.server.dir"), "standalone", "log", "server.log");
    }

    static String text() {
        try {
            return Files.readString(file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The server log cannot be read", e);
        }
    }
}
