package dev.parley.domain.model.user;

import dev.parley.domain.model.csv.Csv;
import dev.parley.domain.model.csv.InvalidCsvException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Local users as CSV (RFC 4180, UTF-8): a header {@code userName,displayName,title,company,department,businessPhones,
 * email,mobile,privatePhone,enabled,password}, then one user a line. Business phones are separated by {@code ;};
 * {@code enabled} is true or false (empty: true); {@code password} sets a new user's password and is left empty to
 * keep an existing user's (an export never has one). Photos are not in the file: an import keeps them. Texts a
 * spreadsheet would run as a formula (a phone number starting with +, say) are defused ({@link Csv#defused}).
 */
public final class UserCsv {

    public static final List<String> HEADER = List.of("userName", "displayName", "title", "company", "department",
            "businessPhones", "email", "mobile", "privatePhone", "enabled", "password");

    /** One user of a file, with the line it starts on; the change has no photo. */
    public record Row(int line, UserChange change, List<String> problems) {
        public Row {
            problems = List.copyOf(problems);
        }
    }

    private UserCsv() {
    }

    public static String write(List<UserSnapshot> users) {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER));
        for (UserSnapshot user : users) {
            ContactCard card = user.card();
            csv.append(Csv.line(List.of(text(user.name().value()), text(card.displayName()), text(card.title()),
                    text(card.company()), text(card.department()), text(String.join(";", card.businessPhones())),
                    text(card.email()), text(card.mobile()), text(card.privatePhone()), Boolean.toString(user.enabled()),
                    "")));
        }
        return csv.toString();
    }

    /**
     * The users of {@code text}, each with what is wrong with the file's fields (the rules of {@link UserChange} are
     * the caller's to apply).
     *
     * @throws InvalidUserException when the text is no such file at all: too large, no header, a quote never closed
     */
    public static List<Row> read(String text) throws InvalidUserException {
        try {
            return Csv.read(text, HEADER, "users").stream().map(UserCsv::row).toList();
        } catch (InvalidCsvException e) {
            throw new InvalidUserException(List.of(e.getMessage()));
        }
    }

    private static Row row(Csv.Record record) {
        List<String> problems = new ArrayList<>();
        // Every field but the password, which is taken as typed: an apostrophe there is part of it.
        List<String> fields = record.fields().stream().map(Csv::undefused).toList();
        if (fields.size() != HEADER.size()) {
            problems.add(fields.size() + " fields where the header has " + HEADER.size());
            return new Row(record.line(), new UserChange(null, null, null, true), problems);
        }
        String enabled = fields.get(9).strip().toLowerCase(Locale.ROOT);
        if (!List.of("", "true", "false").contains(enabled)) {
            problems.add("enabled must be true or false, not '" + fields.get(9) + "'");
        }
        List<String> phones = fields.get(5).isBlank() ? List.of() : Arrays.asList(fields.get(5).split(";"));
        ContactCard card = new ContactCard(fields.get(1), fields.get(2), fields.get(3), fields.get(4), phones,
                fields.get(6), fields.get(7), fields.get(8), null);
        String password = record.fields().size() > 10 && !record.fields().get(10).isEmpty() ? record.fields().get(10)
                : null;
        return new Row(record.line(), new UserChange(fields.get(0).strip(), card, password, !"false".equals(enabled)),
                problems);
    }

    private static String text(String value) {
        return value == null ? "" : Csv.defused(value);
    }
}
