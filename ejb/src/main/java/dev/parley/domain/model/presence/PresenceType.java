package dev.parley.domain.model.presence;

import java.util.Objects;
import java.util.Optional;

/** The kinds of presence stanza (RFC 6121 §4.7.1), by their {@code type} attribute; AVAILABLE has none. */
public enum PresenceType {
    AVAILABLE(null),
    UNAVAILABLE("unavailable"),
    SUBSCRIBE("subscribe"),
    SUBSCRIBED("subscribed"),
    UNSUBSCRIBE("unsubscribe"),
    UNSUBSCRIBED("unsubscribed"),
    PROBE("probe"),
    ERROR("error");

    private final String xmlValue;

    PresenceType(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    public Optional<String> xmlValue() {
        return Optional.ofNullable(xmlValue);
    }

    /** The kind a presence stanza's {@code type} (null when absent) names; StanzaXml accepted only these. */
    public static PresenceType of(String type) {
        for (PresenceType candidate : values()) {
            if (Objects.equals(candidate.xmlValue, type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("No presence type '" + type + "'");
    }
}
