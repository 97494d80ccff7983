package dev.parley.xmpp.tls;

/**
 * A key, key store or certificate text that cannot be read as a {@link ServerCredential} or as certificates; the
 * message says why, for an administrator, and never quotes the key or a password.
 */
public final class CredentialLoadException extends IllegalArgumentException {

    public CredentialLoadException(String message) {
        super(message);
    }

    public CredentialLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
