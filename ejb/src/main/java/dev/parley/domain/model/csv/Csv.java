package dev.parley.domain.model.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 files with a fixed header: read into records that know their line, written with quotes where a field needs
 * them. What spreadsheets would run as a formula (text starting with {@code =}, {@code +}, {@code -}, {@code @}, or
 * with quotes before one) is written behind one more {@code '} by {@link #defused} and read back without it by
 * {@link #undefused}, so that every text comes back as it was.
 */
public final class Csv {

    /** Far more than any installation keeps; a larger file is refused before it is parsed. */
    public static final int MAX_CHARACTERS = 1024 * 1024;
    public static final int MAX_ROWS = 10_000;
    private static final String FORMULA_STARTS = "=+-@";

    /** One record of a file, with the line it starts on. */
    public record Record(int line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    private Csv() {
    }

    /**
     * The records of {@code text} after its header, blank lines left out.
     *
     * @param rows what a record is, in the plural, for the messages: "authorizations", "users"
     * @throws InvalidCsvException when the text is no such file at all: empty, too large, another header, too many
     *                             records, a quote never closed
     */
    public static List<Record> read(String text, List<String> header, String rows) throws InvalidCsvException {
        String expected = String.join(",", header);
        if (text == null || text.isBlank()) {
            throw new InvalidCsvException("the CSV file is empty: it needs the header " + expected
                    + " and one line per entry");
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new InvalidCsvException("the CSV file has " + text.length() + " characters; at most " + MAX_CHARACTERS
                    + " are read");
        }
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new InvalidCsvException("the CSV file is empty: it needs the header " + expected
                    + " and one line per entry");
        }
        List<String> found = records.get(0).fields().stream().map(String::strip).toList();
        if (!found.equals(header)) {
            throw new InvalidCsvException("the first line must be the header " + expected + ", not "
                    + String.join(",", found));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidCsvException("the CSV file has " + (records.size() - 1) + " " + rows + "; at most "
                    + MAX_ROWS + " are imported at once");
        }
        return records.subList(1, records.size()).stream()
                .filter(record -> !(record.fields().size() == 1 && record.fields().get(0).isBlank()))
                .toList();
    }

    /** One line of a file: the fields, quoted where needed, and the line break RFC 4180 wants. */
    public static String line(List<String> fields) {
        return String.join(",", fields.stream().map(Csv::field).toList()) + "\r\n";
    }

    /** {@code text} as a spreadsheet shows it instead of running it. */
    public static String defused(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /** {@code text} as it was before {@link #defused}. */
    public static String undefused(String text) {
        return text.startsWith("'") && looksLikeFormula(text.substring(1)) ? text.substring(1) : text;
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
    private static List<Record> records(String text) throws InvalidCsvException {
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
                records.add(new Record(recordLine, fields));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidCsvException("line " + recordLine + ": a quoted field is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, fields));
        }
        return records;
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
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
