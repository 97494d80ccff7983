package dev.parley.domain.model.certificate;

/** There is no trusted CA with the id asked for (any more). */
public class TrustedCaNotFoundException extends Exception {

    private final long id;

    public TrustedCaNotFoundException(long id) {
        super("There is no trusted CA " + id);
        this.id = id;
    }

    public long id() {
        return id;
    }
}
