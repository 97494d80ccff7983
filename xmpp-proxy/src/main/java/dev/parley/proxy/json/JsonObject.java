package dev.parley.proxy.json;

/**
 * One flat JSON object (RFC 8259), written member by member in the order added. Strings are escaped so that the
 * text is always valid JSON on a single line, whatever they hold: log messages carry text from remote servers.
 */
public final class JsonObject {

    private final StringBuilder json = new StringBuilder("{");

    /** A string member; {@code null} is written as JSON {@code null}. */
    public JsonObject add(String name, String value) {
        member(name);
        if (value == null) {
            json.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonObject add(String name, boolean value) {
        member(name);
        json.append(value);
        return this;
    }

    public JsonObject add(String name, long value) {
        member(name);
        json.append(value);
        return this;
    }

    /** The object's text, without a line break. */
    @Override
    public String toString() {
        return json + "}";
    }

    private void member(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(name);
        json.append(':');
    }

    private void string(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        json.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate has no UTF-8 form: the encoder would write '?', so say plainly it was lost.
                        json.append('\uFFFD');
                    } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        // Control characters must be escaped (RFC 8259 §7); the two line separators too, so that
                        // no reader that splits on them (JavaScript, some log shippers) sees a line end.
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
