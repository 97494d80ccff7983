package dev.parley.it.peers;

import java.util.Locale;

/**
 * How much the peers write to their logs. Tests keep {@link #DEBUG}, which explains a failing interop row; the
 * benchmark lowers it, since a peer that logs every stanza at debug level spends its time writing the log.
 * Chosen by the system property {@value #PROPERTY} ({@code debug}, {@code info}, {@code warning}, {@code error}).
 */
public enum PeerLogLevel {
    DEBUG("debug", "debug"),
    INFO("info", "info"),
    WARNING("warn", "warning"),
    ERROR("error", "error");

    /** The system property the peers read when they write their configs. */
    public static final String PROPERTY = "parley.peers.log-level";

    private final String prosody;
    private final String ejabberd;

    PeerLogLevel(String prosody, String ejabberd) {
        this.prosody = prosody;
        this.ejabberd = ejabberd;
    }

    /** The level the system property names, {@link #DEBUG} when it is not set. */
    public static PeerLogLevel configured() {
        String value = System.getProperty(PROPERTY, "debug").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "debug" -> DEBUG;
            case "info" -> INFO;
            case "warn", "warning" -> WARNING;
            case "error" -> ERROR;
            default -> throw new IllegalArgumentException(PROPERTY + " must be debug, info, warning or error, not '"
                    + value + "'");
        };
    }

    /** Prosody's name for the lowest level logged ({@code log = { levels = { min = ... } }}). */
    public String prosody() {
        return prosody;
    }

    /** ejabberd's {@code loglevel}. */
    public String ejabberd() {
        return ejabberd;
    }
}
