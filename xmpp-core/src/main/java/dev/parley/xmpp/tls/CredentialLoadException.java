package dev.parley.xmpp.tls;

/** A key or certificate file that cannot be read as a {@link ServerCredential}; the message says why. */
public final class CredentialLoadException extends RuntimeException {

    public CredentialLoadException(String message) {
        super(message);
    }

    public CredentialLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
