package dev.parley.proxy.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private static final Instant TIME = Instant.parse("2026-03-01T12:34:56.789Z");

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(TIME);
        record.setLoggerName("dev.parley.xmpp.s2s.S2sListener");
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }

    @Test
    void writesOneObjectOnOneLine() {
        String line = new JsonLogFormatter().format(record(Level.INFO, "Listening on 127.0.0.1:5269"));

        assertThat(line).isEqualTo("{\"time\":\"2026-03-01T12:34:56.789Z\",\"level\":\"INFO\","
                + "\"logger\":\"dev.parley.xmpp.s2s.S2sListener\",\"message\":\"Listening on 127.0.0.1:5269\"}\n");
    }

    @Test
    void fillsInTheMessagesParameters() {
        String line = new JsonLogFormatter().format(record(Level.WARNING, "{0} refused: {1}", "remote.example",
                "bad certificate"));

        assertThat(line).contains("\"level\":\"WARNING\",").contains("\"message\":\"remote.example refused: bad certificate\"");
    }

    @Test
    void escapesWhatARemoteServerPutInTheMessage() {
        String line = new JsonLogFormatter().format(record(Level.INFO, "stream from \"evil\"\n{\"level\":\"SEVERE\"}\\"));

        assertThat(line).contains("\"message\":\"stream from \\\"evil\\\"\\n{\\\"level\\\":\\\"SEVERE\\\"}\\\\\"}");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void writesTheStackTraceAsThrown() {
        LogRecord record = record(Level.SEVERE, "The S2S listener stopped");
        record.setThrown(new IllegalStateException("port taken", new RuntimeException("cause")));

        String line = new JsonLogFormatter().format(record);

        assertThat(line).contains("\"level\":\"SEVERE\",")
                .contains("\"thrown\":\"java.lang.IllegalStateException: port taken\\n\\tat ")
                .contains("Caused by: java.lang.RuntimeException: cause\\n")
                .endsWith("\"}\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void writesNullForARecordWithoutLoggerName() {
        LogRecord record = record(Level.FINE, "no name");
        record.setLoggerName(null);

        assertThat(new JsonLogFormatter().format(record)).contains("\"level\":\"FINE\",\"logger\":null,");
    }
}
