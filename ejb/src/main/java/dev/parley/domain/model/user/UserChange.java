package dev.parley.domain.model.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local user as an administrator creates or replaces them.
 *
 * @param userName the sign-in name and localpart, as typed (canonicalised when applied)
 * @param password the sign-in password; required to create, null on a replacement to keep the current one
 * @param enabled  whether the user may sign in and be reached; a disabled user is, for remote servers, unknown
 */
public record UserChange(String userName, ContactCard card, String password, boolean enabled) {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads no more than 72 bytes: a longer password would be partly ignored. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /**
     * Everything wrong with this change, one sentence each; empty when it can be applied.
     *
     * @param creating whether a password is required
     */
    public List<String> problems(boolean creating) {
        List<String> problems = new ArrayList<>();
        UserName.problem(userName).ifPresent(problems::add);
        if (card == null) {
            problems.add("displayName is required");
        } else {
            problems.addAll(card.problems());
        }
        if (password == null) {
            if (creating) {
                problems.add("password is required for a new user");
            }
        } else {
            passwordProblem(password).ifPresent(problems::add);
        }
        return problems;
    }

    /** The canonical user name; call only once {@link #problems} found none. */
    public UserName name() {
        return UserName.of(userName);
    }

    /** What is wrong with {@code password} as a sign-in password; empty when nothing is. */
    public static Optional<String> passwordProblem(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("password may not contain control characters");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        // Never the password: a change may be logged.
        return "UserChange[userName=" + userName + ", card=" + card + ", enabled=" + enabled + "]";
    }
}
