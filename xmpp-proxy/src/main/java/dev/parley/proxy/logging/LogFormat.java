package dev.parley.proxy.logging;

/** How log records are written to the console. */
public enum LogFormat {

    /** java.util.logging's own text ({@link java.util.logging.SimpleFormatter}), for people reading a terminal. */
    TEXT,
    /** One JSON object a line ({@link JsonLogFormatter}), for log collectors. */
    JSON
}
