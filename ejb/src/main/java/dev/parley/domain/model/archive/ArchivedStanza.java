package dev.parley.domain.model.archive;

import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaKind;
import dev.parley.domain.model.user.UserName;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message of a local user's history, as it arrived or left: its {@code owner}, the local user whose history it
 * is, and its {@code peer}, the bare JID of the other side, which the history is searched by. Rows kept before
 * histories had owners have none, and only show in an administrator's search by recipient.
 */
@Entity
@Table(name = "archived_stanza")
public class ArchivedStanza {

    // From a sequence, 50 at a time (schema version 10), not the identity column: Hibernate then knows the ids before
    // it inserts, and writes a transaction's rows in one batch.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archived_stanza_ids")
    @SequenceGenerator(name = "archived_stanza_ids", sequenceName = "archived_stanza_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StanzaKind kind;

    @Column(nullable = false)
    private String sender;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "stanza_type")
    private String type;

    @Column(name = "stanza_id")
    private String stanzaId;

    @Column(nullable = false)
    private String xml;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /** The canonical {@link UserName} whose history this is. */
    @Column(name = "owner", length = UserName.MAX_LENGTH * 4)
    private String owner;

    /** The other side's bare JID. */
    @Column(name = "peer", length = 3071)
    private String peer;

    /** Whether the owner sent it. */
    @Column(nullable = false)
    private boolean outbound;

    protected ArchivedStanza() {
        // for JPA
    }

    private ArchivedStanza(StanzaEnvelope stanza, UserName owner, boolean outbound, Instant at) {
        this.kind = stanza.kind();
        this.sender = stanza.from();
        this.recipient = stanza.to();
        this.type = stanza.type();
        this.stanzaId = stanza.id();
        this.xml = stanza.xml();
        this.receivedAt = at;
        this.owner = owner.value();
        this.outbound = outbound;
        this.peer = bare(outbound ? stanza.to() : stanza.from());
    }

    /** What reached {@code owner}: a message from someone, or the error for one the owner sent. */
    public static ArchivedStanza received(StanzaEnvelope stanza, UserName owner, Instant at) {
        return new ArchivedStanza(stanza, owner, false, at);
    }

    /** What {@code owner} sent. */
    public static ArchivedStanza sent(StanzaEnvelope stanza, UserName owner, Instant at) {
        return new ArchivedStanza(stanza, owner, true, at);
    }

    /** {@code address} without its resource, canonical; as given where it is no JID (StanzaXml let it through). */
    static String bare(String address) {
        try {
            return Jid.parse(address).asBareJid().toString();
        } catch (InvalidJidException e) {
            int slash = address.indexOf('/');
            return slash < 0 ? address : address.substring(0, slash);
        }
    }

    public Long id() {
        return id;
    }

    public StanzaEnvelope stanza() {
        return new StanzaEnvelope(kind, sender, recipient, type, stanzaId, xml);
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** Whether the history's owner sent it. */
    public boolean outbound() {
        return outbound;
    }
}
