package dev.parley.domain.model.stanza;

import java.util.Locale;
import java.util.Set;

/** The three stanza kinds of RFC 6120 §8. */
public enum StanzaKind {
    MESSAGE(false, "chat", "error", "groupchat", "headline", "normal"),
    PRESENCE(false, "error", "probe", "subscribe", "subscribed", "unavailable", "unsubscribe", "unsubscribed"),
    IQ(true, "get", "set", "result", "error");

    private final boolean typeRequired;
    private final Set<String> types;

    StanzaKind(boolean typeRequired, String... types) {
        this.typeRequired = typeRequired;
        this.types = Set.of(types);
    }

    /** Whether {@code type} (null when absent) is allowed for this kind by RFC 6120 §8.2.2 and RFC 6121. */
    public boolean allowsType(String type) {
        return type == null ? !typeRequired : types.contains(type);
    }

    public String elementName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StanzaKind ofElement(String name) throws InvalidStanzaException {
        for (StanzaKind kind : values()) {
            if (kind.elementName().equals(name)) {
                return kind;
            }
        }
        throw new InvalidStanzaException("<" + name + "/> is not a stanza: expected message, presence or iq");
    }
}
