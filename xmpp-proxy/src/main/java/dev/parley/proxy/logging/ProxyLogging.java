package dev.parley.proxy.logging;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sets the format of the console log: the root logger's console handler, which every logger of the JVM ends in. */
public final class ProxyLogging {

    private ProxyLogging() {
    }

    /**
     * Gives the root logger's console handler (added when there is none) the formatter for {@code format}, writing
     * UTF-8: JSON must be UTF-8 (RFC 8259 §8.1), and domain names with non-ASCII letters should not turn into '?'
     * under a service manager whose locale is plain ASCII.
     */
    public static void configure(LogFormat format) {
        Logger root = Logger.getLogger("");
        Handler console = Arrays.stream(root.getHandlers())
                .filter(ConsoleHandler.class::isInstance)
                .findFirst()
                .orElseGet(() -> {
                    ConsoleHandler added = new ConsoleHandler();
                    root.addHandler(added);
                    return added;
                });
        console.setFormatter(format == LogFormat.JSON ? new JsonLogFormatter() : new SimpleFormatter());
        try {
            console.setEncoding(StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every JVM supports UTF-8", e);
        }
    }
}
