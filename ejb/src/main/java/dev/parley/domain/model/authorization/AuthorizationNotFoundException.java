package dev.parley.domain.model.authorization;

/** There is no domain authorization with the id asked for (any more). */
public class AuthorizationNotFoundException extends Exception {

    private final long id;

    public AuthorizationNotFoundException(long id) {
        super("There is no domain authorization " + id);
        this.id = id;
    }

    public long id() {
        return id;
    }
}
