package dev.parley.domain.model.authorization;

import dev.parley.domain.model.csv.Csv;
import dev.parley.domain.model.csv.InvalidCsvException;
import dev.parley.xmpp.tls.TlsPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Domain authorizations as CSV (RFC 4180, UTF-8): a header {@code pattern,protocol,level,tlsPolicy,note}, then one
 * entry a line; an empty {@code tlsPolicy} means the global policy. A note a spreadsheet would run as a formula is
 * defused ({@link Csv#defused}).
 */
public final class AuthorizationCsv {

    public static final List<String> HEADER = List.of("pattern", "protocol", "level", "tlsPolicy", "note");
    /** Far more than any installation keeps; a larger file is refused before it is parsed. */
    public static final int MAX_CHARACTERS = Csv.MAX_CHARACTERS;

    /** One entry of a file, with the line it starts on. */
    public record Row(int line, AuthorizationChange change, List<String> problems) {
        public Row {
            problems = List.copyOf(problems);
        }
    }

    private AuthorizationCsv() {
    }

    public static String write(List<AuthorizationSnapshot> authorizations) {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER));
        for (AuthorizationSnapshot entry : authorizations) {
            csv.append(Csv.line(List.of(entry.pattern().text(), entry.protocol().name(), entry.level().name(),
                    entry.tlsPolicy() == null ? "" : entry.tlsPolicy().name(),
                    entry.note() == null ? "" : Csv.defused(entry.note()))));
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
        try {
            return Csv.read(text, HEADER, "authorizations").stream().map(AuthorizationCsv::row).toList();
        } catch (InvalidCsvException e) {
            throw new InvalidAuthorizationException(List.of(e.getMessage()));
        }
    }

    private static Row row(Csv.Record record) {
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
                Csv.undefused(fields.get(4))), problems);
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
}
