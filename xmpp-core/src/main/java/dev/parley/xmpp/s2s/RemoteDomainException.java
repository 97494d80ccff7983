package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;

import java.util.concurrent.CompletionException;

/**
 * Why a remote domain could not be reached or would not authenticate us; the condition is what the
 * senders of waiting stanzas get back, the message what they (and the administrator) read.
 */
final class RemoteDomainException extends Exception {

    private final StanzaErrorCondition condition;

    RemoteDomainException(StanzaErrorCondition condition, String message) {
        super(message);
        this.condition = condition;
    }

    StanzaErrorCondition condition() {
        return condition;
    }

    /** {@code failure} itself, or its cause when a future wrapped it. */
    static RemoteDomainException of(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RemoteDomainException known) {
            return known;
        }
        return new RemoteDomainException(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                "internal failure while connecting: " + cause);
    }
}
