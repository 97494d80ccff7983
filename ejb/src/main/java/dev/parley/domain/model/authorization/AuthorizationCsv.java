package dev.parley.domain.model.authorization;

import dev.parley.xmpp.tls.TlsPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Domain authorizations as CSV (RFC 4180, UTF-8): a header {@code pattern,protocol,level,tlsPolicy,note}, then one
 * entry a line; an empty {@code tlsPolicy} means the global policy. What spreadsheets would run as a formula (a note
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, or with quotes before one) is written behind one more
 * {@code '} and read back without it, so that every note comes back as it was.
 */
public final class AuthorizationCsv {

    public static final List<String> HEADER = List.of("pattern", "protocol", "level", "tlsPolicy", "note");
    /** Far more than any installation keeps; a larger file is refused before it is parsed. */
    public static final int MAX_CHARACTERS = 1024 * 1024;
    public static final int MAX_ROWS = 10_000;
    private static final String FORMULA_STARTS = "=+-@";

    /** One entry of a file, with the line it starts on. */
    public record Row(int line, AuthorizationChange change, List<String> problems) {
        public Row {
            problems = List.copyOf(problems);
        }
    }

    private AuthorizationCsv() {
    }

    public static String write(List<AuthorizationSnapshot> authorizations) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (AuthorizationSnapshot entry : authorizations) {
            csv.append(field(entry.pattern().text())).append(',')
                    .append(entry.protocol()).append(',')
                    .append(entry.level()).append(',')
                    .append(entry.tlsPolicy() == null ? "" : entry.tlsPolicy().name()).append(',')
                    .append(field(entry.note() == null ? "" : defused(entry.note()))).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * The entries of {@code text}, each with what is wrong with its fields (the rules of {@link AuthorizationChange}
     * are the caller's to apply).
     *
     * @throws InvalidAuthorizationException when the text is no such file at all: too large, no header, a quote never
     *                                       closed
     */
    public static List<Row> read(String text) throws InvalidAuthorizationException {
        if (text == null || text.isBlank()) {
            throw new InvalidAuthorizationException(List.of("the CSV file is empty: it needs the header "
                    + String.join(",", HEADER) + " and one line per authorization"));
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new InvalidAuthorizationException(List.of("the CSV file has " + text.length() + " characters; at most "
                    + MAX_CHARACTERS + " are read"));
        }
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new InvalidAuthorizationException(List.of("the CSV file is empty: it needs the header "
                    + String.join(",", HEADER) + " and one line per authorization"));
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        if (!header.equals(HEADER)) {
            throw new InvalidAuthorizationException(List.of("the first line must be the header "
                    + String.join(",", HEADER) + ", not " + String.join(",", header)));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidAuthorizationException(List.of("the CSV file has " + (records.size() - 1)
                    + " authorizations; at most " + MAX_ROWS + " are imported at once"));
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
                continue;
            }
            rows.add(row(record));
        }
        return rows;
    }

    private static Row row(Record record) {
        List<String> problems = new ArrayList<>();
        List<String> fields = record.fields();
        if (fields.size() != HEADER.size()) {
            problems.add(fields.size() + " fields where the header has " + HEADER.size());
            return new Row(record.line(), new AuthorizationChange(null, null, null, null, null), problems);
        }
        FederationProtocol protocol = value(FederationProtocol.class, "protocol", fields.get(1), problems);
        AuthorizationLevel level = value(AuthorizationLevel.class, "level", fields.get(2), problems);
        TlsPolicy tlsPolicy = fields.get(3).isBlank() ? null : value(TlsPolicy.class, "tlsPolicy", fields.get(3), problems);
        return new Row(record.line(), new AuthorizationChange(fields.get(0), protocol, level, tlsPolicy,
                undefused(fields.get(4))), problems);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name, String text, List<String> problems) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '"
                    + (text.length() <= 40 ? text : text.substring(0, 40) + "…") + "'");
            return null;
        }
    }

    private record Record(int line, List<String> fields) {
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
    private static List<Record> records(String text) throws InvalidAuthorizationException {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidAuthorizationException(List.of("line " + recordLine + ": a quoted field is never closed"));
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String defused(String note) {
        return looksLikeFormula(note) ? "'" + note : note;
    }

    private static String undefused(String note) {
        return note.startsWith("'") && looksLikeFormula(note.substring(1)) ? note.substring(1) : note;
    }

    /** Whether {@code text}, after any leading quotes, starts as a spreadsheet formula would. */
    private static boolean looksLikeFormula(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) == '\'') {
            first++;
        }
        return first < text.length() && FORMULA_STARTS.indexOf(text.charAt(first)) >= 0;
    }
}
