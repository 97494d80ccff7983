package dev.parley.domain.model.user;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a local user's contacts may learn about them. Which fields a remote user sees depends on the authorization
 * level of the remote domain: {@link Disclosure#card} decides. Text fields are kept without surrounding white space;
 * an empty one is absent (null).
 *
 * @param displayName    the name people see; required
 * @param businessPhones work numbers, in the order shown
 * @param mobile         the work mobile number
 * @param privatePhone   a private number, seen by PERSONAL domains only
 * @param photo          null when the user has none
 */
public record ContactCard(
        String displayName,
        String title,
        String company,
        String department,
        List<String> businessPhones,
        String email,
        String mobile,
        String privatePhone,
        Photo photo) {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_BUSINESS_PHONES = 5;
    /** Digits with the separators people write; an extension as "x123" or "ext. 123". */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{0,38}((x|ext\\.?) ?[0-9]{1,6})?");
    /** Enough to catch a typo; the mail server is the judge of the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\".]+");

    public ContactCard {
        displayName = stripped(displayName);
        title = stripped(title);
        company = stripped(company);
        department = stripped(department);
        businessPhones = businessPhones == null ? List.of()
                : businessPhones.stream().map(ContactCard::stripped).filter(phone -> phone != null).toList();
        email = stripped(email);
        mobile = stripped(mobile);
        privatePhone = stripped(privatePhone);
    }

    /** A card with the display name only. */
    public static ContactCard named(String displayName) {
        return new ContactCard(displayName, null, null, null, List.of(), null, null, null, null);
    }

    /** Everything wrong with this card, one sentence each; empty when it can be kept. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (displayName == null) {
            problems.add("displayName is required");
        }
        text(problems, "displayName", displayName);
        text(problems, "title", title);
        text(problems, "company", company);
        text(problems, "department", department);
        if (businessPhones.size() > MAX_BUSINESS_PHONES) {
            problems.add("businessPhones has " + businessPhones.size() + " numbers; at most " + MAX_BUSINESS_PHONES
                    + " are kept");
        }
        businessPhones.forEach(phone -> phone(problems, "businessPhones", phone));
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add("email '" + email + "' is not an e-mail address");
        }
        phone(problems, "mobile", mobile);
        phone(problems, "privatePhone", privatePhone);
        if (photo != null) {
            photo.problem().ifPresent(problems::add);
        }
        return problems;
    }

    private static void text(List<String> problems, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            problems.add(field + " is " + value.length() + " characters long; at most " + MAX_TEXT_LENGTH
                    + " are kept");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(field + " may not contain control characters or line breaks");
        }
    }

    private static void phone(List<String> problems, String field, String value) {
        if (value != null && !PHONE.matcher(value).matches()) {
            problems.add(field + " '" + value + "' is not a phone number (digits, an optional leading +, spaces,"
                    + " ( ) . / - and an extension such as x123)");
        }
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
