package dev.parley.domain.model.roster;

/** The user's roster has no such contact, and no request from them waits. */
public class ContactNotFoundException extends Exception {

    public ContactNotFoundException(String contact) {
        super(contact + " is not in your contacts");
    }
}
