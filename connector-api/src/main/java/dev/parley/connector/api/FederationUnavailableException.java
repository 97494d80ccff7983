package dev.parley.connector.api;

import jakarta.resource.ResourceException;

/** Federation is switched off, or could not start (the message says why); nothing was sent. */
public class FederationUnavailableException extends ResourceException {

    private static final long serialVersionUID = 1L;

    public FederationUnavailableException(String reason) {
        super(reason);
    }
}
