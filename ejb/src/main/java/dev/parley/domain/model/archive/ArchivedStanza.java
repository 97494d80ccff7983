package dev.parley.domain.model.archive;

import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stanza delivered to a local user, as it arrived. */
@Entity
@Table(name = "archived_stanza")
public class ArchivedStanza {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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

    protected ArchivedStanza() {
        // for JPA
    }

    public ArchivedStanza(StanzaEnvelope stanza, Instant receivedAt) {
        this.kind = stanza.kind();
        this.sender = stanza.from();
        this.recipient = stanza.to();
        this.type = stanza.type();
        this.stanzaId = stanza.id();
        this.xml = stanza.xml();
        this.receivedAt = receivedAt;
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
}
