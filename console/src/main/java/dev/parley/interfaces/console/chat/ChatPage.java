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
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chat page of a signed-in local user. Its view keeps no state on the server (the page is fetched anew whenever
 * something arrives, which would otherwise use up the session's views): every form carries what it acts on, the
 * contact it answers and the conversation it belongs to, so that a click never acts on a row that moved meanwhile.
 * Opening the page the first time in a session makes the user available, as a client's initial presence does;
 * signing out, or the session ending, makes them unavailable ({@link ChatSessions}). What the user does goes through
 * the same services as the user API, so the page can do nothing the API refuses.
 */
@Named
@RequestScoped
public class ChatPage {

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
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        with = external.getRequestParameterMap().get("with");
        Presence current = ChatSessions.signedIn((HttpServletRequest) external.getRequest(), presence, me());
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
                lines.add(0, new ChatLine(archived.outbound(),
                        error.map(why -> "Not delivered: " + why).orElse(body.orElse("")), error.isPresent(),
                        archived.receivedAt()));
            }
        }
        return lines;
    }

    public String send() {
        try {
            messaging.send(me(), with, text, null);
        } catch (InvalidMessageException e) {
            e.problems().forEach(problem -> problem("chat:text", problem));
            return null;
        }
        return stay();
    }

    public String addContact() {
        try {
            with = presence.subscribe(me(), newContact, null).item().contact();
        } catch (InvalidContactException e) {
            problem("add-contact:new-contact", e.getMessage());
            return null;
        }
        return stay();
    }

    /** Approves the contact the row's form names. */
    public String approve() {
        try {
            presence.approve(me(), postedContact());
        } catch (ContactNotFoundException e) {
            problem(null, e.getMessage());
        }
        return stay();
    }

    /** Refuses the contact the row's form names. */
    public String refuse() {
        try {
            presence.refuse(me(), postedContact());
        } catch (ContactNotFoundException e) {
            problem(null, e.getMessage());
        }
        return stay();
    }

    public String setPresence() {
        Optional<String> problem = Presence.statusProblem(status);
        if (problem.isPresent()) {
            problem("presence:status", problem.get());
            return null;
        }
        presence.setPresence(me(), Presence.of(availability, status));
        return stay();
    }

    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ChatSessions.signOut((HttpServletRequest) external.getRequest(), presence, me());
        external.invalidateSession();
        return "/chat/index.xhtml?faces-redirect=true";
    }

    public Availability[] getAvailabilities() {
        return Availability.values();
    }

    public String getWith() {
        return with;
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
        return "/chat/index.xhtml?faces-redirect=true"
                + (with == null || with.isBlank() ? "" : "&with=" + URLEncoder.encode(with, StandardCharsets.UTF_8));
    }

    private static String postedContact() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("contact");
    }

    private static void problem(String field, String text) {
        FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static UserName me() {
        return UserName.of(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }
}
