package dev.parley.xmpp.stanza;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The defined stanza error conditions of RFC 6120 §8.3.3, each with the error type the RFC
 * suggests for it.
 */
public enum StanzaErrorCondition {
    BAD_REQUEST(StanzaErrorType.MODIFY),
    CONFLICT(StanzaErrorType.CANCEL),
    FEATURE_NOT_IMPLEMENTED(StanzaErrorType.CANCEL),
    FORBIDDEN(StanzaErrorType.AUTH),
    GONE(StanzaErrorType.CANCEL),
    INTERNAL_SERVER_ERROR(StanzaErrorType.CANCEL),
    ITEM_NOT_FOUND(StanzaErrorType.CANCEL),
    JID_MALFORMED(StanzaErrorType.MODIFY),
    NOT_ACCEPTABLE(StanzaErrorType.MODIFY),
    NOT_ALLOWED(StanzaErrorType.CANCEL),
    NOT_AUTHORIZED(StanzaErrorType.AUTH),
    POLICY_VIOLATION(StanzaErrorType.MODIFY),
    RECIPIENT_UNAVAILABLE(StanzaErrorType.WAIT),
    REDIRECT(StanzaErrorType.MODIFY),
    REGISTRATION_REQUIRED(StanzaErrorType.AUTH),
    REMOTE_SERVER_NOT_FOUND(StanzaErrorType.CANCEL),
    REMOTE_SERVER_TIMEOUT(StanzaErrorType.WAIT),
    RESOURCE_CONSTRAINT(StanzaErrorType.WAIT),
    SERVICE_UNAVAILABLE(StanzaErrorType.CANCEL),
    SUBSCRIPTION_REQUIRED(StanzaErrorType.AUTH),
    UNDEFINED_CONDITION(StanzaErrorType.CANCEL),
    UNEXPECTED_REQUEST(StanzaErrorType.WAIT);

    /** The namespace of the condition elements. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final StanzaErrorType defaultType;

    StanzaErrorCondition(StanzaErrorType defaultType) {
        this.defaultType = defaultType;
    }

    public StanzaErrorType defaultType() {
        return defaultType;
    }

    /** The condition whose element name is {@code elementName}, e.g. {@code service-unavailable}; empty for others. */
    public static Optional<StanzaErrorCondition> ofElementName(String elementName) {
        return Arrays.stream(values()).filter(condition -> condition.elementName().equals(elementName)).findFirst();
    }

    /** The condition's element name, e.g. {@code service-unavailable}. */
    public String elementName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
