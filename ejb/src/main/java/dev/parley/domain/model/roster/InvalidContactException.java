package dev.parley.domain.model.roster;

/** A contact address a user cannot add: not a user's bare JID, the user themselves, or a domain not federated with. */
public class InvalidContactException extends Exception {

    public InvalidContactException(String message) {
        super(message);
    }
}
