package dev.parley.application;

/** There is no open S2S session with the id asked for (any more, or federation is off). */
public class SessionNotFoundException extends Exception {

    private final String id;

    public SessionNotFoundException(String id) {
        super("There is no open S2S session " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
