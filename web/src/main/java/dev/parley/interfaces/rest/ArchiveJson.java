package dev.parley.interfaces.rest;

import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** Kept stanzas as the API shows them, and the {@code limit} parameter that pages them. */
final class ArchiveJson {

    private ArchiveJson() {
    }

    static JsonArray toJson(List<ArchivedStanza> stanzas) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ArchivedStanza archived : stanzas) {
            StanzaEnvelope stanza = archived.stanza();
            list.add(Json.createObjectBuilder()
                    .add("archiveId", archived.id())
                    .add("receivedAt", archived.receivedAt().toString())
                    .add("direction", archived.outbound() ? "out" : "in")
                    .add("kind", stanza.kind().elementName())
                    .add("from", stanza.from())
                    .add("to", stanza.to())
                    .add("type", JsonDocuments.nullable(stanza.type()))
                    .add("id", JsonDocuments.nullable(stanza.id()))
                    .add("xml", stanza.xml()));
        }
        return list.build();
    }

    static int limit(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Query parameter 'limit' must be a whole number, not '" + text + "'");
        }
    }
}
