package dev.parley.domain.model.user;

/** No local user has the name asked for. */
public class UserNotFoundException extends Exception {

    public UserNotFoundException(UserName name) {
        super("There is no local user " + name);
    }
}
