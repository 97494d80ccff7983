package dev.parley.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(Path file) {
        return ConfigCheck.run(file, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void succeedsForAValidFile() throws Exception {
        Files.writeString(folder.resolve("link.secret"), "0123456789abcdef0123\n");
        Path file = Files.writeString(folder.resolve("proxy.properties"), "domain=example.com\nlink.secret-file=link.secret\n");

        assertThat(check(file)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("parley-xmpp-proxy: " + file
                + " is valid (domain example.com)" + System.lineSeparator());
        assertThat(err.size()).isZero();
    }

    @Test
    void failsPrintingEveryProblem() throws Exception {
        Path file = Files.writeString(folder.resolve("proxy.properties"), "link.port=abc\n");

        assertThat(check(file)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("parley-xmpp-proxy: " + file + " has 3 problems:\n"
                + "  domain: required\n"
                + "  link.port: must be a number from 1 to 65535, not 'abc'\n"
                + "  link.secret-file: required" + System.lineSeparator());
        assertThat(out.size()).isZero();
    }
}
