package dev.parley.proxy.logging;

import dev.parley.proxy.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A log record as one JSON object on one line: {@code time} (ISO-8601, UTC), {@code level} (java.util.logging's
 * name: SEVERE, WARNING, INFO, FINE …), {@code logger}, {@code message} (its parameters filled in) and, only when
 * the record carries an exception, {@code thrown} (the stack trace as {@code printStackTrace} writes it).
 *
 * <p>Public with a public constructor, so that a {@code logging.properties} can name it too.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        JsonObject json = new JsonObject()
                .add("time", record.getInstant().toString())
                .add("level", record.getLevel().getName())
                .add("logger", record.getLoggerName())
                .add("message", formatMessage(record));
        if (record.getThrown() != null) {
            json.add("thrown", stackTrace(record.getThrown()));
        }
        // "\n" rather than the platform's line separator: JSON Lines readers split on it everywhere.
        return json + "\n";
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            thrown.printStackTrace(writer);
        }
        return trace.toString();
    }
}
