package dev.parley.proxy.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyLoggingTest {

    private final Logger root = Logger.getLogger("");
    private List<Handler> handlersBefore;
    private Formatter formatterBefore;

    @BeforeEach
    void remember() {
        handlersBefore = List.of(root.getHandlers());
        formatterBefore = console().getFormatter();
    }

    @AfterEach
    void restore() {
        Arrays.stream(root.getHandlers()).filter(handler -> !handlersBefore.contains(handler)).forEach(root::removeHandler);
        console().setFormatter(formatterBefore);
    }

    private Handler console() {
        return Arrays.stream(root.getHandlers()).filter(ConsoleHandler.class::isInstance).findFirst().orElseThrow();
    }

    @Test
    void jsonPutsTheJsonFormatterOnTheConsoleWritingUtf8() {
        ProxyLogging.configure(LogFormat.JSON);

        assertThat(console().getFormatter()).isInstanceOf(JsonLogFormatter.class);
        assertThat(console().getEncoding()).isEqualTo("UTF-8");
        assertThat(root.getHandlers()).hasSameSizeAs(handlersBefore);
    }

    @Test
    void textPutsBackTheJdksFormatter() {
        ProxyLogging.configure(LogFormat.JSON);
        ProxyLogging.configure(LogFormat.TEXT);

        assertThat(console().getFormatter()).isExactlyInstanceOf(SimpleFormatter.class);
    }

    @Test
    void addsAConsoleHandlerWhereThereIsNone() {
        Handler existing = console();
        root.removeHandler(existing);
        try {
            ProxyLogging.configure(LogFormat.JSON);

            assertThat(console()).isNotSameAs(existing);
            assertThat(console().getFormatter()).isInstanceOf(JsonLogFormatter.class);
        } finally {
            root.removeHandler(console());
            root.addHandler(existing);
        }
    }
}
