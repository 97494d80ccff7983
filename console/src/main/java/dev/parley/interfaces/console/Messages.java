package dev.parley.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;

/** Messages shown on the console's pages; those of a successful action survive the redirect that follows it. */
final class Messages {

    private Messages() {
    }

    /** A message about the page as a whole, kept across the redirect after a successful change. */
    static void done(String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** Problems about the page as a whole. */
    static void problems(List<String> texts) {
        texts.forEach(text -> problem(null, text));
    }

    /**
     * A problem next to one field.
     *
     * @param clientId the field's client id, or null for the page as a whole
     */
    static void problem(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
