package dev.parley.interfaces.console.chat;

import dev.parley.application.Contact;
import dev.parley.application.InvalidMessageException;
import dev.parley.application.MessagingService;
import dev.parley.application.PresenceService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.presence.Availability;
import dev.parley.domain.model.presence.Presence;
import dev.parley.domain.model.roster.ContactNotFoundException;
import dev.parley.domain.model.roster.InvalidContactException;
import dev.parley.domain.model.stanza.ChatMessages;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.user.UserName;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chat page of a signed-in local user. Opening it makes the user available, as a client's initial presence does
 * (unless the user chose another presence already); signing out makes them unavailable. What the user does goes
 * through the same services as the user API, so the page can do nothing the API refuses.
 */
@Named
@ViewScoped
public class ChatPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int CONVERSATION_LINES = 100;

    @Inject
    PresenceService presence;

    @Inject
    MessagingService messaging;

    @Inject
    ServedDomain servedDomain;

    private String with;
    private String newContact;
    private String text;
    private Availability availability;
    private String status;

    @PostConstruct
    void load() {
        Presence current = presence.presenceOf(me());
        if (!current.availability().online()) {
            current = Presence.of(Availability.AVAILABLE, null);
            presence.setPresence(me(), current);
        }
        availability = current.availability();
        status = current.status().orElse(null);
    }

    /** The signed-in user's address. */
    public String getJid() {
        return servedDomain.jidOf(me()).toString();
    }

    public List<Contact> getContacts() {
        return presence.contacts(me());
    }

    /** The conversation with the chosen contact, oldest first. */
    public List<ChatLine> getConversation() {
        if (with == null || with.isBlank()) {
            return List.of();
        }
        List<ChatLine> lines = new ArrayList<>();
        for (ArchivedStanza archived : messaging.conversation(me(), with, CONVERSATION_LINES)) {
            StanzaEnvelope message = archived.stanza();
            Optional<String> error = ChatMessages.error(message);
            Optional<String> body = ChatMessages.body(message);
            if (error.isPresent() || body.isPresent()) {
                boolean mine = message.from().startsWith(getJid());
                lines.add(0, new ChatLine(mine && error.isEmpty(),
                        error.map(why -> "Not delivered: " + why).orElse(body.orElse("")), error.isPresent(),
                        archived.receivedAt()));
            }
        }
        return lines;
    }

    public String send() {
        try {
            messaging.send(me(), with, text, null);
            text = null;
        } catch (InvalidMessageException e) {
            e.problems().forEach(problem -> problem("chat:text", problem));
            return null;
        }
        return stay();
    }

    public String addContact() {
        try {
            Contact added = presence.subscribe(me(), newContact, null);
            with = added.item().contact();
            newContact = null;
        } catch (InvalidContactException e) {
            problem("add-contact:new-contact", e.getMessage());
            return null;
        }
        return stay();
    }

    public String approve(String contact) {
        try {
            presence.approve(me(), contact);
        } catch (ContactNotFoundException e) {
            problem(null, e.getMessage());
        }
        return stay();
    }

    public String refuse(String contact) {
        try {
            presence.refuse(me(), contact);
        } catch (ContactNotFoundException e) {
            problem(null, e.getMessage());
        }
        return stay();
    }

    public String setPresence() {
        if (status != null && (status.strip().length() > Presence.MAX_STATUS_LENGTH
                || status.chars().anyMatch(Character::isISOControl))) {
            problem("presence:status", "A status note has at most " + Presence.MAX_STATUS_LENGTH
                    + " characters on one line");
            return null;
        }
        presence.setPresence(me(), Presence.of(availability, status));
        return stay();
    }

    public String signOut() throws ServletException {
        presence.setPresence(me(), Presence.UNAVAILABLE);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/chat/index.xhtml?faces-redirect=true";
    }

    public Availability[] getAvailabilities() {
        return Availability.values();
    }

    public String getWith() {
        return with;
    }

    public void setWith(String with) {
        this.with = with;
    }

    public String getNewContact() {
        return newContact;
    }

    public void setNewContact(String newContact) {
        this.newContact = newContact;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Availability getAvailability() {
        return availability;
    }

    public void setAvailability(Availability availability) {
        this.availability = availability;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    private String stay() {
        return "/chat/index.xhtml?faces-redirect=true&includeViewParams=true";
    }

    private static void problem(String field, String text) {
        FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static UserName me() {
        return UserName.of(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }
}
