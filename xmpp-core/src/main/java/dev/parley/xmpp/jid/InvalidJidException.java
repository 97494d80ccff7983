package dev.parley.xmpp.jid;

import java.nio.charset.StandardCharsets;

/**
 * A JID that RFC 7622 does not allow: names the part, shows what it was (shortened and with control characters
 * escaped, since the text comes from remote servers and ends up in logs) and the rule it broke.
 */
public final class InvalidJidException extends IllegalArgumentException {

    /** Enough of a part to recognise it in a log without letting a hostile peer fill the log. */
    private static final int SHOWN_CODE_POINTS = 64;

    private final JidPart part;
    private final String rule;

    InvalidJidException(JidPart part, String value, String rule) {
        super("invalid " + part.label() + " " + shown(value) + ": " + rule);
        this.part = part;
        this.rule = rule;
    }

    /** The part that broke the rule. */
    public JidPart part() {
        return part;
    }

    /** The rule it broke, e.g. "contains U+0020, which RFC 7622 §3.3.1 does not allow in a localpart". */
    public String rule() {
        return rule;
    }

    private static String shown(String value) {
        StringBuilder shown = new StringBuilder("'");
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < Math.min(codePoints.length, SHOWN_CODE_POINTS); i++) {
            int codePoint = codePoints[i];
            if (Character.isISOControl(codePoint) || codePoint == '\'') {
                shown.append(codePoint(codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        }
        shown.append('\'');
        if (codePoints.length > SHOWN_CODE_POINTS) {
            shown.append("… (").append(value.getBytes(StandardCharsets.UTF_8).length).append(" bytes)");
        }
        return shown.toString();
    }

    /** {@code U+0020} style, as the Unicode standard names code points. */
    static String codePoint(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
